package tradetalk.measure.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Citation;
import tradetalk.answer.Composition;
import tradetalk.answer.extract.NearestSources;
import tradetalk.answer.service.AnswerService;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;

class EvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Clock CLOCK =
            Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

    private static Passage passage(String url, String title, String text) {
        ArticleMeta m = new ArticleMeta(url, title, "Outlet", LocalDate.of(2023, 10, 1), url, "", "", "");
        return new Passage(url + "#0", m, 0, text);
    }

    /** A search that answers each query with a fixed ranking and records the requests it saw. */
    private static final class FixedSearch implements PassageSearch {
        final Map<String, List<Passage>> rankings;
        final List<SearchRequest> seen = new ArrayList<>();

        FixedSearch(Map<String, List<Passage>> rankings) {
            this.rankings = rankings;
        }

        @Override
        public List<SearchHit> search(SearchRequest r) {
            seen.add(r);
            List<Passage> ps = rankings.getOrDefault(r.query(), List.of());
            return ps.subList(0, Math.min(r.k(), ps.size())).stream()
                    .map(p -> new SearchHit(p, 1, 0, 0))
                    .toList();
        }
    }

    @Test
    void given_hand_made_rankings_when_evaluated_then_article_and_passage_metrics_are_exact() {
        Passage a = passage("https://a.example/1", "Alpha", "Alpha text has the first fact in it.");
        Passage b = passage("https://b.example/2", "Beta", "Beta text, nothing relevant.");
        Passage c = passage("https://c.example/3", "Gamma", "Gamma text holds the second fact.");
        FixedSearch search = new FixedSearch(Map.of(
                "q1", List.of(b, a, c), // article hit at rank 2, facts at ranks 2 and 3
                "q2", List.of(b, b, b, b, b, c), // evidence by title only, first hit at rank 6
                "q3", List.of(a))); // null query: skipped
        List<EvalQuery> qs = List.of(
                new EvalQuery(
                        "q1",
                        "Yes",
                        List.of(),
                        "comparison_query",
                        List.of(
                                new EvalQuery.Evidence("Alpha", "https://a.example/1/", "", "the first fact"),
                                new EvalQuery.Evidence("Gamma", "https://c.example/3", "", "the second  fact")),
                        false,
                        null),
                new EvalQuery(
                        "q2",
                        "",
                        List.of(),
                        "inference_query",
                        List.of(new EvalQuery.Evidence("gamma", "", "", "")),
                        false,
                        LocalDate.of(2023, 12, 1)),
                new EvalQuery("q3", "Insufficient information.", List.of(), "null_query", List.of(), true, null));

        EvalReport r = new Evaluator(search, null, 10, 4, 0, CLOCK).run(qs, List.of(Evaluator.TRADETALK), s -> {});

        EvalReport.SystemReport s = r.systems().getFirst();
        assertThat(r.queries()).isEqualTo(3);
        assertThat(r.nullQueries()).isEqualTo(1);
        assertThat(s.article()).isEqualTo(new EvalReport.ArticleScores(2, 0, 0.5, 1.0, (0.5 + 1.0 / 6) / 2));
        // MultiHop-RAG: only q1 has facts; first match at rank 2, second fact at rank 3: MAP = (1/2 + 1/3) / 2
        assertThat(s.multihop().queries()).isEqualTo(1);
        assertThat(s.multihop().hits4()).isEqualTo(1.0);
        assertThat(s.multihop().mrr10()).isEqualTo(0.5);
        assertThat(s.multihop().map10()).isCloseTo((0.5 + 1.0 / 3) / 2, within(1e-12));
        assertThat(s.byType()).containsOnlyKeys("comparison_query", "inference_query");
        assertThat(s.byType().get("inference_query").article().hits5()).isZero();
        assertThat(s.retrievalMs().count()).isEqualTo(3);
        // a question without a date is asked today, by the evaluator's clock
        assertThat(search.seen)
                .extracting(SearchRequest::asOf)
                .containsExactly(TODAY, LocalDate.of(2023, 12, 1), TODAY);
        assertThat(search.seen).extracting(SearchRequest::mode).containsOnly(SearchRequest.Mode.HYBRID);
    }

    /** Answers q1 from its first passage, q2 and q5 from their second, abstains on q3 and q4. */
    private static final class ScriptedComposer implements AnswerComposer {
        @Override
        public String name() {
            return "offline";
        }

        @Override
        public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
            if (question.equals("q3") || question.equals("q4")) {
                return NearestSources.abstain(evidence, 3, null);
            }
            Passage p = evidence.get(question.equals("q1") ? 0 : 1).passage();
            return new Composition(
                    p.text() + " [1]", false, List.of(new Citation(1, p.article(), p.id(), p.text())), List.of(), null);
        }
    }

    @Test
    void given_scripted_answers_when_evaluated_then_answer_metrics_per_type_and_per_question_are_exact() {
        Passage a = passage("https://a.example/1", "Alpha", "Alpha says the answer is Lincoln.");
        Passage b = passage("https://b.example/2", "Beta", "Beta text, nothing relevant.");
        Passage c = passage("https://c.example/3", "Gamma", "Gamma text holds Roosevelt.");
        FixedSearch search = new FixedSearch(Map.of(
                "q1", List.of(a, b, c),
                "q2", List.of(c, b, a), // evidence c at rank 1, but the answer quotes b
                "q3", List.of(b, a),
                "q4", List.of(a),
                "q5", List.of(b, c)));
        EvalQuery.Evidence evA = new EvalQuery.Evidence("", "https://a.example/1", "", "");
        EvalQuery.Evidence evC = new EvalQuery.Evidence("", "https://c.example/3", "", "");
        List<EvalQuery> qs = List.of(
                new EvalQuery("q1", "Lincoln", List.of(), "realtimeqa", List.of(evA), false, null),
                new EvalQuery("q2", "Roosevelt", List.of(), "realtimeqa", List.of(evC), false, null),
                new EvalQuery("q3", "Lincoln", List.of(), "other", List.of(evA), false, null),
                new EvalQuery("q4", "", List.of(), "null_query", List.of(), true, null),
                new EvalQuery("q5", "", List.of(), "null_query", List.of(), true, null));
        ScriptedComposer composer = new ScriptedComposer();
        List<Map<String, Object>> lines = new ArrayList<>();

        EvalReport r = new Evaluator(search, new AnswerService(search, composer, composer), 10, 4, 0, CLOCK)
                .perQuestion(lines::add, (q, asOf, hits) -> Map.of("passages", (double) hits.size()))
                .run(qs, List.of(Evaluator.TRADETALK), s -> {});

        EvalReport.AnswerReport ans = r.answers();
        assertThat(ans.falseAbstentionRate()).isEqualTo(1.0 / 3);
        assertThat(ans.abstentionRateNull()).isEqualTo(0.5);
        assertThat(ans.checked()).isEqualTo(3);
        assertThat(ans.containsGold()).isEqualTo(1.0 / 3);
        assertThat(ans.withEvidence()).isEqualTo(3);
        assertThat(ans.citesEvidence()).isEqualTo(1.0 / 3);
        assertThat(ans.byQuestionType()).containsOnlyKeys("null_query", "other", "realtimeqa");
        EvalReport.AnswerTypeReport rt = ans.byQuestionType().get("realtimeqa");
        assertThat(rt.answerable()).isEqualTo(2);
        assertThat(rt.falseAbstentionRate()).isZero();
        assertThat(rt.containsGold()).isEqualTo(0.5);
        assertThat(rt.citesEvidence()).isEqualTo(0.5);
        assertThat(ans.byQuestionType().get("other").falseAbstentionRate()).isEqualTo(1.0);
        assertThat(ans.byQuestionType().get("null_query").abstentionRateNull()).isEqualTo(0.5);
        Map<String, Object> json = r.toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) json.get("answers");
        assertThat(answers)
                .containsEntry("cites_evidence", 0.3333)
                .containsEntry("with_evidence", 3)
                .containsKeys("by_question_type", "by_answer_type", "cites_source", "contains_gold");

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0))
                .containsEntry("question", "q1")
                .containsEntry("gold", List.of("Lincoln"))
                .containsEntry("evidence_ranks", List.of(1))
                .containsEntry("abstained", false)
                .containsEntry("contains_gold", true)
                .containsEntry("cites_evidence", true)
                .containsEntry("signals", Map.of("passages", 3.0));
        assertThat(lines.get(1))
                .containsEntry("evidence_ranks", List.of(1))
                .containsEntry("cites_evidence", false)
                .containsEntry("contains_gold", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cited =
                (List<Map<String, Object>>) lines.get(1).get("cited");
        assertThat(cited)
                .singleElement()
                .satisfies(x -> assertThat(x)
                        .containsEntry("url", "https://b.example/2")
                        .containsEntry("evidence", false));
        assertThat(lines.get(2)).containsEntry("abstained", true).containsEntry("evidence_ranks", List.of(2));
        assertThat(lines.get(3))
                .containsEntry("no_answer", true)
                .containsEntry("gold", List.of())
                .containsEntry("evidence_ranks", List.of());
    }

    /** Composes "Answer." and records the date each question was composed as of. */
    private static final class DateRecordingComposer implements AnswerComposer {
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
            dates.add(asOf);
            return new Composition("Answer.", false, List.of(), List.of(), null);
        }
    }

    @Test
    void in_real_time_each_question_is_asked_on_its_date_by_the_clock_and_every_system_sees_that_day() {
        Passage a = passage("https://a.example/1", "Alpha", "Alpha text.");
        FixedSearch search = new FixedSearch(Map.of("q1", List.of(a), "q2", List.of(a)));
        LocalDate asked = LocalDate.of(2025, 1, 10);
        List<EvalQuery> qs = List.of(
                new EvalQuery("q1", "", List.of(), "realtimeqa", List.of(), false, asked),
                new EvalQuery("q2", "", List.of(), "realtimeqa", List.of(), false, null));
        DateRecordingComposer composer = new DateRecordingComposer();
        // the service's own clock says another day: real time must set it to the question's day
        AnswerService answers = new AnswerService(search, composer, composer, CLOCK);

        new Evaluator(search, answers, 10, 4, 0, CLOCK)
                .realTime(true)
                .run(qs, List.of(Evaluator.TRADETALK, Evaluator.BASELINES.getFirst()), s -> {});

        // hybrid, bm25, then the answers' searches: each asked on the question's day (today for the undated one)
        assertThat(search.seen)
                .extracting(SearchRequest::asOf)
                .containsExactly(asked, TODAY, asked, TODAY, asked, TODAY);
        assertThat(search.seen)
                .extracting(SearchRequest::mode)
                .containsExactly(
                        SearchRequest.Mode.HYBRID,
                        SearchRequest.Mode.HYBRID,
                        SearchRequest.Mode.BM25,
                        SearchRequest.Mode.BM25,
                        SearchRequest.Mode.HYBRID,
                        SearchRequest.Mode.HYBRID);
        assertThat(composer.dates).containsExactly(asked, TODAY);
    }

    @Test
    void given_a_follow_up_then_every_system_searches_it_with_its_history() {
        FixedSearch search = new FixedSearch(Map.of());
        List<EvalQuery> qs = List.of(new EvalQuery(
                "And for the Chinese side?",
                "",
                List.of(),
                "follow_up",
                List.of(),
                false,
                null,
                List.of("Who negotiated phase one for the US?")));

        new Evaluator(search, null, 10, 4, 0, CLOCK).run(qs, List.of(Evaluator.TRADETALK), s -> {});

        assertThat(search.seen)
                .extracting(SearchRequest::query)
                .containsExactly(new tradetalk.answer.AnswerRequest(
                                qs.getFirst().query(), qs.getFirst().history(), 4, null)
                        .searchText());
        assertThat(search.seen.getFirst().query())
                .contains("negotiated phase one")
                .contains("Chinese side");
    }

    @Test
    void given_a_short_gold_answer_or_mentions_then_they_are_what_the_answer_must_contain() {
        EvalQuery shortAnswer = new EvalQuery("q", "Sam Bankman-Fried.", List.of(), "", List.of(), false, null);
        EvalQuery longAnswer =
                new EvalQuery("q", "a long answer of many more than five words", List.of(), "", List.of(), false, null);
        EvalQuery mentions = new EvalQuery("q", "", List.of("Mnuchin", "Lighthizer"), "", List.of(), false, null);

        assertThat(shortAnswer.expectedMentions()).containsExactly("Sam Bankman-Fried");
        assertThat(longAnswer.expectedMentions()).isEmpty();
        assertThat(mentions.expectedMentions()).containsExactly("Mnuchin", "Lighthizer");
        assertThat(shortAnswer.questionType()).isEqualTo("unspecified");
    }
}
