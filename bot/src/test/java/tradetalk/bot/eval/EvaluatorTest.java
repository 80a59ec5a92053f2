package tradetalk.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;

class EvaluatorTest {

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
            return ps.subList(0, Math.min(r.k(), ps.size())).stream().map(p -> new SearchHit(p, 1, 0, 0)).toList();
        }
    }

    @Test
    void given_hand_made_rankings_when_evaluated_then_article_and_passage_metrics_are_exact() {
        Passage a = passage("https://a.example/1", "Alpha", "Alpha text has the first fact in it.");
        Passage b = passage("https://b.example/2", "Beta", "Beta text, nothing relevant.");
        Passage c = passage("https://c.example/3", "Gamma", "Gamma text holds the second fact.");
        FixedSearch search = new FixedSearch(Map.of(
                "q1", List.of(b, a, c),        // article hit at rank 2, facts at ranks 2 and 3
                "q2", List.of(b, b, b, b, b, c), // evidence by title only, first hit at rank 6
                "q3", List.of(a)));              // null query: skipped
        List<EvalQuery> qs = List.of(
                new EvalQuery("q1", "Yes", List.of(), "comparison_query", List.of(
                        new EvalQuery.Evidence("Alpha", "https://a.example/1/", "", "the first fact"),
                        new EvalQuery.Evidence("Gamma", "https://c.example/3", "", "the second  fact")),
                        false, null),
                new EvalQuery("q2", "", List.of(), "inference_query", List.of(
                        new EvalQuery.Evidence("gamma", "", "", "")), false, LocalDate.of(2023, 12, 1)),
                new EvalQuery("q3", "Insufficient information.", List.of(), "null_query", List.of(), true, null));

        EvalReport r = new Evaluator(search, null, 10, 4, 0).run(qs, List.of(Evaluator.TRADETALK), s -> { });

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
        assertThat(search.seen).extracting(SearchRequest::asOf).containsExactly(null, LocalDate.of(2023, 12, 1),
                null);
        assertThat(search.seen).extracting(SearchRequest::mode).containsOnly(SearchRequest.Mode.HYBRID);
    }

    @Test
    void given_a_short_gold_answer_or_mentions_then_they_are_what_the_answer_must_contain() {
        EvalQuery shortAnswer = new EvalQuery("q", "Sam Bankman-Fried.", List.of(), "", List.of(), false, null);
        EvalQuery longAnswer = new EvalQuery("q", "a long answer of many more than five words", List.of(), "",
                List.of(), false, null);
        EvalQuery mentions = new EvalQuery("q", "", List.of("Mnuchin", "Lighthizer"), "", List.of(), false, null);

        assertThat(shortAnswer.expectedMentions()).containsExactly("Sam Bankman-Fried");
        assertThat(longAnswer.expectedMentions()).isEmpty();
        assertThat(mentions.expectedMentions()).containsExactly("Mnuchin", "Lighthizer");
        assertThat(shortAnswer.questionType()).isEqualTo("unspecified");
    }
}
