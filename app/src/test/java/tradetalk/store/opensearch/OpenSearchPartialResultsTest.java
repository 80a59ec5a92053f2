package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/**
 * A search answered with failed shards: the real cluster's {@code _msearch} response, its BM25 part's
 * {@code _shards} rewritten at a proxy to say one shard failed, as OpenSearch says when a shard has no live copy.
 */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchPartialResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first part's {@code _shards}: one of them failed, with a reason. */
    private static byte[] oneShardFailed(byte[] body) {
        try {
            ObjectNode r = (ObjectNode) JSON.readTree(body);
            ObjectNode shards = (ObjectNode) r.get("responses").get(0).get("_shards");
            int total = shards.get("total").asInt();
            shards.put("successful", total - 1).put("failed", 1);
            ObjectNode f = shards.putArray("failures").addObject();
            f.put("shard", 1).put("index", "x-articles").put("node", "node-2");
            f.putObject("reason")
                    .put("type", "no_shard_available_action_exception")
                    .put("reason", "simulated: no copy of the shard");
            return JSON.writeValueAsBytes(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void given_a_search_answered_with_a_failed_shard_then_it_is_used_and_one_warning_names_the_counts_and_reason(
            OpenSearchTestCluster cluster) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(OpenSearchArticleStore.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (CountingProxy proxy = CountingProxy.to(cluster.urls().getFirst());
                OpenSearchArticleStore s = OpenSearchArticleStore.open(
                        TestIndexes.settings(List.of(proxy.url()), "partial", 2, 0),
                        new RandomEmbedder(16),
                        new Chunker(120, 0),
                        SearchSettings.defaults(),
                        256)) {
            s.ingest(new ArticleReader()
                    .read(List.of(Path.of(OpenSearchPartialResultsTest.class
                            .getResource("/seeds")
                            .toURI())))
                    .articles());
            List<SearchHit> whole = s.search(SearchRequest.of("phase one trade deal", 5));
            assertThat(warnings(logs)).isEmpty();
            proxy.rewrite("/_msearch", OpenSearchPartialResultsTest::oneShardFailed);

            List<SearchHit> partial = s.search(SearchRequest.of("phase one trade deal", 5));

            proxy.rewrite("/_msearch", null);
            // the hits are what the shards that answered found (here: all of them)
            assertThat(ids(partial)).isNotEmpty().isEqualTo(ids(whole));
            assertThat(warnings(logs))
                    .singleElement()
                    .satisfies(w -> assertThat(w)
                            .contains("search for 'phase one trade deal' answered with shards failed (bm25 1 of 2)")
                            .contains("results may be incomplete")
                            .contains("shard 1 of x-articles on node node-2: no_shard_available_action_exception: "
                                    + "simulated: no copy of the shard"));
            s.deleteIndex();
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.passage().id()).toList();
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> logs) {
        return logs.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
