package tradetalk.answer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import tradetalk.answer.model.ComposeOutcome;
import tradetalk.answer.model.FallbackComposer;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;

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
        this.search = search;
        this.composer = new FallbackComposer(primary, offline);
        this.clock = clock;
    }

    /** Answers a question; {@code partial} sees the text grow when the backend streams. */
    public CitedAnswer answer(AnswerRequest request, Consumer<String> partial) {
        long t0 = System.nanoTime();
        // a question asked as of a date is searched as of it (search.as-of-recency-weight); one without is answered
        // as of today, with the recency weight of undated questions
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        SearchRequest sr = SearchRequest.of(request.searchText(), request.k()).withAsOf(request.asOf());
        List<SearchHit> hits = search.search(sr);
        long t1 = System.nanoTime();
        String composeText = request.history().isEmpty() ? request.question() : request.searchText();
        ComposeOutcome outcome = composer.composeWithFallback(composeText, request.asOf(), hits, partial);
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
