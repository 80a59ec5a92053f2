package tradetalk.answer.model;

import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.ComposerException;

/**
 * The one rule for "the model, else the extractive result, with the reason": answers, status reports and summaries
 * all try the model first and, when it fails, return what the offline code made together with why.
 */
public final class ModelFallback {

    private static final Logger log = LoggerFactory.getLogger(ModelFallback.class);

    private ModelFallback() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Runs {@code model}; when it throws a {@link ComposerException} (a reported failure: its message is the reason)
     * or any other runtime exception (a bug in the backend: logged with its stack trace, reported by type only),
     * returns {@code fallback} applied to the reason.
     *
     * @param backend  the model backend's name, e.g. "openai"
     * @param task     what the model was asked for, for the log: "answer", "status", "summary"
     * @param model    the model's attempt
     * @param fallback the extractive result, given the reason the model was not used
     */
    public static <T> T run(String backend, String task, Supplier<T> model, Function<String, T> fallback) {
        String reason;
        try {
            return model.get();
        } catch (ComposerException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            reason = backend + " backend failed (" + e.getClass().getSimpleName() + ")";
            log.error("{} backend threw unexpectedly", backend, e);
        }
        log.warn("{} backend failed on the {}, using the offline one: {}", backend, task, reason);
        return fallback.apply(reason);
    }
}
