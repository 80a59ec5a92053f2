package tradetalk.retrieval.opensearch;

import static tradetalk.retrieval.store.StoreFields.ALSO_IN;
import static tradetalk.retrieval.store.StoreFields.ARTICLE;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.AUTHOR;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.CATEGORY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.EMBEDDER_KEY;
import static tradetalk.retrieval.store.StoreFields.HASH;
import static tradetalk.retrieval.store.StoreFields.ID;
import static tradetalk.retrieval.store.StoreFields.ORDINAL;
import static tradetalk.retrieval.store.StoreFields.PASSAGE;
import static tradetalk.retrieval.store.StoreFields.PATH;
import static tradetalk.retrieval.store.StoreFields.SOURCE;
import static tradetalk.retrieval.store.StoreFields.TEXT;
import static tradetalk.retrieval.store.StoreFields.TITLE;
import static tradetalk.retrieval.store.StoreFields.TYPE;
import static tradetalk.retrieval.store.StoreFields.URL;
import static tradetalk.retrieval.store.StoreFields.VECTOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.ShardStatistics;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.opensearch.client.opensearch.indices.IndicesStatsResponse;
import org.opensearch.client.opensearch.indices.stats.IndicesStats;
import org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.QueryVector;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.index.IngestReport;
import tradetalk.retrieval.index.SearchSettings;
import tradetalk.retrieval.index.TextAnalysis;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.HybridRanker;

/**
 * The article store on an OpenSearch cluster, over HTTP with OpenSearch's Java client. One index
 * ({@code <opensearch.index>-articles}) holds, like the Lucene store, one document per article (metadata, text, content
 * hash, also_in) and one per passage (text, title, date, article fields, vector), with ids derived from the article id
 * ({@code article:<id>}, {@code passage:<id>#<ordinal>}): re-ingest is idempotent, and two ingest workers writing the
 * same article write the same documents, never a duplicate. Text and title use OpenSearch's {@code english} analyzer,
 * which is Lucene's {@code EnglishAnalyzer}, the one {@link TextAnalysis} uses; queries are sent as the analysed terms.
 *
 * <p>A search sends BM25's query and the k-NN query, with the same filters, in one {@code _msearch} (with, when the
 * ranking needs them, the IDFs of the query's terms and the newest passage up to the recency anchor: one request per
 * search), then ranks client-side with the shared {@link HybridRanker}, so both stores rank alike. BM25 runs as
 * {@code dfs_query_then_fetch}, so its statistics are the whole index's, not one shard's; {@link #idf} counts
 * documents exactly (a count, not shard statistics, never cached), any number of terms in one request. k-NN scores
 * of the {@code cosinesimil} space, {@code (1 + cos) / 2}, are turned back into cosines; the cosines of BM25
 * candidates the k-NN list lacks are computed here from their stored vectors, as Lucene computes them. A response
 * with failed shards is used (the shards that answered) and logged as one WARN per search. An article's also_in
 * list has a document of its own ({@code also:<id>}, see {@link #addAlsoIn}). Writes are refreshed before they
 * return. Thread-safe.
 *
 * <p>Ingest is pipelined: while up to {@value #IN_FLIGHT} {@code _bulk} requests are being indexed by the cluster,
 * the next chunk of articles is looked up, chunked and embedded here. Each request is bounded by operations and by
 * bytes; a chunk that touches an article still being written waits for that write first, so the later version is
 * the one stored; {@code ingest} returns only after every request it sent is answered (and refreshed), and on a
 * refused request it waits for the others, then fails: what was acknowledged stays written.
 */
public final class OpenSearchArticleStore implements ArticleStore {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticleStore.class);

    /** The type of an article's also_in document ({@code also:<id>}, see {@link #addAlsoIn}). */
    static final String ALSO = "also";

    /** The article document's count of passages (stale ones are deleted when an article shrinks). */
    static final String PASSAGES = "passage_count";

    private static final String SPACE = "cosinesimil";
    /** Articles looked up, embedded and written together. */
    private static final int CHUNK = 200;
    /** Bulk operations per request at most. */
    private static final int BULK_OPS = 1000;
    /**
     * Bytes per bulk request at most (estimated from the documents' text and vectors as JSON), far below OpenSearch's
     * default {@code http.max_content_length} of 100 MB, in the 5-15 MB its tuning guide suggests.
     */
    static final long BULK_BYTES = 10L << 20;
    /**
     * Bulk requests sent and not yet answered, at most: one being indexed while the next is sent keeps the cluster's
     * write threads busy across the round trips, and bounds the documents held here to a few requests.
     */
    static final int IN_FLIGHT = 2;

    private static final int PAGE = 1000;

    private final OpenSearchSettings os;
    private final OpenSearchClient client;
    private final Embedder embedder;
    private final Chunker chunker;
    private final SearchSettings settings;
    private final int ingestBatch;
    private final String index;
    private final Object writeLock = new Object();
    /** Sends the bulk requests of an ingest ({@value #IN_FLIGHT} threads, made when first used). */
    private final ExecutorService bulkSender = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
        Thread t = new Thread(r, "opensearch-bulk");
        t.setDaemon(true);
        return t;
    });
    /** True once the index is known to exist with the right mapping. */
    private volatile boolean ready;

    private OpenSearchArticleStore(
            OpenSearchSettings os,
            OpenSearchClient client,
            Embedder embedder,
            Chunker chunker,
            SearchSettings settings,
            int ingestBatch) {
        if (ingestBatch < 1) {
            throw new IllegalArgumentException("ingest batch must be at least 1, got " + ingestBatch);
        }
        this.os = os;
        this.client = client;
        this.embedder = embedder;
        this.chunker = chunker;
        this.settings = settings;
        this.ingestBatch = ingestBatch;
        this.index = os.articlesIndex();
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
        OpenSearchClient client = OpenSearchClients.create(os);
        OpenSearchArticleStore store = new OpenSearchArticleStore(os, client, embedder, chunker, settings, ingestBatch);
        try {
            store.ready();
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
        return os;
    }

    /** The client (shared with the feedback store of the same cluster). */
    public OpenSearchClient client() {
        return client;
    }

    @Override
    public Embedder embedder() {
        return embedder;
    }

    // ---- the index and its mapping

    /** Makes or checks the index once, before the first request that needs it. */
    private void ready() {
        if (!ready) {
            synchronized (this) {
                if (!ready) {
                    ensureIndex();
                    ready = true;
                }
            }
        }
    }

    private void ensureIndex() {
        request("checking index " + index, () -> {
            boolean made = OpenSearchClients.createIfMissing(
                    client,
                    CreateIndexRequest.of(c -> c.index(index)
                            .settings(s -> s.numberOfShards(os.shards())
                                    .numberOfReplicas(os.replicas())
                                    .knn(true))
                            .mappings(mapping())));
            if (made) {
                log.info(
                        "Created OpenSearch index {} ({} shards, {} replicas, {} engine)",
                        index,
                        os.shards(),
                        os.replicas(),
                        os.engine().id());
            }
            // made here or by another process, possibly another version: check it like any existing index
            TypeMapping m = client.indices()
                    .getMapping(g -> g.index(index))
                    .result()
                    .get(index)
                    .mappings();
            check(m);
            return null;
        });
    }

    private TypeMapping mapping() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .meta(EMBEDDER_KEY, JsonData.of(embedder.name()))
                .properties(TYPE, p -> p.keyword(k -> k))
                .properties(ID, p -> p.keyword(k -> k))
                .properties(ARTICLE_ID, p -> p.keyword(k -> k))
                .properties(ORDINAL, p -> p.integer(i -> i))
                .properties(TEXT, p -> p.text(t -> t.analyzer("english")))
                .properties(TITLE, p -> p.text(t -> t.analyzer("english")))
                .properties(SOURCE, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(URL, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(PATH, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(AUTHOR, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(CATEGORY, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(HASH, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(ALSO_IN, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(BODY, p -> p.text(t -> t.index(false)))
                .properties(PASSAGES, p -> p.integer(i -> i.index(false)))
                .properties(DATE, p -> p.long_(l -> l))
                .properties(
                        VECTOR,
                        p -> p.knnVector(k -> k.dimension(embedder.dimension())
                                .method(v ->
                                        v.name("hnsw").engine(os.engine().id()).spaceType(SPACE)))));
    }

    /** An existing index must have this store's vector field and embedding model. */
    private void check(TypeMapping m) {
        Property vector = m.properties().get(VECTOR);
        if (vector == null || !vector.isKnnVector()) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " has no knn_vector field '" + VECTOR
                    + "': it was not made by Tradetalk; use another opensearch.index");
        }
        var knn = vector.knnVector();
        if (knn.dimension() != embedder.dimension()) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " holds vectors of dimension "
                    + knn.dimension() + ", not " + embedder.dimension() + " (" + embedder.name()
                    + "); delete the index or use another opensearch.index");
        }
        String engine = knn.method() == null || knn.method().engine() == null
                ? ""
                : knn.method().engine();
        if (!engine.equals(os.engine().id())) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " was made with k-NN engine '" + engine
                    + "', not opensearch.engine '" + os.engine().id()
                    + "'; set opensearch.engine to match or use another opensearch.index");
        }
        JsonData built = m.meta() == null ? null : m.meta().get(EMBEDDER_KEY);
        if (built != null && !built.to(String.class).equals(embedder.name())) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " was built with embedding model "
                    + built.to(String.class) + ", not " + embedder.name() + "; delete it and ingest again");
        }
    }

    // ---- ingest

    private record Pending(Article article, List<Passage> passages, List<String> alsoIn, int oldPassages) {}

    @Override
    public IngestReport ingest(
            List<Article> articles,
            List<Rejected> alreadyRejected,
            Consumer<Integer> progress,
            PassageProgress passageProgress) {
        long t0 = System.nanoTime();
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        int passages = 0;
        List<Rejected> rejected = new ArrayList<>(alreadyRejected);
        Set<String> seen = new LinkedHashSet<>();
        synchronized (writeLock) {
            Bulks bulks = new Bulks(progress);
            try {
                for (int from = 0; from < articles.size(); from += CHUNK) {
                    List<Article> chunk = articles.subList(from, Math.min(articles.size(), from + CHUNK));
                    List<String> ids =
                            chunk.stream().map(Article::id).distinct().toList();
                    if (bulks.writing(ids)) {
                        bulks.awaitAll(); // read what the earlier write left, and write after it
                    }
                    Map<String, ObjectNode> known = articleDocs(ids);
                    List<Pending> pending = new ArrayList<>();
                    for (Article a : chunk) {
                        ObjectNode old = known.get(a.id());
                        String oldHash = old == null ? null : text(old, HASH);
                        if (a.contentHash().equals(oldHash) || !seen.add(a.id() + a.contentHash())) {
                            unchanged++;
                            continue;
                        }
                        List<Passage> ps = chunker.split(a);
                        if (ps.isEmpty()) {
                            rejected.add(new Rejected(a.meta().location(), "no text to index"));
                            continue;
                        }
                        List<String> also = old == null ? List.of() : strings(old.get(ALSO_IN));
                        int oldCount = old == null || !old.has(PASSAGES)
                                ? 0
                                : old.get(PASSAGES).asInt();
                        pending.removeIf(
                                p -> p.article().id().equals(a.id())); // a later version in the same batch wins
                        pending.add(new Pending(a, ps, also, oldCount));
                        passages += ps.size();
                        if (old == null) {
                            added++;
                        } else {
                            replaced++;
                        }
                        known.put(a.id(), articleDoc(a, also, ps.size()));
                    }
                    bulks.send(write(pending, passageProgress), ids, chunk.size());
                }
                bulks.awaitAll();
            } finally {
                bulks.abandon();
            }
            refresh();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        log.info(
                "Ingested {} new, {} replaced, {} unchanged articles ({} passages) into OpenSearch index {} in {} ms",
                added,
                replaced,
                unchanged,
                passages,
                index,
                Math.round(ms));
        return new IngestReport(added, replaced, unchanged, passages, rejected, ms);
    }

    /** Embeds the passages of the pending articles, a batch at a time, and returns the operations writing them. */
    private List<BulkOp> write(List<Pending> pending, PassageProgress passageProgress) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        pending.forEach(p -> p.passages().forEach(x -> texts.add(x.embeddingText())));
        List<float[]> vectors = new ArrayList<>(texts.size());
        int at = 0;
        for (Pending p : pending) {
            int n = p.passages().size();
            if (n > ingestBatch) {
                // a long article alone, in parts, saying how far it got
                embedPending(texts, vectors, at);
                for (int i = 0; i < n; i += ingestBatch) {
                    vectors.addAll(embedder.embedPassages(texts.subList(at + i, at + Math.min(n, i + ingestBatch))));
                    passageProgress.embedded(p.article().meta().location(), Math.min(n, i + ingestBatch), n);
                }
            } else if (at + n - vectors.size() > ingestBatch) {
                embedPending(texts, vectors, at);
            }
            at += n;
        }
        embedPending(texts, vectors, at);
        List<BulkOp> ops = new ArrayList<>();
        int v = 0;
        for (Pending p : pending) {
            Article a = p.article();
            ops.add(BulkOp.index(
                    articleKey(a.id()), articleDoc(a, p.alsoIn(), p.passages().size())));
            for (Passage x : p.passages()) {
                ops.add(BulkOp.index(passageKey(x.id()), passageDoc(a, x, vectors.get(v++))));
            }
            for (int o = p.passages().size(); o < p.oldPassages(); o++) {
                ops.add(BulkOp.delete(passageKey(a.id() + "#" + o)));
            }
        }
        return ops;
    }

    /** Embeds the texts from {@code vectors.size()} up to {@code end}. */
    private void embedPending(List<String> texts, List<float[]> vectors, int end) {
        for (int i = vectors.size(); i < end; i = vectors.size()) {
            vectors.addAll(embedder.embedPassages(texts.subList(i, Math.min(end, i + ingestBatch))));
        }
    }

    /** One operation of a bulk request: index {@code doc} under {@code id}, or delete {@code id} when it is null. */
    record BulkOp(String id, ObjectNode doc, long bytes) {
        static BulkOp index(String id, ObjectNode doc) {
            return new BulkOp(id, doc, estimatedBytes(doc));
        }

        static BulkOp delete(String id) {
            return new BulkOp(id, null, 64 + id.length());
        }

        /** About the JSON size of a document: its strings, ~12 characters per number, the action line. */
        private static long estimatedBytes(ObjectNode doc) {
            long n = 64;
            for (Map.Entry<String, JsonNode> e : doc.properties()) {
                JsonNode v = e.getValue();
                n += e.getKey().length() + 4;
                n += v.isTextual() ? v.textValue().length() + 2 : v.isArray() ? 12L * v.size() + 2 : 12;
            }
            return n;
        }
    }

    /**
     * Cuts operations into bulk requests of at most {@code maxOps} operations and about {@code maxBytes} bytes (an
     * operation larger than that goes alone), in order.
     */
    static List<List<BulkOp>> parts(List<BulkOp> ops, int maxOps, long maxBytes) {
        List<List<BulkOp>> parts = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < ops.size(); i++) {
            long b = ops.get(i).bytes();
            if (i > start && (i - start >= maxOps || bytes + b > maxBytes)) {
                parts.add(ops.subList(start, i));
                start = i;
                bytes = 0;
            }
            bytes += b;
        }
        if (start < ops.size()) {
            parts.add(ops.subList(start, ops.size()));
        }
        return parts;
    }

    /**
     * The bulk requests of one ingest still unanswered, oldest first, each with the articles (ids and how many of the
     * input) whose writing it ends. Used by the ingesting thread only; progress is reported on it, in input order,
     * once every request up to an article's last is answered.
     */
    private final class Bulks {
        private record Sent(Future<?> answer, List<String> ids, int articles) {}

        private final Deque<Sent> sent = new ArrayDeque<>();
        private final Consumer<Integer> progress;
        private int done;

        Bulks(Consumer<Integer> progress) {
            this.progress = progress;
        }

        /** Whether a request still unanswered writes one of these articles. */
        boolean writing(List<String> ids) {
            for (Sent s : sent) {
                if (s.articles() > 0 && !java.util.Collections.disjoint(s.ids(), ids)) {
                    return true;
                }
            }
            return false;
        }

        /** Sends the operations of {@code articles} input articles (ids {@code ids}), waiting for room first. */
        void send(List<BulkOp> ops, List<String> ids, int articles) {
            List<List<BulkOp>> parts = parts(ops, BULK_OPS, BULK_BYTES);
            if (parts.isEmpty()) {
                sent.add(new Sent(CompletableFuture.completedFuture(null), ids, articles));
            }
            for (int i = 0; i < parts.size(); i++) {
                while (sent.size() >= IN_FLIGHT) {
                    awaitOldest();
                }
                List<BulkOp> part = parts.get(i);
                boolean last = i == parts.size() - 1;
                sent.add(new Sent(bulkSender.submit(() -> bulk(part)), last ? ids : List.of(), last ? articles : 0));
            }
            while (!sent.isEmpty() && sent.peekFirst().answer().isDone()) {
                awaitOldest(); // report what is already written without waiting
            }
        }

        void awaitAll() {
            while (!sent.isEmpty()) {
                awaitOldest();
            }
        }

        private void awaitOldest() {
            Sent s = sent.peekFirst();
            try {
                s.answer().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r
                        ? r
                        : new OpenSearchStoreException("writing to index " + index + " failed: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenSearchStoreException("interrupted while writing to index " + index, e);
            } finally {
                sent.removeFirst();
            }
            for (int i = 0; i < s.articles(); i++) {
                progress.accept(++done);
            }
        }

        /** After a failure: waits for the requests still out (their outcome no longer matters) so none outlives it. */
        void abandon() {
            for (Sent s : sent) {
                try {
                    s.answer().get();
                } catch (ExecutionException e) {
                    log.debug("bulk request to index {} failed after an earlier failure: {}", index, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    s.answer().cancel(true);
                }
            }
            sent.clear();
        }
    }

    /** Sends one bulk request; a document refused (other than a delete of a missing one) fails it. */
    private void bulk(List<BulkOp> part) {
        BulkResponse r = call("writing to index " + index, () -> {
            BulkRequest.Builder b = new BulkRequest.Builder().index(index);
            for (BulkOp op : part) {
                if (op.doc() == null) {
                    b.operations(o -> o.delete(d -> d.id(op.id())));
                } else {
                    b.operations(o -> o.index(i -> i.id(op.id()).document(op.doc())));
                }
            }
            return client.bulk(b.build());
        });
        if (r.errors()) {
            for (BulkResponseItem item : r.items()) {
                if (item.error() != null && !(item.status() == 404)) {
                    throw new OpenSearchStoreException("OpenSearch index " + index + " refused document "
                            + item.id() + ": " + item.error().type() + ": "
                            + item.error().reason());
                }
            }
        }
    }

    private static String articleKey(String articleId) {
        return "article:" + articleId;
    }

    private static String passageKey(String passageId) {
        return "passage:" + passageId;
    }

    private ObjectNode articleDoc(Article a, List<String> alsoIn, int passageCount) {
        ObjectNode d = meta(a.meta());
        d.put(TYPE, ARTICLE);
        d.put(BODY, a.body());
        d.put(HASH, a.contentHash());
        d.put(PASSAGES, passageCount);
        ArrayNode also = d.putArray(ALSO_IN);
        alsoIn.forEach(also::add);
        return d;
    }

    private ObjectNode passageDoc(Article a, Passage p, float[] vector) {
        ObjectNode d = meta(a.meta());
        d.put(TYPE, PASSAGE);
        d.put(ID, p.id());
        d.put(ORDINAL, p.ordinal());
        d.put(TEXT, p.text());
        ArrayNode v = d.putArray(VECTOR);
        for (float f : vector) {
            v.add(f);
        }
        return d;
    }

    private static ObjectNode meta(ArticleMeta m) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put(ARTICLE_ID, m.id());
        d.put(TITLE, m.title());
        d.put(SOURCE, m.source());
        d.put(URL, m.url());
        d.put(PATH, m.path());
        d.put(AUTHOR, m.author());
        d.put(CATEGORY, m.category());
        if (m.publishedAt() != null) {
            d.put(DATE, m.publishedAt().toEpochDay());
        }
        return d;
    }

    /** The stored article documents of these ids (those found). */
    private Map<String, ObjectNode> articleDocs(List<String> ids) {
        Map<String, ObjectNode> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        var r = call(
                "reading index " + index,
                () -> client.mget(
                        g -> g.index(index)
                                .ids(ids.stream()
                                        .map(OpenSearchArticleStore::articleKey)
                                        .toList())
                                .sourceExcludes(BODY),
                        ObjectNode.class));
        for (MultiGetResponseItem<ObjectNode> item : r.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                ObjectNode d = item.result().source();
                out.put(text(d, ARTICLE_ID), d);
            }
        }
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
            call(
                    "retention on index " + index,
                    () -> client.deleteByQuery(d -> d.index(index)
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
            call(
                    "removing " + articleId + " from index " + index,
                    () -> client.deleteByQuery(d -> d.index(index)
                            .query(q -> q.term(t -> t.field(ARTICLE_ID).value(FieldValue.of(articleId))))
                            .refresh(Refresh.True)
                            .conflicts(org.opensearch.client.opensearch._types.Conflicts.Proceed)));
            return true;
        }
    }

    /**
     * Adds the location to the article's own also_in document ({@code also:<id>}), never to the article document:
     * ingest rewrites that one whole (read, embed, write) and would drop a location added meanwhile by another worker
     * or process. The also_in document is written only over the version read (or created only if still absent), so
     * two concurrent additions both land: the loser of a 409 reads again and retries.
     */
    @Override
    public boolean addAlsoIn(String articleId, String location) {
        for (int attempt = 0; ; attempt++) {
            Map<String, GetResult<ObjectNode>> got = alsoInDocs(articleId);
            GetResult<ObjectNode> article = got.get(articleKey(articleId));
            if (article == null) {
                return false;
            }
            GetResult<ObjectNode> own = got.get(alsoKey(articleId));
            if (alsoIn(article, own).contains(location)) {
                return false;
            }
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.put(TYPE, ALSO);
            d.put(ARTICLE_ID, articleId);
            JsonNode date = article.source().get(DATE);
            if (date != null && !date.isNull()) {
                d.set(DATE, date); // retention removes it with its article
            }
            ArrayNode arr = d.putArray(ALSO_IN);
            if (own != null) {
                strings(own.source().get(ALSO_IN)).forEach(arr::add);
            }
            arr.add(location);
            try {
                client.index(i -> {
                    i.index(index).id(alsoKey(articleId)).document(d).refresh(Refresh.True);
                    return own == null
                            ? i.opType(OpType.Create)
                            : i.ifSeqNo(own.seqNo()).ifPrimaryTerm(own.primaryTerm());
                });
                return true;
            } catch (IOException | RuntimeException e) {
                // 409: another writer got there first (created it, or wrote over the version read): read again
                if (OpenSearchClients.status(e) != 409 || attempt >= 20) {
                    throw OpenSearchClients.failure(os, "updating " + articleId + " in index " + index, e);
                }
            }
        }
    }

    @Override
    public List<String> alsoIn(String articleId) {
        Map<String, GetResult<ObjectNode>> got = alsoInDocs(articleId);
        GetResult<ObjectNode> article = got.get(articleKey(articleId));
        return article == null ? List.of() : alsoIn(article, got.get(alsoKey(articleId)));
    }

    /**
     * The article's also_in: the list an older version kept in the article document (ingest carries it over), then
     * the one of its also_in document.
     */
    private static List<String> alsoIn(GetResult<ObjectNode> article, GetResult<ObjectNode> own) {
        Set<String> all = new LinkedHashSet<>(strings(article.source().get(ALSO_IN)));
        if (own != null) {
            all.addAll(strings(own.source().get(ALSO_IN)));
        }
        return List.copyOf(all);
    }

    /** The article document (without its body) and its also_in document, by key, those found, in one request. */
    private Map<String, GetResult<ObjectNode>> alsoInDocs(String articleId) {
        var r = call(
                "reading index " + index,
                () -> client.mget(
                        g -> g.index(index)
                                .ids(articleKey(articleId), alsoKey(articleId))
                                .sourceExcludes(BODY),
                        ObjectNode.class));
        Map<String, GetResult<ObjectNode>> out = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : r.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                out.put(item.result().id(), item.result());
            }
        }
        return out;
    }

    private static String alsoKey(String articleId) {
        return "also:" + articleId;
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
        return (int) call(
                        "counting in index " + index,
                        () -> client.count(c -> c.index(index).query(q)))
                .count();
    }

    @Override
    public List<ArticleMeta> articles() {
        List<ArticleMeta> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> r = call(
                    "reading index " + index,
                    () -> client.search(
                            s -> {
                                s.index(index)
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
            hits.forEach(h -> out.add(meta(h.source())));
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
        GetResponse<ObjectNode> g = call(
                "reading index " + index, () -> client.get(r -> r.index(index).id(articleKey(id)), ObjectNode.class));
        if (!g.found() || g.source() == null) {
            return Optional.empty();
        }
        ObjectNode d = g.source();
        return Optional.of(new Article(meta(d), text(d, BODY), text(d, HASH)));
    }

    @Override
    public List<Passage> passages(String articleId) {
        SearchResponse<ObjectNode> r = call(
                "reading index " + index,
                () -> client.search(
                        s -> s.index(index)
                                .query(q -> q.bool(b -> b.filter(typeIs(PASSAGE))
                                        .filter(f ->
                                                f.term(t -> t.field(ARTICLE_ID).value(FieldValue.of(articleId))))))
                                .size(10_000)
                                .source(src -> src.filter(f -> f.excludes(VECTOR)))
                                .sort(o -> o.field(f -> f.field(ORDINAL).order(SortOrder.Asc))),
                        ObjectNode.class));
        return r.hits().hits().stream().map(h -> passage(h.source())).toList();
    }

    @Override
    public double idf(String term) {
        return idf(List.of(term)).get(term);
    }

    /** BM25's IDF of each term among passages, {@code log(1 + (n - df + 0.5) / (df + 0.5))}, in one request. */
    @Override
    public Map<String, Double> idf(Collection<String> terms) {
        List<String> list = List.copyOf(new LinkedHashSet<>(terms));
        if (list.isEmpty()) {
            return Map.of();
        }
        MsearchResponse<ObjectNode> r =
                call("reading index " + index, () -> client.msearch(m -> m.searches(idfItem(list)), ObjectNode.class));
        MultiSearchItem<ObjectNode> item = result(r.responses().getFirst());
        ShardFailures.of(Map.of("idf", item.shards()))
                .ifPresent(w -> log.warn("OpenSearch index {}: idf of {} terms {}", index, list.size(), w));
        return idfs(list, item);
    }

    /** One count of passages and one filter aggregation per term: the document frequencies of {@link #idfs}. */
    private RequestItem idfItem(List<String> terms) {
        return RequestItem.of(i -> i.header(h -> h.index(index)).body(b -> {
            b.query(typeIs(PASSAGE)).size(0).trackTotalHits(t -> t.enabled(true));
            for (int k = 0; k < terms.size(); k++) {
                String t = terms.get(k);
                b.aggregations(
                        "t" + k, a -> a.filter(f -> f.term(x -> x.field(TEXT).value(FieldValue.of(t)))));
            }
            return b;
        }));
    }

    /** The IDFs of {@link #idfItem}'s terms from its response, keyed in the terms' order. */
    private static Map<String, Double> idfs(List<String> terms, SearchResponse<ObjectNode> r) {
        long n = Math.max(1, r.hits().total().value());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            long df = r.aggregations().get("t" + i).filter().docCount();
            out.put(terms.get(i), Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return out;
    }

    /** The stored size of the index's primary shards (indices stats API), after the last refresh. */
    @Override
    public long storeBytes() {
        IndicesStatsResponse r = call(
                "reading the size of index " + index,
                () -> client.indices().stats(s -> s.index(index).metric(IndicesStatsMetric.Store)));
        IndicesStats st = r.indices().get(index);
        return st == null || st.primaries() == null || st.primaries().store() == null
                ? -1
                : st.primaries().store().sizeInBytes();
    }

    // ---- search

    /**
     * One {@code _msearch} per search: BM25's query and the k-NN (or exact) query, and, when the ranking will ask
     * for them, the IDFs of the query's terms (for coverage) and the newest passage up to the anchor day (for
     * recency). A shard that failed in any part is logged once (a WARN with the counts and reasons) and the
     * search answered from the shards that did answer.
     */
    @Override
    public List<SearchHit> search(SearchRequest r) {
        int n = Math.max(settings.candidates(), r.k());
        Query filter = filter(r);
        SearchRequest.Mode mode = r.mode();
        boolean lexical = mode == SearchRequest.Mode.HYBRID || mode == SearchRequest.Mode.BM25;
        boolean knn = mode == SearchRequest.Mode.HYBRID || mode == SearchRequest.Mode.DENSE;
        boolean exact = mode == SearchRequest.Mode.DENSE_EXACT;
        List<String> terms = List.copyOf(new LinkedHashSet<>(TextAnalysis.terms(r.query())));
        float[] qv = knn || exact ? embedder.embedQuery(r.query()) : null;
        List<Float> vector = qv == null ? null : floats(qv);
        HybridRanker ranker = new HybridRanker(settings);
        List<RequestItem> items = new ArrayList<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        if (lexical && !terms.isEmpty()) {
            boolean withVectors = mode == SearchRequest.Mode.HYBRID;
            Query text = Query.of(q -> q.bool(b -> {
                for (String t : terms) {
                    b.should(s -> s.term(x -> x.field(TEXT).value(FieldValue.of(t))));
                    if (settings.titleBoost() > 0) {
                        b.should(s -> s.term(
                                x -> x.field(TITLE).value(FieldValue.of(t)).boost((float) settings.titleBoost())));
                    }
                }
                return b.minimumShouldMatch("1").filter(filter);
            }));
            at.put("bm25", items.size());
            items.add(RequestItem.of(i -> i.header(h -> h.index(index).searchType(SearchType.DfsQueryThenFetch))
                    .body(b -> b.query(text)
                            .size(n)
                            .source(src -> src.filter(f -> withVectors ? f.excludes(BODY) : f.excludes(VECTOR))))));
        }
        if (knn) {
            at.put("knn", items.size());
            items.add(RequestItem.of(i -> i.header(h -> h.index(index))
                    .body(b -> b.query(q -> q.knn(
                                    k -> k.field(VECTOR).vector(vector).k(n).filter(filter)))
                            .size(n)
                            .source(src -> src.filter(f -> f.excludes(VECTOR))))));
        }
        if (exact) {
            at.put("exact", items.size());
            items.add(RequestItem.of(i -> i.header(h -> h.index(index))
                    .body(b -> b.query(q -> q.scriptScore(ss -> ss.query(filter)
                                    .script(sc -> sc.inline(in -> in.lang(l -> l.custom("knn"))
                                            .source("knn_score")
                                            .params("field", JsonData.of(VECTOR))
                                            .params("query_value", JsonData.of(vector))
                                            .params("space_type", JsonData.of(SPACE))))))
                            .size(n)
                            .source(src -> src.filter(f -> f.excludes(VECTOR))))));
        }
        if (items.isEmpty()) {
            return List.of();
        }
        // what the ranking will ask the store, in the same request: no request per search beyond this one
        if (at.containsKey("bm25") && ranker.asksCoverage(r)) {
            at.put("idf", items.size());
            items.add(idfItem(terms));
        }
        boolean newestAsked = ranker.asksNewest(r);
        if (newestAsked) {
            at.put("newest", items.size());
            items.add(newestItem(r.asOf()));
        }
        MsearchResponse<ObjectNode> res =
                call("searching index " + index, () -> client.msearch(m -> m.searches(items), ObjectNode.class));
        Map<String, MultiSearchItem<ObjectNode>> parts = new LinkedHashMap<>();
        at.forEach((part, i) -> parts.put(part, result(res.responses().get(i))));
        Map<String, ShardStatistics> shards = new LinkedHashMap<>();
        parts.forEach((part, item) -> shards.put(part, item.shards()));
        ShardFailures.of(shards)
                .ifPresent(w -> log.warn("OpenSearch index {}: search for '{}' {}", index, r.query(), w));
        Map<String, ObjectNode> docs = new HashMap<>();
        List<HybridRanker.Candidate<String>> lex = new ArrayList<>();
        List<HybridRanker.Candidate<String>> dense = new ArrayList<>();
        if (parts.containsKey("bm25")) {
            for (Hit<ObjectNode> h : parts.get("bm25").hits().hits()) {
                docs.put(h.id(), h.source());
                lex.add(new HybridRanker.Candidate<>(h.id(), date(h.source()), h.score()));
            }
        }
        MultiSearchItem<ObjectNode> denseItem = exact ? parts.get("exact") : parts.get("knn");
        if (denseItem != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (Hit<ObjectNode> h : denseItem.hits().hits()) {
                docs.putIfAbsent(h.id(), h.source());
                // cosinesimil: the k-NN query scores (1 + cos) / 2, the exact script 1 + cos
                double cos = exact ? h.score() - 1.0 : 2.0 * h.score() - 1.0;
                dense.add(new HybridRanker.Candidate<>(h.id(), date(h.source()), cos));
                seen.add(h.id());
            }
            if (mode == SearchRequest.Mode.HYBRID) {
                for (HybridRanker.Candidate<String> c : lex) {
                    if (!seen.contains(c.key())) {
                        JsonNode v = docs.get(c.key()).get(VECTOR);
                        double cos = v == null ? 0 : Vectors.dot(floats(v), qv);
                        dense.add(new HybridRanker.Candidate<>(c.key(), c.published(), cos));
                    }
                }
            }
        }
        Found found = new Found(docs, r.query());
        if (parts.containsKey("idf")) {
            found.queryIdf = idfs(terms, parts.get("idf"));
        }
        if (newestAsked) {
            found.newestFetched = true;
            found.newestDay = r.asOf();
            found.newest = newest(parts.get("newest"));
        }
        try {
            List<SearchHit> hits = ranker.rank(r, lex, dense, found);
            if (qv == null) {
                return hits;
            }
            QueryVector query = new QueryVector(embedder.name(), r.query(), qv); // the composer reuses it
            return hits.stream().map(h -> h.withQuery(query)).toList();
        } catch (IOException e) {
            throw OpenSearchClients.failure(os, "searching index " + index, e);
        }
    }

    /** The newest passage published on or before {@code day} (null: of all): its date is recency's anchor. */
    private RequestItem newestItem(LocalDate day) {
        long upper = day == null ? Long.MAX_VALUE : day.toEpochDay();
        return RequestItem.of(i -> i.header(h -> h.index(index))
                .body(b -> b.query(q -> q.bool(x -> x.filter(typeIs(PASSAGE))
                                .filter(f -> f.range(d -> d.field(DATE).lte(JsonData.of(upper))))))
                        .size(1)
                        .source(src -> src.filter(f -> f.includes(DATE)))
                        .sort(o -> o.field(f -> f.field(DATE).order(SortOrder.Desc)))));
    }

    private static Optional<LocalDate> newest(SearchResponse<ObjectNode> r) {
        return r.hits().hits().stream().map(h -> date(h.source())).findFirst();
    }

    /**
     * What the ranking asks of the store, answered from this search's response: its hits, the IDFs of its query's
     * terms and the newest date up to its anchor day, fetched with it; anything else (another query or day) from
     * the cluster.
     */
    private final class Found implements HybridRanker.Corpus<String> {
        private final Map<String, ObjectNode> docs;
        private final String query;
        /** The IDFs of the search's query terms, in their order; null when not fetched with the search. */
        Map<String, Double> queryIdf;
        /** Whether {@link #newest} was fetched with the search, for {@link #newestDay}. */
        boolean newestFetched;

        /** The day {@link #newest} was fetched for with the search (null: no bound). */
        LocalDate newestDay;

        /** The newest date up to {@link #newestDay}, fetched with the search. */
        Optional<LocalDate> newest;

        Found(Map<String, ObjectNode> docs, String query) {
            this.docs = docs;
            this.query = query;
        }

        @Override
        public double coverage(String query, String key) {
            ObjectNode d = docs.get(key);
            Set<String> in = new LinkedHashSet<>(TextAnalysis.terms(text(d, TEXT)));
            in.addAll(TextAnalysis.terms(text(d, TITLE)));
            Map<String, Double> idf =
                    queryIdf != null && query.equals(this.query) ? queryIdf : idf(TextAnalysis.terms(query));
            double all = 0;
            double found = 0;
            for (Map.Entry<String, Double> e : idf.entrySet()) {
                all += e.getValue();
                if (in.contains(e.getKey())) {
                    found += e.getValue();
                }
            }
            return all == 0 ? 0 : found / all;
        }

        @Override
        public Optional<LocalDate> newest(LocalDate day) {
            if (newestFetched && java.util.Objects.equals(day, newestDay)) {
                return newest;
            }
            MsearchResponse<ObjectNode> r = call(
                    "searching index " + index,
                    () -> client.msearch(m -> m.searches(newestItem(day)), ObjectNode.class));
            return OpenSearchArticleStore.newest(result(r.responses().getFirst()));
        }

        @Override
        public List<Passage> passages(List<String> keys) {
            return keys.stream().map(k -> passage(docs.get(k))).toList();
        }
    }

    /** The response of one part of an {@code _msearch}; a part OpenSearch refused fails the whole call. */
    private MultiSearchItem<ObjectNode> result(MultiSearchResponseItem<ObjectNode> item) {
        if (item.isFailure()) {
            var e = item.failure().error();
            throw new OpenSearchStoreException(
                    "OpenSearch refused a search of index " + index + ": " + e.type() + ": " + e.reason());
        }
        return item.result();
    }

    private static Query filter(SearchRequest r) {
        LocalDate upper = r.to();
        if (r.asOf() != null && (upper == null || r.asOf().isBefore(upper))) {
            upper = r.asOf();
        }
        LocalDate hi = upper;
        return Query.of(q -> q.bool(b -> {
            b.filter(typeIs(PASSAGE));
            if (r.from() != null || hi != null) {
                b.filter(f -> f.range(x -> {
                    x.field(DATE);
                    if (r.from() != null) {
                        x.gte(JsonData.of(r.from().toEpochDay()));
                    }
                    if (hi != null) {
                        x.lte(JsonData.of(hi.toEpochDay()));
                    }
                    return x;
                }));
            }
            return b;
        }));
    }

    private static Query typeIs(String type) {
        return Query.of(q -> q.term(t -> t.field(TYPE).value(FieldValue.of(type))));
    }

    // ---- documents back to records

    private static ArticleMeta meta(ObjectNode d) {
        return new ArticleMeta(
                text(d, ARTICLE_ID),
                text(d, TITLE),
                text(d, SOURCE),
                date(d),
                text(d, URL),
                text(d, PATH),
                text(d, AUTHOR),
                text(d, CATEGORY));
    }

    private static Passage passage(ObjectNode d) {
        return new Passage(text(d, ID), meta(d), d.get(ORDINAL).asInt(), text(d, TEXT));
    }

    private static LocalDate date(ObjectNode d) {
        JsonNode v = d == null ? null : d.get(DATE);
        return v == null || v.isNull() ? null : LocalDate.ofEpochDay(v.asLong());
    }

    private static String text(ObjectNode d, String field) {
        JsonNode v = d == null ? null : d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(x -> out.add(x.asText()));
        } else if (arr != null && arr.isTextual()) {
            out.add(arr.asText());
        }
        return out;
    }

    private static List<Float> floats(float[] v) {
        List<Float> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    private static float[] floats(JsonNode arr) {
        float[] out = new float[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) arr.get(i).asDouble();
        }
        return out;
    }

    // ---- calls and their failures

    private <T> T call(String what, OpenSearchClients.Call<T> c) {
        ready();
        return request(what, c);
    }

    private <T> T request(String what, OpenSearchClients.Call<T> c) {
        return OpenSearchClients.request(os, what, c);
    }

    /** Makes what was written visible to searches. */
    private void refresh() {
        call("refreshing index " + index, () -> client.indices().refresh(r -> r.index(index)));
    }

    @Override
    public void close() {
        bulkSender.shutdownNow();
        OpenSearchClients.close(client);
    }

    /** Deletes this store's index (tests and {@code bench}); a missing index is fine. */
    public void deleteIndex() {
        request("deleting index " + index, () -> {
            if (client.indices().exists(r -> r.index(index)).value()) {
                try {
                    client.indices().delete(d -> d.index(index));
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
        return "OpenSearchArticleStore[" + index + " at " + os.urls() + "]";
    }
}
