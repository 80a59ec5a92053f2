package tradetalk.bot.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.Usage;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.summary.Summary;

/**
 * One question a member asked the bot, as its edge saw it end: what for, how it ended, how long it took and what the
 * model cost. No member id: nothing that says who asked.
 *
 * @param command  "ask", "mention", "follow-up", "status", "summary"
 * @param text     the question (for status and summary: the topic or subject), or null when not known
 * @param outcome  how it ended
 * @param at       when it was asked
 * @param latency  from the start of the work to the answer sent
 * @param result   the composer's side of it; null when it failed or was refused before composing
 */
public record Question(String command, String text, Outcome outcome, Instant at, Duration latency, Result result) {

    /** How a question ended. */
    public enum Outcome {
        /** An answer (or report) with sources. */
        ANSWERED,
        /** The articles did not support an answer: the bot said so (what the corpus lacks). */
        DECLINED,
        /** The member's input was not valid (e.g. a bad date); the bot said how to fix it. */
        INVALID,
        /** Something broke on the bot's side; the member got an error id. */
        FAILED;

        /** The lower-case name, as in metrics and the log. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the composer did.
     *
     * @param declined whether it declined (abstained, or found nothing on the topic)
     * @param backend  the composer that wrote it ("offline", "openai", ...)
     * @param fallback why the configured model was not used, or null
     * @param usage    the model's usage, or null when no model answered
     */
    public record Result(boolean declined, String backend, String fallback, Usage usage) {

        /** Whether a model was called: it answered (usage) or failed (fallback). */
        public boolean modelCalled() {
            return usage != null || fallback != null;
        }

        public static Result of(CitedAnswer a) {
            return new Result(a.abstained(), a.backend(), a.fallback(), a.usage());
        }

        public static Result of(StatusReport r) {
            return new Result(r.empty(), r.backend(), r.fallback(), r.usage());
        }

        public static Result of(Summary s) {
            return new Result(s.empty(), s.backend(), s.fallback(), s.usage());
        }
    }
}
