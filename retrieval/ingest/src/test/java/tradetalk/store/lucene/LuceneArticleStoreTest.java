package tradetalk.store.lucene;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.ArticleStoreContract;
import tradetalk.retrieval.store.SearchSettings;

/** The store contract on the embedded Lucene store, each store in its own directory. */
class LuceneArticleStoreTest extends ArticleStoreContract {

    @TempDir
    Path dir;

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    protected ArticleStore newStore(Embedder embedder, Chunker chunker, SearchSettings settings) {
        return ArticleIndex.open(dir.resolve("index-" + stores.incrementAndGet()), embedder, chunker, settings);
    }
}
