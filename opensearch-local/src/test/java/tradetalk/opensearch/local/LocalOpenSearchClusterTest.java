package tradetalk.opensearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The run's real cluster over plain HTTP: health, a k-NN index (lucene engine), and a node stopped mid-test. */
@ExtendWith(OpenSearchClusterExtension.class)
class LocalOpenSearchClusterTest {

    private static final int DIMENSION = 384;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final OpenSearchTestCluster cluster;

    LocalOpenSearchClusterTest(OpenSearchTestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void given_the_runs_cluster_then_it_is_green_with_every_node() throws Exception {
        JsonNode health = call("GET", cluster.urls().get(0), "/_cluster/health", null);

        assertThat(health.path("status").asText()).isEqualTo("green");
        assertThat(health.path("number_of_nodes").asInt())
                .isEqualTo(cluster.urls().size());
        if (cluster.isLocal()) {
            assertThat(cluster.urls()).hasSize(LocalOpenSearchCluster.DEFAULT_NODES);
        }
    }

    @Test
    void given_a_knn_index_when_documents_are_indexed_then_a_knn_query_and_a_match_query_find_them() throws Exception {
        URI node = cluster.urls().get(0);
        String index = freshIndex(node, 1);
        List<float[]> vectors = indexDocuments(node, index);

        JsonNode knn = search(node, index, knnQuery(vectors.get(1), 3));
        JsonNode match = search(node, index, "{\"query\":{\"match\":{\"text\":\"soybean\"}}}");

        assertThat(knn.at("/hits/hits/0/_id").asText()).isEqualTo("doc-1");
        assertThat(knn.at("/hits/hits")).hasSize(3);
        assertThat(ids(match)).containsExactly("doc-2");
    }

    @Test
    void given_replicas_when_a_node_is_stopped_then_every_other_node_still_answers_searches() throws Exception {
        URI node = cluster.urls().get(0);
        String index = freshIndex(node, 1);
        List<float[]> vectors = indexDocuments(node, index);
        int stopped = cluster.urls().size(); // the last node; node 1 bootstrapped the cluster

        cluster.stopNode(stopped);
        try {
            for (URI live : cluster.urls().subList(0, stopped - 1)) {
                JsonNode all = search(live, index, "{\"query\":{\"match_all\":{}},\"size\":10}");
                JsonNode knn = search(live, index, knnQuery(vectors.get(0), 1));

                assertThat(all.at("/_shards/failed").asInt())
                        .as(live.toString())
                        .isZero();
                assertThat(ids(all)).as(live.toString()).containsExactlyInAnyOrder("doc-0", "doc-1", "doc-2");
                assertThat(ids(knn)).as(live.toString()).containsExactly("doc-0");
            }
        } finally {
            cluster.startNode(stopped); // the cluster is shared by the whole run
        }
        JsonNode health = call("GET", node, "/_cluster/health", null);
        assertThat(health.path("number_of_nodes").asInt())
                .isEqualTo(cluster.urls().size());
    }

    /** An empty index with k-NN on, a text field and a 384-dimension HNSW vector field (lucene, cosine). */
    private static String freshIndex(URI node, int replicas) throws Exception {
        String index = "test-" + Long.toHexString(System.nanoTime());
        String body = """
                {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": %d}},
                 "mappings": {"properties": {
                   "text": {"type": "text"},
                   "vector": {"type": "knn_vector", "dimension": %d,
                              "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}
                """.formatted(replicas, DIMENSION);
        assertThat(call("PUT", node, "/" + index, body).path("acknowledged").asBoolean())
                .isTrue();
        // every replica allocated before documents go in, so a stopped node loses no copy that was the only one
        call("GET", node, "/_cluster/health/" + index + "?wait_for_status=green&timeout=60s", null);
        return index;
    }

    /** Three documents with random unit vectors, refreshed (BM25 statistics and k-NN graphs are per shard). */
    private static List<float[]> indexDocuments(URI node, String index) throws Exception {
        String[] texts = {
            "Tariff talks resume in Washington", "Negotiators meet in Beijing", "China buys more soybean cargoes"
        };
        Random random = new Random(42);
        List<float[]> vectors = new ArrayList<>();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            float[] v = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(v);
            ObjectNode doc = JSON.createObjectNode().put("text", texts[i]);
            ArrayNode array = doc.putArray("vector");
            for (float f : v) {
                array.add(f);
            }
            bulk.append(String.format(Locale.ROOT, "{\"index\":{\"_id\":\"doc-%d\"}}%n", i))
                    .append(JSON.writeValueAsString(doc))
                    .append('\n');
        }
        JsonNode result = call("POST", node, "/" + index + "/_bulk?refresh=true", bulk.toString());
        assertThat(result.path("errors").asBoolean()).as(result.toString()).isFalse();
        return vectors;
    }

    private static String knnQuery(float[] vector, int k) throws IOException {
        ObjectNode q = JSON.createObjectNode();
        q.put("size", k);
        ObjectNode field = q.putObject("query").putObject("knn").putObject("vector");
        ArrayNode array = field.putArray("vector");
        for (float f : vector) {
            array.add(f);
        }
        field.put("k", k);
        return JSON.writeValueAsString(q);
    }

    private static JsonNode search(URI node, String index, String body) throws Exception {
        return call("POST", node, "/" + index + "/_search", body);
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.at("/hits/hits").forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    private static JsonNode call(String method, URI node, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
