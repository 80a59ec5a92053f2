package tradetalk.store.opensearch;

import static tradetalk.retrieval.store.StoreFields.ARTICLE;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.ORDINAL;
import static tradetalk.retrieval.store.StoreFields.PASSAGE;
import static tradetalk.retrieval.store.StoreFields.VECTOR;
import static tradetalk.store.opensearch.StoredDocs.articleKey;
import static tradetalk.store.opensearch.StoredDocs.typeIs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.indices.IndicesStatsResponse;
import org.opensearch.client.opensearch.indices.stats.IndicesStats;
import org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.HybridRanker;
import tradetalk.retrieval.store.IngestPipeline;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;

/**
 * The article store on an OpenSearch cluster, over HTTP with OpenSearch's Java client. One index
 * ({@code <opensearch.index>-articles}) holds, like the Lucene store, one document per article (metadata, text, content
 * hash, also_in) and one per passage (text, title, date, article fields, vector), with ids derived from the article id
 * ({@code article:<id>}, {@code passage:<id>#<ordinal>}): re-ingest is idempotent, and two ingest workers writing the
 * same article write the same documents, never a duplicate. Text and title use OpenSearch's {@code english} analyzer,
 * which is Lucene's {@code EnglishAnalyzer}, the one {@link TextAnalysis} uses; queries are sent as the analysed terms.
 *
 * <p>Its parts: {@link IndexMapping} makes or checks the index, the shared {@link IngestPipeline} ingests through a
 * {@link BulkWriter} ({@code _bulk} requests on opensearch-java's {@code BulkIngester}), {@link ClusterSearch} searches (one {@code _msearch} per search, ranked by the shared
 * {@link HybridRanker}), {@link AlsoInDocs} keeps also_in, {@link StoredDocs} turns documents into records; this class
 * holds them together with the lookups, counts and removals. Term counts for the IDF are counts (not shard statistics,
 * never cached), any number of terms in one request; the IDF and coverage are {@link
 * tradetalk.retrieval.store.TermCoverage}'s. Writes are refreshed before they return. Thread-safe.
 */
public final class OpenSearchArticleStore implements ArticleStore {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticleStore.class);

    private static final int PAGE = 1000;

    private final IndexCalls calls;
    private final Embedder embedder;
    private final IngestPipeline pipeline;
    /** Runs the bulk ingesters' listeners (threads made when first used). */
    private final ScheduledExecutorService bulkAnswers = Executors.newScheduledThreadPool(
            BulkWriter.IN_FLIGHT + 1,
            Thread.ofPlatform().name("opensearch-bulk-", 0).daemon().factory());

    private final ClusterSearch search;
    private final AlsoInDocs also;
    private final Object writeLock = new Object();

    private OpenSearchArticleStore(
            OpenSearchSettings os,
            OpenSearchClient client,
            Embedder embedder,
            Chunker chunker,
            SearchSettings settings,
            int ingestBatch) {
        this.embedder = embedder;
        IndexMapping mapping = new IndexMapping(embedder);
        this.calls = new IndexCalls(os, client, mapping::makeOrCheck);
        this.pipeline = new IngestPipeline(embedder, chunker, ingestBatch);
        this.search = new ClusterSearch(calls, embedder, settings);
        this.also = new AlsoInDocs(calls);
    }

    /**
     * Connects to the cluster and makes the index when it is missing (shards, replicas, the vector field of the
     * embedder's dimension and the configured engine), or checks it when present.
     *
     * <p>A cluster that cannot be reached now is not an error here (a {@code watch} worker started before its cluster
     * keeps retrying): the index is made or checked by the first request that gets through, and every request fails
     * with an {@link OpenSearchStoreException} saying the cluster is unreachable until then.
     *
     * @throws OpenSearchStoreException when the index has another vector dimension, engine or embedding model
     */
    public static OpenSearchArticleStore open(
            OpenSearchSettings os, Embedder embedder, Chunker chunker, SearchSettings settings, int ingestBatch) {
        if (ingestBatch < 1) {
            throw new IllegalArgumentException("ingest batch must be at least 1, got " + ingestBatch);
        }
        OpenSearchClient client = OpenSearchClients.create(os);
        OpenSearchArticleStore store = new OpenSearchArticleStore(os, client, embedder, chunker, settings, ingestBatch);
        try {
            store.calls.ready();
        } catch (OpenSearchStoreException e) {
            if (!e.unreachable()) {
                store.close();
                throw e;
            }
            log.warn("{}; trying again on the next request", e.getMessage());
        }
        return store;
    }

    /** The cluster's settings this store uses. */
    public OpenSearchSettings openSearchSettings() {
        return calls.os;
    }

    /** The client (shared with the feedback store of the same cluster). */
    public OpenSearchClient client() {
        return calls.client;
    }

    @Override
    public Embedder embedder() {
        return embedder;
    }

    @Override
    public IngestReport ingest(
            List<Article> articles,
            List<Rejected> alreadyRejected,
            Consumer<Integer> progress,
            PassageProgress passageProgress) {
        synchronized (writeLock) {
            IngestReport r;
            try (BulkWriter writer = new BulkWriter(calls, bulkAnswers)) {
                r = pipeline.run(writer, articles, alreadyRejected, progress, passageProgress);
            } catch (IOException e) {
                throw OpenSearchClients.failure(calls.os, "writing to index " + calls.index, e);
            }
            log.info(
                    "Ingested {} new, {} replaced, {} unchanged articles ({} passages) into OpenSearch index {} in {} ms",
                    r.added(),
                    r.replaced(),
                    r.unchanged(),
                    r.passages(),
                    calls.index,
                    Math.round(r.millis()));
            return r;
        }
    }

    @Override
    public List<SearchHit> search(SearchRequest r) {
        return search.search(r);
    }

    @Override
    public double idf(String term) {
        return idf(List.of(term)).get(term);
    }

    /** BM25's IDF of each term among passages, from their counts fetched in one request. */
    @Override
    public Map<String, Double> idf(Collection<String> terms) {
        List<String> list = List.copyOf(new LinkedHashSet<>(terms));
        if (list.isEmpty()) {
            return Map.of();
        }
        var counts = search.termCounts(list);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        list.forEach(t -> out.put(t, counts.idf(t)));
        return out;
    }

    // ---- removal, retention, also_in

    @Override
    public int removeOlderThan(LocalDate cutoff) {
        synchronized (writeLock) {
            Query older = Query.of(q -> q.range(r -> r.field(DATE).lt(JsonData.of(cutoff.toEpochDay()))));
            int articles =
                    count(Query.of(q -> q.bool(b -> b.filter(typeIs(ARTICLE)).filter(older))));
            if (articles == 0) {
                return 0;
            }
            calls.call(
                    "retention on index " + calls.index,
                    () -> calls.client.deleteByQuery(d -> d.index(calls.index)
                            .query(older)
                            .refresh(Refresh.True)
                            .conflicts(org.opensearch.client.opensearch._types.Conflicts.Proceed)));
            return articles;
        }
    }

    @Override
    public boolean remove(String articleId) {
        synchronized (writeLock) {
            boolean had = article(articleId).isPresent();
            if (!had) {
                return false;
            }
            calls.call(
                    "removing " + articleId + " from index " + calls.index,
                    () -> calls.client.deleteByQuery(d -> d.index(calls.index)
                            .query(q -> q.term(t -> t.field(ARTICLE_ID).value(FieldValue.of(articleId))))
                            .refresh(Refresh.True)
                            .conflicts(org.opensearch.client.opensearch._types.Conflicts.Proceed)));
            return true;
        }
    }

    @Override
    public boolean addAlsoIn(String articleId, String location) {
        return also.addAlsoIn(articleId, location);
    }

    @Override
    public List<String> alsoIn(String articleId) {
        return also.alsoIn(articleId);
    }

    // ---- lookups and counts

    @Override
    public int articleCount() {
        return count(typeIs(ARTICLE));
    }

    @Override
    public int passageCount() {
        return count(typeIs(PASSAGE));
    }

    private int count(Query q) {
        return (int) calls.call(
                        "counting in index " + calls.index,
                        () -> calls.client.count(c -> c.index(calls.index).query(q)))
                .count();
    }

    @Override
    public List<ArticleMeta> articles() {
        List<ArticleMeta> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> r = calls.call(
                    "reading index " + calls.index,
                    () -> calls.client.search(
                            s -> {
                                s.index(calls.index)
                                        .query(typeIs(ARTICLE))
                                        .size(PAGE)
                                        .source(src -> src.filter(f -> f.excludes(BODY)))
                                        .sort(o ->
                                                o.field(f -> f.field(ARTICLE_ID).order(SortOrder.Asc)));
                                if (from != null) {
                                    s.searchAfter(from);
                                }
                                return s;
                            },
                            ObjectNode.class));
            List<Hit<ObjectNode>> hits = r.hits().hits();
            hits.forEach(h -> out.add(StoredDocs.meta(h.source())));
            if (hits.size() < PAGE) {
                break;
            }
            after = hits.getLast().sort();
        }
        out.sort(Comparator.comparing(
                        ArticleMeta::publishedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                .thenComparing(ArticleMeta::title));
        return out;
    }

    @Override
    public Optional<Article> article(String id) {
        GetResponse<ObjectNode> g = calls.call(
                "reading index " + calls.index,
                () -> calls.client.get(r -> r.index(calls.index).id(articleKey(id)), ObjectNode.class));
        if (!g.found() || g.source() == null) {
            return Optional.empty();
        }
        return Optional.of(StoredDocs.article(g.source()));
    }

    @Override
    public List<Passage> passages(String articleId) {
        SearchResponse<ObjectNode> r = calls.call(
                "reading index " + calls.index,
                () -> calls.client.search(
                        s -> s.index(calls.index)
                                .query(q -> q.bool(b -> b.filter(typeIs(PASSAGE))
                                        .filter(f ->
                                                f.term(t -> t.field(ARTICLE_ID).value(FieldValue.of(articleId))))))
                                .size(10_000)
                                .source(src -> src.filter(f -> f.excludes(VECTOR)))
                                .sort(o -> o.field(f -> f.field(ORDINAL).order(SortOrder.Asc))),
                        ObjectNode.class));
        return r.hits().hits().stream().map(h -> StoredDocs.passage(h.source())).toList();
    }

    /** The stored size of the index's primary shards (indices stats API), after the last refresh. */
    @Override
    public long storeBytes() {
        IndicesStatsResponse r = calls.call(
                "reading the size of index " + calls.index,
                () -> calls.client.indices().stats(s -> s.index(calls.index).metric(IndicesStatsMetric.Store)));
        IndicesStats st = r.indices().get(calls.index);
        return st == null || st.primaries() == null || st.primaries().store() == null
                ? -1
                : st.primaries().store().sizeInBytes();
    }

    // ---- closing

    @Override
    public void close() {
        bulkAnswers.shutdownNow();
        OpenSearchClients.close(calls.client);
    }

    /** Deletes this store's index (tests and {@code bench}); a missing index is fine. */
    public void deleteIndex() {
        calls.request("deleting index " + calls.index, () -> {
            if (calls.client.indices().exists(r -> r.index(calls.index)).value()) {
                try {
                    calls.client.indices().delete(d -> d.index(calls.index));
                } catch (OpenSearchException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    // gone meanwhile: a retried request whose first attempt deleted it, or another process
                }
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "OpenSearchArticleStore[" + calls.index + " at " + calls.os.urls() + "]";
    }
}
