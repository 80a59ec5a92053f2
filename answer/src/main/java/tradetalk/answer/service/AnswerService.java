package tradetalk.answer.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.Composition;
import tradetalk.answer.Timings;
import tradetalk.answer.model.ComposeOutcome;
import tradetalk.answer.model.FallbackComposer;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;

/**
 * Answers questions: retrieves passages, composes with the configured backend and, when that backend fails, with
 * the offline composer, saying why.
 */
public final class AnswerService {

    private final PassageSearch search;
    private final FallbackComposer composer;
    private final Clock clock;

    /**
     * @param search  retrieval
     * @param primary the configured composer (may be the offline one)
     * @param offline the offline composer, used when the primary fails
     */
    public AnswerService(PassageSearch search, AnswerComposer primary, AnswerComposer offline) {
        this(search, primary, offline, Clock.systemDefaultZone());
    }

    /**
     * @param clock what "today" is: the as-of date of a question that gives none
     */
    public AnswerService(PassageSearch search, AnswerComposer primary, AnswerComposer offline, Clock clock) {
        this(search, new FallbackComposer(primary, offline), clock);
    }

    private AnswerService(PassageSearch search, FallbackComposer composer, Clock clock) {
        this.search = search;
        this.composer = composer;
        this.clock = clock;
    }

    /** This service with another clock (what "today" is): the same retrieval and composers. */
    public AnswerService withClock(Clock c) {
        return new AnswerService(search, composer, c);
    }

    /** The day a question is asked: its as-of date, else today by this service's clock. */
    public LocalDate askedOn(AnswerRequest request) {
        return request.asOf() != null ? request.asOf() : LocalDate.now(clock);
    }

    /**
     * Answers a question; {@code partial} sees the text grow when the backend streams. A question is asked as of a
     * day, its as-of date or today: searched with later articles left out and recency decided by the question and
     * the index (not by whether a date was given), and composed as of that day.
     */
    public CitedAnswer answer(AnswerRequest request, Consumer<String> partial) {
        long t0 = System.nanoTime();
        LocalDate asOf = askedOn(request);
        List<SearchHit> hits = search.search(request.searchRequest(asOf));
        long t1 = System.nanoTime();
        String composeText = request.history().isEmpty() ? request.question() : request.searchText();
        ComposeOutcome outcome = composer.composeWithFallback(composeText, asOf, hits, partial);
        Composition c = outcome.composition();
        long t2 = System.nanoTime();
        Timings timings = new Timings(ms(t1 - t0), ms(t2 - t1), ms(t2 - t0));
        return new CitedAnswer(
                request.question(),
                c.answer(),
                c.abstained(),
                outcome.backend(),
                outcome.fallback(),
                c.citations(),
                c.nearest(),
                timings,
                c.usage(),
                asOf,
                c.sentences());
    }

    /** Answers without streaming. */
    public CitedAnswer answer(AnswerRequest request) {
        return answer(request, s -> {});
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
