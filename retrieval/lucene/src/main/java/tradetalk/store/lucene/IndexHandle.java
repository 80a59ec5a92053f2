package tradetalk.store.lucene;

import static tradetalk.retrieval.store.StoreFields.EMBEDDER_KEY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.store.IndexException;

/**
 * The index on disk and its searchers: opened read-only when it exists (reading never creates, locks or deletes
 * anything), opened when another process created it since, created by the first write (only in a missing or empty
 * directory). Checks that it was built with the embedding model in use. Thread-safe.
 */
final class IndexHandle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    /** What reads see while no index exists on disk yet. */
    private static final IndexSearcher NOTHING = emptySearcher();

    /** A read of the index. */
    interface SearcherFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private record Store(Directory directory, SearcherManager searchers) {}

    private final Path dir;
    private final String embedderName;
    /** The index on disk and its searchers; null until one exists. */
    private volatile Store store;

    /** The index in {@code dir}, opened now when there is one. */
    IndexHandle(Path dir, String embedderName) {
        this.dir = dir;
        this.embedderName = embedderName;
        if (IndexDirectory.inspect(dir) == IndexDirectory.Kind.INDEX) {
            store = openStore();
        }
    }

    /** Where the index lives. */
    Path dir() {
        return dir;
    }

    /** Opens the existing index read-only. */
    private Store openStore() {
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            // the searchers' first reader is of the latest commit: its user data names the model (one read of it)
            SearcherManager searchers = new SearcherManager(directory, null);
            String built;
            IndexSearcher first = searchers.acquire();
            try {
                built = ((DirectoryReader) first.getIndexReader())
                        .getIndexCommit()
                        .getUserData()
                        .get(EMBEDDER_KEY);
            } finally {
                searchers.release(first);
            }
            if (built != null && !built.equals(embedderName)) {
                searchers.close();
                throw new IndexException("index " + dir + " was built with embedding model " + built + ", not "
                        + embedderName + "; delete it and ingest again");
            }
            return new Store(directory, searchers);
        } catch (IOException e) {
            closeQuietly(directory);
            throw IndexDirectory.translate(dir, "opening index", e);
        } catch (RuntimeException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a reader of no readers reads nothing
        }
    }

    private static void closeQuietly(Directory d) {
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** The index on disk, opened when another process created it since; null while there is none. */
    private Store store() {
        Store s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null && IndexDirectory.inspect(dir) == IndexDirectory.Kind.INDEX) {
                    store = openStore();
                }
                s = store;
            }
        }
        return s;
    }

    /** Whether an index exists on disk. */
    boolean exists() {
        return store() != null;
    }

    /** The directory of the existing index; null while there is none. */
    Directory directory() {
        Store s = store();
        return s == null ? null : s.directory();
    }

    /**
     * The directory to write to, creating the index when there is none (only in a missing or empty directory). Call
     * with the store's write lock held.
     */
    Directory writable() throws IOException {
        Store s = store();
        if (s != null) {
            return s.directory();
        }
        synchronized (this) {
            if (store != null) {
                return store.directory();
            }
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            try (IndexWriter w = new IndexWriter(directory, writerConfig())) {
                w.setLiveCommitData(Map.of(EMBEDDER_KEY, embedderName).entrySet());
                w.commit();
                store = new Store(directory, new SearcherManager(directory, null));
            } catch (IOException | RuntimeException e) {
                closeQuietly(directory);
                throw e;
            }
            return directory;
        }
    }

    static IndexWriterConfig writerConfig() {
        IndexWriterConfig c = new IndexWriterConfig(TextAnalysis.analyzer());
        c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        c.setRAMBufferSizeMB(64);
        return c;
    }

    /** Makes the searchers see the last commit, waiting for a reopen in progress. */
    void refresh() {
        Store s = store();
        if (s == null) {
            return;
        }
        try {
            s.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw IndexDirectory.translate(dir, "reading index", e);
        }
    }

    /** A read on a searcher of the last commit (refreshed first, which sees other processes' commits too). */
    <T> T withSearcher(SearcherFunction<T> f) {
        return withSearcher(true, f);
    }

    /** A read on a searcher, of the last commit when {@code refresh}, else of the last refresh. */
    <T> T withSearcher(boolean refresh, SearcherFunction<T> f) {
        try {
            Store st = store();
            if (st == null) {
                return f.apply(NOTHING);
            }
            SearcherManager searchers = st.searchers();
            // see commits made by another process too (e.g. `tradetalk ingest` while the bot runs); cheap when
            // nothing changed, and never blocks a search while another thread reopens
            if (refresh) {
                searchers.maybeRefresh();
            }
            IndexSearcher s = searchers.acquire();
            try {
                return f.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw IndexDirectory.translate(dir, "reading index", e);
        }
    }

    @Override
    public void close() {
        Store s = store;
        if (s == null) {
            return;
        }
        try {
            s.searchers().close();
            s.directory().close();
        } catch (IOException e) {
            log.warn("Closing index {} failed: {}", dir, e.getMessage());
        }
    }
}
