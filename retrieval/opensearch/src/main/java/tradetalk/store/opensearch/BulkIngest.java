package tradetalk.store.opensearch;

import static tradetalk.retrieval.store.StoreFields.ALSO_IN;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.HASH;
import static tradetalk.store.opensearch.StoredDocs.PASSAGES;
import static tradetalk.store.opensearch.StoredDocs.articleDoc;
import static tradetalk.store.opensearch.StoredDocs.articleKey;
import static tradetalk.store.opensearch.StoredDocs.passageDoc;
import static tradetalk.store.opensearch.StoredDocs.passageKey;
import static tradetalk.store.opensearch.StoredDocs.strings;
import static tradetalk.store.opensearch.StoredDocs.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore.PassageProgress;
import tradetalk.retrieval.store.IngestReport;

/**
 * The store's ingest: pipelined, so that while up to {@value #IN_FLIGHT} {@code _bulk} requests are being indexed by
 * the cluster, the next chunk of articles is looked up, chunked and embedded here. Each request is bounded by
 * operations and by bytes; a chunk that touches an article still being written waits for that write first, so the
 * later version is the one stored; {@link #ingest} returns only after every request it sent is answered (and
 * refreshed), and on a refused request it waits for the others, then fails: what was acknowledged stays written.
 * Re-ingest is idempotent (an article whose content hash is stored is skipped). The caller holds the store's write
 * lock.
 */
final class BulkIngest implements AutoCloseable {

    // the store's log category, as before it was split: what operators configure and tests listen to
    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticleStore.class);

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

    private final IndexCalls calls;
    private final String index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final int ingestBatch;
    /** Sends the bulk requests of an ingest ({@value #IN_FLIGHT} threads, made when first used). */
    private final ExecutorService bulkSender = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
        Thread t = new Thread(r, "opensearch-bulk");
        t.setDaemon(true);
        return t;
    });

    BulkIngest(IndexCalls calls, Embedder embedder, Chunker chunker, int ingestBatch) {
        if (ingestBatch < 1) {
            throw new IllegalArgumentException("ingest batch must be at least 1, got " + ingestBatch);
        }
        this.calls = calls;
        this.index = calls.index;
        this.embedder = embedder;
        this.chunker = chunker;
        this.ingestBatch = ingestBatch;
    }

    private record Pending(Article article, List<Passage> passages, List<String> alsoIn, int oldPassages) {}

    /** See {@link tradetalk.retrieval.store.ArticleStore#ingest}. */
    IngestReport ingest(
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
        Bulks bulks = new Bulks(progress);
        try {
            for (int from = 0; from < articles.size(); from += CHUNK) {
                List<Article> chunk = articles.subList(from, Math.min(articles.size(), from + CHUNK));
                List<String> ids = chunk.stream().map(Article::id).distinct().toList();
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
                    pending.removeIf(p -> p.article().id().equals(a.id())); // a later version in the same batch wins
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
        calls.refresh();
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
                if (s.articles() > 0 && !Collections.disjoint(s.ids(), ids)) {
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
        BulkResponse r = calls.call("writing to index " + index, () -> {
            BulkRequest.Builder b = new BulkRequest.Builder().index(index);
            for (BulkOp op : part) {
                if (op.doc() == null) {
                    b.operations(o -> o.delete(d -> d.id(op.id())));
                } else {
                    b.operations(o -> o.index(i -> i.id(op.id()).document(op.doc())));
                }
            }
            return calls.client.bulk(b.build());
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

    /** The stored article documents of these ids (those found). */
    private Map<String, ObjectNode> articleDocs(List<String> ids) {
        Map<String, ObjectNode> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        var r = calls.call(
                "reading index " + index,
                () -> calls.client.mget(
                        g -> g.index(index)
                                .ids(ids.stream().map(StoredDocs::articleKey).toList())
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

    @Override
    public void close() {
        bulkSender.shutdownNow();
    }
}
