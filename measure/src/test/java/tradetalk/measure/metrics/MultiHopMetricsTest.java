package tradetalk.measure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiHopMetricsTest {

    @Test
    void given_the_benchmarks_sample_output_when_scored_then_the_figures_match_its_own_script() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/eval/multihop-rag-sample-output.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        MultiHopMetrics.Summary s = RetrievalOutput.score(RetrievalOutput.parse(text));

        assertThat(RetrievalOutput.format(s))
                .isEqualTo(String.format("Hits@10 0.7500%nHits@4 0.6250%nMAP@10 0.2746%nMRR@10 0.5491%n"));
        assertThat(s.queries()).isEqualTo(8);
    }

    @Test
    void given_two_facts_found_at_ranks_2_and_5_when_scored_then_map_adds_each_first_match_over_its_rank() {
        List<String> retrieved = List.of(
                "noise",
                "The quick\nbrown fox",
                "noise",
                "noise",
                "jumps over the lazy dog",
                "the quick brown fox again");
        List<String> facts = List.of("quick brown fox", "lazy  dog", "never found");

        MultiHopMetrics.QueryScore q = MultiHopMetrics.score(retrieved, facts);

        assertThat(q.hits4()).isTrue();
        assertThat(q.hits10()).isTrue();
        assertThat(q.mrr10()).isEqualTo(0.5);
        // (1/2 + 1/5) / min(3, 10); the repeat at rank 6 finds nothing new
        assertThat(q.map10()).isCloseTo((0.5 + 0.2) / 3, within(1e-12));
    }

    @Test
    void given_the_first_relevant_chunk_below_rank_10_when_scored_then_it_counts_for_nothing() {
        List<String> retrieved = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "fact here");

        MultiHopMetrics.QueryScore q = MultiHopMetrics.score(retrieved, List.of("fact here"));

        assertThat(q).isEqualTo(new MultiHopMetrics.QueryScore(false, false, 0, 0));
    }

    @Test
    void given_a_hit_at_rank_5_when_scored_then_hits10_but_not_hits4() {
        MultiHopMetrics.QueryScore q = MultiHopMetrics.score(List.of("a", "b", "c", "d", "x fact"), List.of("fact"));

        assertThat(q.hits4()).isFalse();
        assertThat(q.hits10()).isTrue();
        assertThat(q.mrr10()).isEqualTo(0.2);
        assertThat(q.map10()).isEqualTo(0.2);
    }

    @Test
    void given_null_queries_when_the_output_is_scored_then_they_are_skipped() {
        String text = """
                [{"query":"q1","question_type":"inference_query","retrieval_list":[{"text":"has fact"}],
                  "gold_list":[{"fact":"fact"}]},
                 {"query":"q2","question_type":"null_query","retrieval_list":[{"text":"x"}],"gold_list":[]},
                 {"query":"q3","question_type":"comparison_query","retrieval_list":[{"text":"x"},{"text":"y"}],
                  "gold_list":[{"fact":"z"}]}]""";

        MultiHopMetrics.Summary s = RetrievalOutput.score(RetrievalOutput.parse(text));

        assertThat(s).isEqualTo(new MultiHopMetrics.Summary(2, 0.5, 0.5, 0.5, 0.5));
    }

    @Test
    void given_a_file_that_is_not_an_output_when_parsed_then_the_error_names_what_is_missing() {
        assertThatThrownBy(() -> RetrievalOutput.parse("[{\"query\":\"q\"}]"))
                .hasMessageContaining("record 1 lacks retrieval_list or gold_list");
        assertThatThrownBy(() -> RetrievalOutput.parse("{oops")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> MultiHopMetrics.score(List.of("a"), List.of()))
                .hasMessageContaining("at least one gold fact");
    }
}
