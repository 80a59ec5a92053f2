package tradetalk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.Citation;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.UserError;
import tradetalk.answer.service.AnswerService;
import tradetalk.bot.ops.Question;
import tradetalk.bot.ops.Questions;

/**
 * Answers a question onto a {@link Messages.Surface}: streams the growing text (at most one edit per interval), then
 * writes the final cited answer split into messages Discord accepts, the last one carrying the feedback buttons.
 * Remembers each answer for the feedback it may get, and reports each question's end to {@link Questions}.
 */
public final class Answering {

    private static final Logger log = LoggerFactory.getLogger(Answering.class);
    /** Prefix of the feedback buttons' custom ids: {@code fb:<answerId>:up|down}. */
    public static final String FEEDBACK_PREFIX = "fb:";

    /** What feedback on an answer is stored with. */
    public record Answered(String question, String answer, List<String> sources) {}

    private final AnswerService answers;
    private final int k;
    private final Duration editInterval;
    private final Clock clock;
    private final Questions questions;
    private final Cache<String, Answered> recent = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(7))
            .build();

    public Answering(AnswerService answers, int k, Duration editInterval, Clock clock) {
        this(answers, k, editInterval, clock, Questions.none());
    }

    /**
     * @param questions where each question's end is reported (metrics, the question log)
     */
    public Answering(AnswerService answers, int k, Duration editInterval, Clock clock, Questions questions) {
        this.questions = questions;
        this.answers = answers;
        this.k = k;
        this.editInterval = editInterval;
        this.clock = clock;
    }

    /**
     * Answers, writing to the surface; blocks until the answer is sent.
     *
     * @param history earlier questions of the conversation, oldest first
     * @return the answer
     */
    public CitedAnswer answer(String question, List<String> history, Messages.Surface surface) {
        return answer("ask", question, history, null, surface);
    }

    /**
     * Answers as of a date, writing to the surface; blocks until the answer is sent.
     *
     * @param command what it was asked with, for the operator: "ask", "mention" or "follow-up"
     * @param history earlier questions of the conversation, oldest first
     * @param asOf    answer as of this day (later articles left out); null for today
     * @return the answer
     */
    public CitedAnswer answer(
            String command, String question, List<String> history, LocalDate asOf, Messages.Surface surface) {
        return questions.observe(
                command, question, () -> answerNow(question, history, asOf, surface), Question.Result::of);
    }

    private CitedAnswer answerNow(String question, List<String> history, LocalDate asOf, Messages.Surface surface) {
        Streamer streamer = new Streamer(surface);
        AnswerRequest request = UserError.whenInvalid(() -> new AnswerRequest(question, history, k, asOf));
        CitedAnswer a = answers.answer(request, streamer::partial);
        streamer.awaitEdits();
        String answerId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        List<String> sources = new ArrayList<>();
        for (Citation c : a.abstained() ? a.nearest() : a.citations()) {
            sources.add("[" + c.n() + "] " + DiscordFormat.sourceLine(c.article()));
        }
        recent.put(answerId, new Answered(question, a.answer(), sources));
        List<ActionRow> buttons = List.of(ActionRow.of(
                Button.success(FEEDBACK_PREFIX + answerId + ":up", "Helpful"),
                Button.secondary(FEEDBACK_PREFIX + answerId + ":down", "Not helpful")));
        Messages.sendSplit(surface, DiscordFormat.answer(a), buttons);
        log.info(
                "Answered ({} backend, {} citation(s), {} ms){}",
                a.backend(),
                a.citations().size(),
                a.timings() == null ? -1 : a.timings().totalMs(),
                a.abstained() ? " by abstaining" : "");
        return a;
    }

    /** An answer given recently (for feedback). */
    public Optional<Answered> recent(String answerId) {
        return Optional.ofNullable(recent.getIfPresent(answerId));
    }

    /** Edits the message with the growing text, at most once per interval, in order. */
    private final class Streamer {
        private final Messages.Surface surface;
        private CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        private long lastEditMillis = Long.MIN_VALUE / 2;

        Streamer(Messages.Surface surface) {
            this.surface = surface;
        }

        synchronized void partial(String textSoFar) {
            long now = clock.millis();
            if (textSoFar == null || textSoFar.isBlank() || now - lastEditMillis < editInterval.toMillis()) {
                return;
            }
            lastEditMillis = now;
            var preview = Messages.preview(textSoFar);
            chain = chain.handle((r, e) -> null).thenCompose(x -> surface.edit(preview));
        }

        void awaitEdits() {
            CompletableFuture<?> last;
            synchronized (this) {
                last = chain;
            }
            try {
                last.join();
            } catch (RuntimeException e) {
                log.debug("A streaming edit failed; the final answer replaces it", e);
            }
        }
    }
}
