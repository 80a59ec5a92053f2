package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import tradetalk.answer.extract.TermWeights;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

/** The evidence signals computed from a question and hand-made passages (no model, no index). */
class EvidenceSignalsTest {

    /** IDF 5 for the rare words below, 8 (an unseen term's) for terms no passage holds, 1 for the rest. */
    private static final double UNSEEN = 8;

    private static final Set<String> RARE = Set.of("eulogi", "eulogy", "carter", "funer", "funeral");

    private static final ToDoubleFunction<String> IDF = t -> RARE.contains(t) ? 5 : 1;

    private static SearchHit hit(String id, String date, double score, double dense, String text) {
        ArticleMeta meta = new ArticleMeta(id, "", "", LocalDate.parse(date), "https://example.com/" + id, "", "", "");
        return new SearchHit(new Passage(id + "#0", meta, 0, text), score, 1.0, dense);
    }

    private static Map<String, Double> signals(String question, LocalDate asOf, List<SearchHit> evidence) {
        return EvidenceSignals.of(
                question,
                asOf,
                new TermWeights(question, IDF, Set.of("who", "at")),
                evidence,
                0.6,
                0.5,
                true,
                true,
                UNSEEN,
                IDF);
    }

    private static final String QUESTION = "Who delivered a eulogy at Jimmy Carter's funeral?";

    /** The as-of week's passage is about something else; the top one, on Carter, is three weeks old. */
    private static final List<SearchHit> OLD_TOP = List.of(
            hit("carter", "2025-01-01", 3.0, 0.80, "Jimmy Carter's funeral will be held in Washington."),
            hit("fires", "2025-01-20", 1.0, 0.40, "Wildfires burned across Los Angeles this week."));

    @Test
    void given_a_dated_question_whose_top_passage_is_weeks_old_then_the_gap_is_the_log_of_its_age_in_days() {
        Map<String, Double> s = signals(QUESTION, LocalDate.of(2025, 1, 22), OLD_TOP);

        assertThat(s.get("dated")).isEqualTo(1.0);
        assertThat(s.get("as_of_gap")).isCloseTo(Math.log1p(21), within(1e-9));
    }

    @Test
    void given_a_dated_question_then_the_week_signals_see_only_the_passages_of_the_week_up_to_the_as_of_date() {
        Map<String, Double> s = signals(QUESTION, LocalDate.of(2025, 1, 22), OLD_TOP);

        // only "fires" is of the week (2025-01-16 to 01-22): its cosine, and none of the question's words
        assertThat(s.get("dense_week")).isEqualTo(0.40);
        assertThat(s.get("coverage_week")).isZero();
        assertThat(s.get("coverage")).isPositive();
    }

    @Test
    void given_a_passage_dated_after_the_as_of_date_then_it_is_not_of_the_week() {
        List<SearchHit> later =
                List.of(hit("carter", "2025-01-25", 3.0, 0.80, "Jimmy Carter's funeral will be held in Washington."));

        Map<String, Double> s = signals(QUESTION, LocalDate.of(2025, 1, 22), later);

        assertThat(s.get("dense_week")).isZero();
        assertThat(s.get("as_of_gap")).isZero();
    }

    @Test
    void given_an_archive_asked_years_after_its_newest_article_then_it_is_judged_without_the_week_signals() {
        // the same question and passages, asked on a day the index's newest article (its anchor) is years behind
        List<SearchHit> archive = OLD_TOP.stream()
                .map(h ->
                        new SearchHit(h.passage(), h.score(), h.lexical(), h.dense(), null, LocalDate.of(2025, 1, 20)))
                .toList();

        Map<String, Double> asked = signals(QUESTION, LocalDate.of(2028, 6, 1), archive);

        assertThat(asked.get("dated")).isZero();
        assertThat(asked.get("dense_week")).isZero();
        assertThat(asked.get("as_of_gap")).isZero();
        // asked for the latest, the same archive is judged on its last week
        Map<String, Double> latest =
                signals("Who delivered the latest eulogy for Jimmy Carter?", LocalDate.of(2028, 6, 1), archive);
        assertThat(latest.get("dated")).isEqualTo(1.0);
    }

    @Test
    void given_an_undated_question_then_the_date_signals_are_zero() {
        Map<String, Double> s = signals(QUESTION, null, OLD_TOP);

        assertThat(s.get("dated")).isZero();
        assertThat(s.get("as_of_gap")).isZero();
        assertThat(s.get("coverage_week")).isZero();
        assertThat(s.get("dense_week")).isZero();
    }

    @Test
    void given_the_top_passage_lacks_a_rare_word_of_the_question_then_rare_missing_top_is_its_share() {
        Map<String, Double> s = signals(QUESTION, null, OLD_TOP);

        // rare: "eulogy" (missing) and "Carter", "funeral" (present), 5 each
        assertThat(s.get("rare_missing_top")).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void given_two_passages_then_the_score_margin_is_the_top_score_minus_the_second() {
        assertThat(signals(QUESTION, null, OLD_TOP).get("score_margin")).isEqualTo(2.0);
        assertThat(signals(QUESTION, null, OLD_TOP.subList(0, 1)).get("score_margin"))
                .isZero();
    }

    @Test
    void every_signal_is_named() {
        assertThat(signals(QUESTION, LocalDate.of(2025, 1, 22), OLD_TOP).keySet())
                .containsExactlyInAnyOrderElementsOf(EvidenceSignals.NAMES);
    }
}
