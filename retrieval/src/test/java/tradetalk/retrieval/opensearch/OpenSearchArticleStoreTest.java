package tradetalk.retrieval.opensearch;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.index.ArticleIndex;
import tradetalk.retrieval.index.SearchSettings;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.ArticleStoreContract;

/** The store contract on a real OpenSearch cluster, each store in its own index. */
class OpenSearchArticleStoreTest extends ArticleStoreContract {

    private static final AtomicInteger STORES = new AtomicInteger();
    private final List<OpenSearchArticleStore> made = new ArrayList<>();

    static List<URI> urls() {
        String urls = System.getProperty("opensearch.urls", "");
        Assumptions.assumeFalse(urls.isBlank(), "no OpenSearch cluster (-Dopensearch.urls)");
        return Arrays.stream(urls.split(",")).map(URI::create).toList();
    }

    @Override
    protected ArticleStore newStore(Embedder embedder, Chunker chunker, SearchSettings settings) {
        OpenSearchArticleStore s = OpenSearchArticleStore.open(
                OpenSearchSettings.of(
                        urls(), "contract-" + ProcessHandle.current().pid() + "-" + STORES.incrementAndGet()),
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
