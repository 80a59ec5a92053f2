package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.ShardStatistics;

class ShardFailuresTest {

    private static ShardStatistics shards(int total, int failed, String... reasons) {
        return ShardStatistics.of(s -> {
            s.total(total).successful(total - failed).failed(failed);
            for (int i = 0; i < reasons.length; i++) {
                int shard = i;
                String reason = reasons[i];
                s.failures(f -> f.shard(shard)
                        .index("tt-articles")
                        .node("n" + shard)
                        .reason(r ->
                                r.type("no_shard_available_action_exception").reason(reason)));
            }
            return s;
        });
    }

    @Test
    void given_every_shard_answered_then_there_is_nothing_to_report() {
        assertThat(ShardFailures.of(Map.of("bm25", shards(3, 0), "knn", shards(3, 0))))
                .isEmpty();
    }

    @Test
    void given_a_part_with_a_failed_shard_then_one_line_names_the_part_the_counts_and_the_reason() {
        Map<String, ShardStatistics> parts = new LinkedHashMap<>();
        parts.put("bm25", shards(3, 1, "shard copy gone"));
        parts.put("knn", shards(3, 0));
        parts.put("idf", shards(3, 1, "shard copy gone"));

        String line = ShardFailures.of(parts).orElseThrow();

        assertThat(line)
                .startsWith("answered with shards failed (bm25 1 of 3, idf 1 of 3): results may be incomplete; ")
                .contains("shard 0 of tt-articles on node n0: no_shard_available_action_exception: shard copy gone")
                .doesNotContain("knn");
        // the same reason of two parts is named once
        assertThat(line.split("shard copy gone", -1)).hasSize(2);
    }

    @Test
    void given_many_failures_then_the_line_names_a_few_reasons() {
        String line = ShardFailures.of(Map.of("bm25", shards(5, 5, "a", "b", "c", "d", "e")))
                .orElseThrow();

        assertThat(line).contains(": a;", ": b;", ": c;").doesNotContain(": d").endsWith("; ...");
    }
}
