package tradetalk.retrieval.store;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Passage;

/**
 * A store's part of an ingest ({@link IngestPipeline}): what it holds of some articles, and how it writes one. The
 * pipeline decides what to write, chunks and embeds; the writer only stores. Used by one ingest from one thread,
 * under the store's write lock.
 */
public interface StoreWriter {

    /**
     * What a store holds of one article.
     *
     * @param contentHash the hash of the stored content ({@link Article#contentHash()})
     * @param alsoIn      the other places it appeared, kept when the article is written again
     */
    record Stored(String contentHash, List<String> alsoIn) {
        public Stored {
            alsoIn = List.copyOf(alsoIn);
        }
    }

    /** What the store holds of those of these articles it has, by article id. */
    Map<String, Stored> stored(Collection<String> ids) throws IOException;

    /**
     * Writes an article, its passages and their vectors (in the passages' order), replacing everything stored under
     * its id, its old passages included. May return before the write is durable; writes of one id land in the order
     * they were made.
     */
    void write(Article article, List<Passage> passages, List<float[]> vectors, List<String> alsoIn) throws IOException;

    /**
     * A commit point, after whole articles: a store that commits (Lucene) makes what was written so far durable, so a
     * crash leaves it; a store whose writes are durable once acknowledged may leave them in flight (see
     * {@link #finish()}), but fails here when one was refused.
     */
    void commit() throws IOException;

    /** The end of the ingest: returns once every write is durable; a refused write fails it. */
    void finish() throws IOException;
}
