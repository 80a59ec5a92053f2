package tradetalk.store.opensearch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.ArticleStoreContract;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.lucene.ArticleIndex;

/** The store contract on a real OpenSearch cluster (the run's local 3-node one), each store in its own index. */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchArticleStoreTest extends ArticleStoreContract {

    private static List<URI> urls;
    private final List<OpenSearchArticleStore> made = new ArrayList<>();

    @BeforeAll
    static void cluster(OpenSearchTestCluster cluster) {
        urls = cluster.urls();
    }

    @Override
    protected ArticleStore newStore(Embedder embedder, Chunker chunker, SearchSettings settings) {
        OpenSearchArticleStore s = OpenSearchArticleStore.open(
                // 2 shards: BM25's statistics must be the index's, not a shard's; no replica: quick to make
                TestIndexes.settings(urls, "contract", 2, 0),
                embedder,
                chunker,
                settings,
                ArticleIndex.DEFAULT_INGEST_BATCH);
        made.add(s);
        return s;
    }

    @AfterEach
    void deleteIndexes() {
        made.forEach(OpenSearchArticleStore::deleteIndex);
    }
}
