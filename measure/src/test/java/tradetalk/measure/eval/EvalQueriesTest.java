package tradetalk.measure.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.ArticleMeta;

class EvalQueriesTest {

    @Test
    void given_multihop_rag_queries_when_read_then_evidence_facts_and_types_are_kept() {
        String json = """
                [{"query": "Who?", "answer": "Sam", "question_type": "inference_query",
                  "evidence_list": [{"title": "T1", "author": "A", "url": "https://x/1", "source": "S",
                                     "category": "c", "published_at": "2023-09-28T12:00:00+00:00", "fact": "F1"}]},
                 {"query": "Nothing?", "answer": "Insufficient information.", "question_type": "null_query",
                  "evidence_list": []}]""";

        List<EvalQuery> qs = EvalQueries.parse(json, "q.json");

        assertThat(qs).hasSize(2);
        assertThat(qs.get(0).evidence()).containsExactly(new EvalQuery.Evidence("T1", "https://x/1", "", "F1"));
        assertThat(qs.get(0).facts()).containsExactly("F1");
        assertThat(qs.get(0).noAnswer()).isFalse();
        assertThat(qs.get(1).noAnswer()).isTrue();
        assertThat(qs.get(1).questionType()).isEqualTo("null_query");
    }

    @Test
    void given_seeds_dev_lines_with_dates_when_read_then_sources_mentions_and_dates_are_kept() {
        String jsonl = """
                {"query": "Who called?", "answer_mentions_any": ["Mnuchin"], "sources": ["000_a.txt"], "as_of": "2019-11-30"}

                {"query": "Steel quotas?", "expect": "no-answer", "question_date": "2019-12-01T10:00:00Z"}
                """;

        List<EvalQuery> qs = EvalQueries.parse(jsonl, "seeds.jsonl");

        assertThat(qs.get(0).mentionsAny()).containsExactly("Mnuchin");
        assertThat(qs.get(0).evidence()).containsExactly(new EvalQuery.Evidence("", "", "000_a.txt", ""));
        assertThat(qs.get(0).asOf()).isEqualTo(LocalDate.of(2019, 11, 30));
        assertThat(qs.get(1).noAnswer()).isTrue();
        assertThat(qs.get(1).questionType()).isEqualTo("null_query");
        assertThat(qs.get(1).asOf()).isEqualTo(LocalDate.of(2019, 12, 1));
    }

    @Test
    void given_bad_records_when_read_then_the_error_names_the_file_and_record() {
        assertThatThrownBy(() -> EvalQueries.parse("{\"answer\": \"x\"}", "q.jsonl"))
                .hasMessage("q.jsonl record 1 has no 'query'");
        assertThatThrownBy(() -> EvalQueries.parse("{\"query\": \"x\"}\n{oops", "q.jsonl"))
                .hasMessageStartingWith("q.jsonl line 2: broken JSON");
        assertThatThrownBy(() -> EvalQueries.parse("{\"query\": \"x\", \"as_of\": \"2019-02-30\"}", "q.jsonl"))
                .hasMessageContaining("q.jsonl record 1: question_date/as_of: impossible date");
        assertThatThrownBy(() -> EvalQueries.parse("[]", "q.json")).hasMessage("q.json: no queries");
    }

    @Test
    void given_evidence_by_url_title_or_file_then_articles_match_by_the_first_both_sides_have() {
        ArticleMeta withUrl = new ArticleMeta("id", "The Title", "", null, "https://www.x.example/a/", "", "", "");
        ArticleMeta file = new ArticleMeta("id", "Other", "", null, "", "/data/articles/000_a.txt", "", "");

        assertThat(ArticleMatch.relevant(withUrl, List.of(new EvalQuery.Evidence("", "http://x.example/a", "", ""))))
                .isTrue();
        assertThat(ArticleMatch.relevant(
                        withUrl, List.of(new EvalQuery.Evidence("The Title", "https://x.example/b", "", ""))))
                .isFalse();
        assertThat(ArticleMatch.relevant(withUrl, List.of(new EvalQuery.Evidence(" the  title", "", "", ""))))
                .isTrue();
        assertThat(ArticleMatch.relevant(file, List.of(new EvalQuery.Evidence("", "", "000_a.txt", ""))))
                .isTrue();
        assertThat(ArticleMatch.relevant(file, List.of(new EvalQuery.Evidence("", "", "001_b.txt", ""))))
                .isFalse();
    }
}
