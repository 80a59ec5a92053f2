package tradetalk.bot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import tradetalk.answer.UserError;

/**
 * Times a question at the edge where its answer is produced and reports how it ended to {@link BotEvents}: the one
 * place that decides answered, declined, invalid or failed.
 */
public final class Questions {

    /** Work that produces an answer (or report) and sends it. */
    @FunctionalInterface
    public interface Work<T> {
        T run();
    }

    private final BotEvents events;
    private final Clock clock;

    public Questions(BotEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Reports nothing (tests, and the CLI). */
    public static Questions none() {
        return new Questions(BotEvents.NONE, Clock.systemUTC());
    }

    /**
     * Runs the work and reports its end; an exception is reported (a {@link UserError} as invalid input, anything
     * else as a failure) and thrown on unchanged.
     *
     * @param command  what was asked: "ask", "mention", "follow-up", "status", "summary"
     * @param text     the question or topic, or null
     * @param describe what the composer did, from the work's result
     */
    public <T> T observe(String command, String text, Work<T> work, Function<T, Question.Result> describe) {
        Instant at = clock.instant();
        long t0 = System.nanoTime();
        T result;
        try {
            result = work.run();
        } catch (RuntimeException | Error e) {
            Question.Outcome o = e instanceof UserError ? Question.Outcome.INVALID : Question.Outcome.FAILED;
            events.question(new Question(command, text, o, at, since(t0), null));
            throw e;
        }
        Question.Result r = describe.apply(result);
        Question.Outcome o = r.declined() ? Question.Outcome.DECLINED : Question.Outcome.ANSWERED;
        events.question(new Question(command, text, o, at, since(t0), r));
        return result;
    }

    /** Reports a rate-limit refusal. */
    public void rateLimited(String scope) {
        events.rateLimited(scope);
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
