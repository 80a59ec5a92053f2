package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tradetalk.measure.bench.IngestProcesses;
import tradetalk.measure.bench.SyntheticCorpus;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Article;

/** {@code bench --backend opensearch --ingest-processes N}: N child JVMs ingest disjoint slices into one index. */
@ExtendWith(OpenSearchClusterExtension.class)
class BenchIngestProcessesTest {

    @Test
    void given_two_ingest_processes_when_benched_then_each_writes_its_half_once_and_the_index_has_every_article(
            OpenSearchTestCluster cluster) throws Exception {
        String urls =
                String.join(",", cluster.urls().stream().map(Object::toString).toList());

        CliRun r = CliRun.run(
                Map.of(
                        "TRADETALK_INDEX_BACKEND", "opensearch",
                        "TRADETALK_OPENSEARCH_URLS", urls,
                        "TRADETALK_OPENSEARCH_SHARDS", "2",
                        "TRADETALK_OPENSEARCH_REPLICAS", "0"),
                "",
                "bench",
                "--backend",
                "opensearch",
                "--vectors",
                "random",
                "--articles",
                "41",
                "--ingest-processes",
                "2",
                "--questions",
                "5",
                "--warmup",
                "1",
                "--threads",
                "1",
                "--no-cold-start",
                "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/articles").asInt()).isEqualTo(41);
        assertThat(j.at("/ingest/processes").asInt()).isEqualTo(2);
        JsonNode each = j.at("/ingest/per_process");
        assertThat(each).hasSize(2);
        assertThat(each.get(0).get("added").asInt()).isEqualTo(21);
        assertThat(each.get(1).get("added").asInt()).isEqualTo(20);
        // every passage written by exactly one process, none twice: the index holds their sum
        assertThat(j.at("/passages").asInt())
                .isEqualTo(each.get(0).get("passages").asInt()
                        + each.get(1).get("passages").asInt());
        assertThat(each.get(0).get("process_cpu_ms").asLong()).isPositive();
    }

    @Test
    void given_a_corpus_when_sliced_for_three_processes_then_every_article_is_in_exactly_one_slice() {
        List<Article> articles = new SyntheticCorpus(7).articles(10);

        List<String> ids = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            IngestProcesses.slice(articles, w, 3).forEach(a -> ids.add(a.id()));
        }

        Set<String> distinct = new HashSet<>(ids);
        assertThat(ids).hasSize(10);
        assertThat(distinct)
                .containsExactlyInAnyOrderElementsOf(
                        articles.stream().map(Article::id).toList());
        assertThat(IngestProcesses.parseSlice("1/3")).containsExactly(1, 3);
    }

    @Test
    void given_the_lucene_backend_when_benched_with_ingest_processes_then_one_line_says_it_needs_opensearch() {
        CliRun r = CliRun.run(
                "bench", "--backend", "lucene", "--vectors", "random", "--ingest-processes", "2", "--no-cold-start");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--ingest-processes needs --backend opensearch");
    }
}
