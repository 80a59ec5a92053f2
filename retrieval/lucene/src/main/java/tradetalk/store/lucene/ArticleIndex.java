package tradetalk.store.lucene;

import static tradetalk.retrieval.store.StoreFields.ALSO_IN;
import static tradetalk.retrieval.store.StoreFields.ARTICLE;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.EMBEDDER_KEY;
import static tradetalk.retrieval.store.StoreFields.HASH;
import static tradetalk.retrieval.store.StoreFields.PASSAGE;
import static tradetalk.retrieval.store.StoreFields.TEXT;
import static tradetalk.retrieval.store.StoreFields.TYPE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.SentenceVectors;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.HybridRanker;
import tradetalk.retrieval.store.IndexException;
import tradetalk.retrieval.store.IngestPipeline;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.retrieval.store.StoreWriter;
import tradetalk.retrieval.store.TermCounts;

/**
 * The embedded Lucene store, the default {@link ArticleStore}: the article index on disk, one Lucene document per
 * article (metadata and full text) and one per passage (text, title, date and vector). Ingest is idempotent (an
 * article with unchanged content is skipped, never re-embedded; a changed one replaces its old passages atomically)
 * and commits in batches, so a crash leaves the last commit usable. Search is hybrid: BM25 over passage text and
 * title plus HNSW vectors, ranked by the shared {@link HybridRanker}. Thread-safe.
 */
public final class ArticleIndex implements ArticleStore {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    /** Passages embedded together during ingest, across articles (config {@code index.ingest-batch}). */
    public static final int DEFAULT_INGEST_BATCH = 256;

    private final Path dir;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final IngestPipeline pipeline;
    private final boolean sentenceVectors;
    /** Computes the sentence vectors of ingested articles after their passages are searchable. */
    private final SentenceVectorFill fill;

    private final Object writeLock = new Object();
    /** The index on disk and its searchers (reading never creates it, a write does). */
    private final IndexHandle handle;

    /** Verifies the segments a write builds on before it writes (each file once per opener). */
    private final SegmentChecksums checksums = new SegmentChecksums();

    private ArticleIndex(
            Path dir,
            Embedder embedder,
            Chunker chunker,
            SearchSettings settings,
            int ingestBatch,
            boolean sentenceVectors) {
        if (ingestBatch < 1) {
            throw new IllegalArgumentException("ingest batch must be at least 1, got " + ingestBatch);
        }
        this.pipeline = new IngestPipeline(embedder, chunker, ingestBatch);
        this.sentenceVectors = sentenceVectors;
        this.fill = new SentenceVectorFill(embedder, ingestBatch, this::writeSentenceVectors);
        this.dir = dir;
        this.embedder = embedder;
        this.settings = settings;
        this.handle = new IndexHandle(dir, embedder.name());
    }

    /**
     * Opens the index in {@code dir} for reading, changing nothing on disk: a missing or empty directory reads as
     * an empty index, which the first write (ingest) creates.
     *
     * @throws IndexException when {@code dir} is a file or a directory of other files, the index is damaged
     *                        ({@link DamagedIndexException}), or it was built with another embedding model
     */
    public static ArticleIndex open(Path dir, Embedder embedder, Chunker chunker, SearchSettings settings) {
        return open(dir, embedder, chunker, settings, DEFAULT_INGEST_BATCH);
    }

    /**
     * Opens the index as {@link #open(Path, Embedder, Chunker, SearchSettings)} does, embedding up to
     * {@code ingestBatch} passages at a time during ingest (across articles: memory grows with it), keeping no
     * sentence vectors.
     */
    public static ArticleIndex open(
            Path dir, Embedder embedder, Chunker chunker, SearchSettings settings, int ingestBatch) {
        return open(dir, embedder, chunker, settings, ingestBatch, false);
    }

    /**
     * Opens the index as {@link #open(Path, Embedder, Chunker, SearchSettings, int)} does; with
     * {@code sentenceVectors}, each ingest is followed, in the background once its passages are searchable, by the
     * embedding of their sentences, whose vectors are stored with the article ({@link SentenceVectorFill}), so that
     * answers ({@link #sentenceVectors()}) need not embed them (about as much embedding work again as the passages,
     * after the ingest; about 1.5 KB per sentence on disk). {@link #settle()} waits for it.
     */
    public static ArticleIndex open(
            Path dir,
            Embedder embedder,
            Chunker chunker,
            SearchSettings settings,
            int ingestBatch,
            boolean sentenceVectors) {
        return new ArticleIndex(dir, embedder, chunker, settings, ingestBatch, sentenceVectors);
    }

    /** Where the index lives. */
    public Path directory() {
        return dir;
    }

    /** The bytes of the index directory's files; 0 before anything is written, -1 when it cannot be read. */
    @Override
    public long storeBytes() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public Embedder embedder() {
        return embedder;
    }

    /**
     * Adds new articles, replaces changed ones and skips unchanged ones through the shared {@link IngestPipeline},
     * writing with a {@link LuceneWriter}: commits every {@value IngestPipeline#COMMIT_EVERY} articles and at the
     * end hold whole articles, in input order, so a crash leaves the last commit usable.
     */
    @Override
    public IngestReport ingest(
            List<Article> articles,
            List<Rejected> alreadyRejected,
            Consumer<Integer> progress,
            PassageProgress passageProgress) {
        long t0 = System.nanoTime();
        IngestReport r;
        List<SentenceVectorFill.Work> sentences;
        synchronized (writeLock) {
            try (IndexWriter writer = checksums.writer(handle.writable(), IndexHandle.writerConfig())) {
                // commit data is set only with changes: an ingest of nothing new writes no commit
                handle.refresh(); // the write lock is held: the last commit, maybe another process's, is the truth
                LuceneWriter w = new LuceneWriter(writer, embedder.name(), this::stored, sentenceVectors);
                r = pipeline.run(w, articles, alreadyRejected, progress, passageProgress);
                sentences = w.sentences();
            } catch (IOException e) {
                throw IndexDirectory.translate(dir, "ingest into", e);
            }
            handle.refresh();
        }
        fill.submit(sentences); // sentence vectors come after the passages are searchable
        double ms = (System.nanoTime() - t0) / 1e6;
        log.info(
                "Ingested {} new, {} replaced, {} unchanged articles ({} passages) in {} ms",
                r.added(),
                r.replaced(),
                r.unchanged(),
                r.passages(),
                Math.round(ms));
        return new IngestReport(r.added(), r.replaced(), r.unchanged(), r.passages(), r.rejected(), ms);
    }

    /** What the index holds of these articles (content hash, also_in), as of its last refresh. */
    private Map<String, StoreWriter.Stored> stored(Collection<String> ids) {
        return handle.withSearcher(s -> {
            Map<String, StoreWriter.Stored> out = new HashMap<>();
            List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.FILTER)
                    .add(new TermInSetQuery(ARTICLE_ID, terms), Occur.FILTER)
                    .build();
            StoredFields sf = s.storedFields();
            for (ScoreDoc sd : s.search(q, Math.max(1, ids.size())).scoreDocs) {
                Document d = sf.document(sd.doc, Set.of(ARTICLE_ID, HASH, ALSO_IN));
                out.put(d.get(ARTICLE_ID), new StoreWriter.Stored(d.get(HASH), List.of(d.getValues(ALSO_IN))));
            }
            return out;
        });
    }

    /** Waits until the sentence vectors of the ingests so far are stored (see {@link SentenceVectorFill}). */
    @Override
    public void settle() {
        fill.settle();
    }

    @Override
    public int unsettledArticles() {
        return fill.pendingArticles();
    }

    /** The fill's writes: the sentence vectors of articles still stored as they were ingested, then a commit. */
    private void writeSentenceVectors(List<SentenceVectorFill.Work> works, Map<String, float[]> vectors)
            throws IOException {
        synchronized (writeLock) {
            Directory d = handle.directory();
            if (d == null) {
                return;
            }
            // no merges from these small writes: closing would wait for them, and a merge picked now may take the
            // large vector segments along (their graphs rebuilt); the next ingest's writer merges as usual
            IndexWriterConfig config = IndexHandle.writerConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter writer = checksums.writer(d, config)) {
                handle.refresh(); // the last commit is the truth: an article replaced or removed since is skipped
                for (SentenceVectorFill.Work w : works) {
                    Optional<Document> stored = articleDocument(w.articleId());
                    if (stored.isPresent() && w.hash().equals(stored.get().get(HASH))) {
                        writer.addDocument(SentenceVectorField.document(w, vectors, embedder.dimension()));
                    }
                }
                LuceneWriter.commitChanges(writer, embedder.name());
            }
            handle.refresh();
        }
    }

    /** Removes articles published before {@code cutoff}; returns how many were removed. */
    @Override
    public int removeOlderThan(LocalDate cutoff) {
        synchronized (writeLock) {
            Directory d = handle.directory();
            if (d == null) {
                return 0;
            }
            int before = articleCount();
            try (IndexWriter writer = checksums.writer(d, IndexHandle.writerConfig())) {
                writer.deleteDocuments(LongField.newRangeQuery(DATE, Long.MIN_VALUE, cutoff.toEpochDay() - 1));
                writer.commit();
            } catch (IOException e) {
                throw IndexDirectory.translate(dir, "retention on", e);
            }
            handle.refresh();
            return before - articleCount();
        }
    }

    /** Removes one article and its passages; returns true when it was there. */
    @Override
    public boolean remove(String articleId) {
        synchronized (writeLock) {
            Directory d = handle.directory();
            if (d == null) {
                return false;
            }
            boolean had = article(articleId).isPresent();
            try (IndexWriter writer = checksums.writer(d, IndexHandle.writerConfig())) {
                writer.deleteDocuments(new Term(ARTICLE_ID, articleId));
                writer.commit();
            } catch (IOException e) {
                throw IndexDirectory.translate(dir, "remove from", e);
            }
            handle.refresh();
            return had;
        }
    }

    /**
     * Records that the article also appeared elsewhere (a syndicated copy that was not indexed on its own): the
     * location, usually the copy's URL, is added to the article's stored "also_in" list, which survives re-ingest.
     *
     * @return true when it was added; false when the article is not indexed or already lists the location
     */
    @Override
    public boolean addAlsoIn(String articleId, String location) {
        synchronized (writeLock) {
            Directory d = handle.directory();
            if (d == null) {
                return false;
            }
            try (IndexWriter writer = checksums.writer(d, IndexHandle.writerConfig())) {
                // with the write lock held, the last commit is the truth: read the article from it, not from an
                // older view, so a replacement made by another process is never written back over
                handle.refresh();
                Optional<Document> stored = articleDocument(articleId);
                if (stored.isEmpty()) {
                    return false;
                }
                Document old = stored.get();
                List<String> also = new ArrayList<>(List.of(old.getValues(ALSO_IN)));
                if (also.contains(location)) {
                    return false;
                }
                also.add(location);
                Document art = LuceneDocuments.article(LuceneDocuments.meta(old), old.get(BODY), old.get(HASH), also);
                writer.setLiveCommitData(Map.of(EMBEDDER_KEY, embedder.name()).entrySet());
                writer.deleteDocuments(LuceneDocuments.articleQuery(articleId));
                writer.addDocument(art);
                writer.commit();
            } catch (IOException e) {
                throw IndexDirectory.translate(dir, "updating " + articleId + " in", e);
            }
            handle.refresh();
            return true;
        }
    }

    /** The other places an article appeared (see {@link #addAlsoIn}); empty when none or not indexed. */
    @Override
    public List<String> alsoIn(String articleId) {
        return articleDocument(articleId)
                .map(d -> List.of(d.getValues(ALSO_IN)))
                .orElse(List.of());
    }

    private Optional<Document> articleDocument(String id) {
        return handle.withSearcher(s -> {
            TopDocs td = s.search(LuceneDocuments.articleQuery(id), 1);
            return td.scoreDocs.length == 0
                    ? Optional.<Document>empty()
                    : Optional.of(s.storedFields().document(td.scoreDocs[0].doc));
        });
    }

    /** Number of indexed articles. */
    @Override
    public int articleCount() {
        return handle.withSearcher(s -> s.count(new TermQuery(new Term(TYPE, ARTICLE))));
    }

    /** Number of indexed passages. */
    @Override
    public int passageCount() {
        return handle.withSearcher(s -> s.count(new TermQuery(new Term(TYPE, PASSAGE))));
    }

    /** All indexed articles' metadata, newest first (undated last). */
    @Override
    public List<ArticleMeta> articles() {
        return handle.withSearcher(s -> {
            int n = Math.max(1, s.getIndexReader().maxDoc());
            TopDocs td = s.search(new TermQuery(new Term(TYPE, ARTICLE)), n);
            List<ArticleMeta> out = new ArrayList<>();
            StoredFields sf = s.storedFields();
            for (ScoreDoc sd : td.scoreDocs) {
                out.add(LuceneDocuments.meta(sf.document(sd.doc)));
            }
            out.sort(Comparator.comparing(
                            ArticleMeta::publishedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                    .thenComparing(ArticleMeta::title));
            return out;
        });
    }

    /** One article with its text. */
    @Override
    public Optional<Article> article(String id) {
        return handle.withSearcher(s -> {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.FILTER)
                    .add(new TermQuery(new Term(ARTICLE_ID, id)), Occur.FILTER)
                    .build();
            TopDocs td = s.search(q, 1);
            if (td.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document d = s.storedFields().document(td.scoreDocs[0].doc);
            return Optional.of(new Article(LuceneDocuments.meta(d), d.get(BODY), d.get(HASH)));
        });
    }

    /** The passages of one article, in order. */
    @Override
    public List<Passage> passages(String articleId) {
        return handle.withSearcher(s -> {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(TYPE, PASSAGE)), Occur.FILTER)
                    .add(new TermQuery(new Term(ARTICLE_ID, articleId)), Occur.FILTER)
                    .build();
            TopDocs td = s.search(q, 10_000);
            List<Passage> out = new ArrayList<>();
            StoredFields sf = s.storedFields();
            for (ScoreDoc sd : td.scoreDocs) {
                out.add(LuceneDocuments.passage(sf.document(sd.doc)));
            }
            out.sort(Comparator.comparingInt(Passage::ordinal));
            return out;
        });
    }

    /**
     * Inverse document frequency of an analysed term among passages (higher = rarer), as of the index's last refresh:
     * every other read refreshes first, so the terms of an answer are weighed against the commit its passages came
     * from, without re-reading the commit point for each of the dozens of terms an answer looks up.
     */
    @Override
    public double idf(String term) {
        return handle.withSearcher(false, s -> idf(s.getIndexReader(), term));
    }

    /** {@link #idf(String)} on one reader. */
    static double idf(IndexReader reader, String term) throws IOException {
        return termCounts(reader, List.of(term)).idf(term);
    }

    /** The store's counts for term weighting ({@link TermCounts}); the IDF formula is
     * {@link tradetalk.retrieval.store.TermCoverage}'s. */
    static TermCounts termCounts(IndexReader reader, Collection<String> terms) throws IOException {
        // both from the terms dictionary (constant time, deleted passages counted alike): this runs for every
        // word of every question
        long n = reader.docFreq(new Term(TYPE, PASSAGE));
        Map<String, Long> df = new HashMap<>();
        for (String t : terms) {
            df.put(t, (long) reader.docFreq(new Term(TEXT, t)));
        }
        return new TermCounts(n, df);
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return handle.withSearcher(s -> new HybridSearch(s, embedder, settings).search(request));
    }

    /**
     * The sentence vectors stored with the passages at ingest (none for passages ingested without them, or when
     * {@code index.sentence-vectors} was off): a term lookup per sentence and one doc value read per passage.
     */
    @Override
    public SentenceVectors sentenceVectors() {
        return texts -> handle.withSearcher(false, s -> SentenceVectorField.find(s, texts, embedder.dimension()));
    }

    @Override
    public void close() {
        fill.close();
        handle.close();
    }
}
