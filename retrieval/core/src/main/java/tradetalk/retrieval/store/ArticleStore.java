package tradetalk.retrieval.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.SentenceVectors;

/**
 * Where articles and their passages are kept and searched: what every caller (ingest, feeds, answers, status,
 * summaries, eval, bench) uses. Ingest is idempotent (an article with unchanged content is skipped, a changed one
 * replaces its old passages); search ranks with {@link HybridRanker}, so every store ranks alike. The embedded Lucene
 * store, {@link tradetalk.store.lucene.ArticleIndex}, is the default. Implementations are thread-safe.
 */
public interface ArticleStore extends PassageSearch, Idf, AutoCloseable {

    /** Told how the embedding of one long article advances. */
    @FunctionalInterface
    interface PassageProgress {
        /** {@code done} of the {@code total} passages of the article at {@code location} are embedded. */
        void embedded(String location, int done, int total);
    }

    /** The embedding model whose vectors this store holds. */
    Embedder embedder();

    /** Ingests articles; see {@link #ingest(List, List, Consumer, PassageProgress)}. */
    default IngestReport ingest(List<Article> articles) {
        return ingest(articles, List.of(), p -> {});
    }

    /** Ingests articles; see {@link #ingest(List, List, Consumer, PassageProgress)}. */
    default IngestReport ingest(List<Article> articles, List<Rejected> alreadyRejected, Consumer<Integer> progress) {
        return ingest(articles, alreadyRejected, progress, (a, done, total) -> {});
    }

    /**
     * Adds new articles, replaces changed ones and skips unchanged ones.
     *
     * @param articles        the articles
     * @param alreadyRejected inputs the reader skipped, carried into the report
     * @param progress        receives the number of articles processed so far
     * @param passageProgress told how the embedding of an article of many passages advances
     */
    IngestReport ingest(
            List<Article> articles,
            List<Rejected> alreadyRejected,
            Consumer<Integer> progress,
            PassageProgress passageProgress);

    /** Removes articles published before {@code cutoff}; returns how many were removed. */
    int removeOlderThan(LocalDate cutoff);

    /** Removes one article and its passages; returns true when it was there. */
    boolean remove(String articleId);

    /**
     * Records that the article also appeared elsewhere (a syndicated copy that was not indexed on its own); the
     * list survives re-ingest of the article.
     *
     * @return true when it was added; false when the article is not indexed or already lists the location
     */
    boolean addAlsoIn(String articleId, String location);

    /** The other places an article appeared (see {@link #addAlsoIn}); empty when none or not indexed. */
    List<String> alsoIn(String articleId);

    /** Number of stored articles. */
    int articleCount();

    /** Number of stored passages. */
    int passageCount();

    /** All stored articles' metadata, newest first (undated last), ties by title. */
    List<ArticleMeta> articles();

    /** One article with its text. */
    Optional<Article> article(String id);

    /** The passages of one article, in order. */
    List<Passage> passages(String articleId);

    /** Inverse document frequency of an analysed term among passages (higher = rarer). */
    @Override
    double idf(String term);

    /**
     * The bytes the stored index takes: the Lucene directory's files, or the OpenSearch index's primary store size
     * (one copy, replicas not counted); -1 when it cannot be read.
     */
    long storeBytes();

    /**
     * Sentence vectors this store computed at ingest with its own model, found by the sentence's text; a store that
     * keeps none has {@link SentenceVectors#NONE} (answers then embed the sentences themselves).
     */
    default SentenceVectors sentenceVectors() {
        return SentenceVectors.NONE;
    }

    /**
     * Waits for what an ingest left running in the background (the Lucene store's sentence vectors) to be stored;
     * returns at once when nothing is.
     */
    default void settle() {}

    /**
     * Articles whose background work (the Lucene store's sentence vectors) is not stored yet: 0 when settled. For
     * progress while {@link #settle()} waits.
     */
    default int unsettledArticles() {
        return 0;
    }

    @Override
    void close();
}
