package tradetalk.answer.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.retrieval.SearchHit;

/**
 * Tries the model composer, and answers offline when it fails. {@link #composeWithFallback} tells which backend
 * answered and why it fell back; {@link #compose} returns only the composition.
 *
 * <p>A streaming primary may already have delivered partial text when it fails; the offline answer then replaces it.
 */
public final class FallbackComposer implements AnswerComposer {

    private static final Logger log = LoggerFactory.getLogger(FallbackComposer.class);

    private final AnswerComposer primary;
    private final AnswerComposer offline;

    /**
     * @param primary the model composer
     * @param offline the composer used when the primary throws
     */
    public FallbackComposer(AnswerComposer primary, AnswerComposer offline) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.offline = Objects.requireNonNull(offline, "offline");
    }

    /** The primary's name: what is configured. */
    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        return composeWithFallback(question, evidence, partial).composition();
    }

    /**
     * Composes with the primary; on {@link ComposerException} (or any other runtime failure) composes offline.
     *
     * @return the composition, the backend that produced it and, after a fallback, the reason
     */
    public ComposeOutcome composeWithFallback(String question, List<SearchHit> evidence, Consumer<String> partial) {
        if (primary == offline) {
            return new ComposeOutcome(offline.compose(question, evidence, partial), offline.name(), null);
        }
        String reason;
        try {
            return new ComposeOutcome(primary.compose(question, evidence, partial), primary.name(), null);
        } catch (ComposerException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            // a bug in the backend, not a reported failure: still answer, but say so
            reason = primary.name() + " backend failed (" + e.getClass().getSimpleName() + ")";
            log.error("{} backend threw unexpectedly", primary.name(), e);
        }
        log.warn("{} backend failed, answering offline: {}", primary.name(), reason);
        return new ComposeOutcome(offline.compose(question, evidence, partial), offline.name(), reason);
    }
}
