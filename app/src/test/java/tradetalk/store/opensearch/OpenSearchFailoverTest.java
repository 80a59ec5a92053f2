package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/** A node of the cluster stops while the store is in use: with a replica of every shard, searches are still answered. */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchFailoverTest {

    private static final List<String> QUESTIONS = List.of(
            "phase one trade deal", "Kudlow short strokes", "Hong Kong human rights bill", "Liu He Mnuchin Lighthizer");

    private static List<List<String>> answers(OpenSearchArticleStore s) {
        List<List<String>> out = new ArrayList<>();
        for (String q : QUESTIONS) {
            for (SearchRequest.Mode mode : List.of(SearchRequest.Mode.HYBRID, SearchRequest.Mode.BM25)) {
                out.add(s.search(SearchRequest.of(q, 5).withMode(mode)).stream()
                        .map(SearchHit::passage)
                        .map(p -> p.id())
                        .toList());
            }
        }
        return out;
    }

    @Test
    void given_one_replica_when_a_node_stops_mid_test_then_searches_are_answered_as_before(
            OpenSearchTestCluster cluster) throws Exception {
        OpenSearchSettings settings = TestIndexes.settings(cluster.urls(), "failover", 3, 1);
        try (OpenSearchArticleStore s = OpenSearchArticleStore.open(
                settings, new RandomEmbedder(16), new Chunker(120, 0), SearchSettings.defaults(), 256)) {
            s.ingest(new ArticleReader()
                    .read(List.of(Path.of(
                            OpenSearchFailoverTest.class.getResource("/seeds").toURI())))
                    .articles());
            awaitGreen(settings); // every replica allocated before a node goes
            List<List<String>> before = answers(s);
            assertThat(before).allSatisfy(ids -> assertThat(ids).isNotEmpty());

            cluster.stopNode(1); // the first URL the client knows: it must move on to the others
            try {
                assertThat(answers(s)).isEqualTo(before);
                assertThat(s.articleCount()).isEqualTo(3);
            } finally {
                cluster.startNode(1);
            }
            s.deleteIndex();
        }
    }

    private static void awaitGreen(OpenSearchSettings settings) throws Exception {
        OpenSearchClient c = OpenSearchClients.create(settings);
        try {
            c.cluster()
                    .health(h -> h.index(settings.articlesIndex())
                            .waitForStatus(HealthStatus.Green)
                            .timeout(t -> t.time("60s")));
        } finally {
            c._transport().close();
        }
    }
}
