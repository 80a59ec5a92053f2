package tradetalk.answer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.Composition;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;

class AnswerServiceTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private static Clock clockAt(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    /** Records every search and answers with one passage. */
    private static final class RecordingSearch implements PassageSearch {
        final List<SearchRequest> seen = new ArrayList<>();

        @Override
        public List<SearchHit> search(SearchRequest r) {
            seen.add(r);
            ArticleMeta m = new ArticleMeta("a", "Title", "Wire", DAY, "https://a.example", "", "", "");
            return List.of(new SearchHit(new Passage("a#0", m, 0, "Text."), 1, 1, 1));
        }
    }

    /** Records the question and date it composes for. */
    private static final class RecordingComposer implements AnswerComposer {
        final List<String> questions = new ArrayList<>();
        final List<LocalDate> dates = new ArrayList<>();

        @Override
        public String name() {
            return "offline";
        }

        @Override
        public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
            throw new AssertionError("the dated compose must be called");
        }

        @Override
        public Composition compose(
                String question, LocalDate asOf, List<SearchHit> evidence, Consumer<String> partial) {
            questions.add(question);
            dates.add(asOf);
            return new Composition("Answer.", false, List.of(), List.of(), null);
        }
    }

    @Test
    void a_question_without_a_date_is_searched_and_composed_exactly_as_one_asked_as_of_today() {
        RecordingSearch search = new RecordingSearch();
        RecordingComposer composer = new RecordingComposer();
        AnswerService today = new AnswerService(search, composer, composer, clockAt(DAY));
        AnswerService later = new AnswerService(search, composer, composer, clockAt(DAY.plusYears(3)));

        CitedAnswer undated = today.answer(new AnswerRequest("Who won?", List.of(), 5, null));
        CitedAnswer dated = later.answer(new AnswerRequest("Who won?", List.of(), 5, DAY));

        assertThat(search.seen).hasSize(2);
        assertThat(search.seen.get(0)).isEqualTo(search.seen.get(1));
        assertThat(search.seen.get(0).asOf()).isEqualTo(DAY);
        assertThat(composer.dates).containsExactly(DAY, DAY);
        assertThat(undated.asOf()).isEqualTo(dated.asOf()).isEqualTo(DAY);
    }

    @Test
    void with_another_clock_the_same_service_asks_on_that_day() {
        RecordingSearch search = new RecordingSearch();
        RecordingComposer composer = new RecordingComposer();
        AnswerService service = new AnswerService(search, composer, composer, clockAt(DAY));

        service.withClock(clockAt(DAY.minusDays(10))).answer(AnswerRequest.of("Who won?", 5));

        assertThat(search.seen.getFirst().asOf()).isEqualTo(DAY.minusDays(10));
        assertThat(composer.dates).containsExactly(DAY.minusDays(10));
    }

    @Test
    void a_follow_up_is_searched_and_composed_with_the_question_before_it() {
        RecordingSearch search = new RecordingSearch();
        RecordingComposer composer = new RecordingComposer();
        AnswerService service = new AnswerService(search, composer, composer, clockAt(DAY));

        service.answer(new AnswerRequest(
                "And for the Chinese side?",
                List.of("Who led the talks in 2018?", "Who negotiated phase one for the US?"),
                5,
                null));

        String read = "Who negotiated phase one for the US? And for the Chinese side?";
        assertThat(search.seen.getFirst().query()).isEqualTo(read);
        assertThat(composer.questions).containsExactly(read);
    }
}
