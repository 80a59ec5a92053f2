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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.opensearch.client.opensearch._helpers.bulk.BulkIngester;
import org.opensearch.client.opensearch._helpers.bulk.BulkListener;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.store.StoreWriter;

/**
 * The OpenSearch store's writer in an ingest, on opensearch-java's {@link BulkIngester}: an article's document and
 * its passages' (and deletes of the passages a shorter new version no longer has) go into {@code _bulk} requests of
 * at most {@value #BULK_OPS} operations and about {@value #BULK_BYTES} bytes, up to {@value #IN_FLIGHT} in flight
 * while the pipeline embeds the next articles. An article written again in the same ingest waits until its first
 * write is answered, so the later version is the one stored. A refused document or request fails the ingest at the
 * next write or commit point, once the requests in flight are answered; what was acknowledged stays written (re-running
 * is idempotent). {@link #finish()} returns after every request is answered and the index refreshed.
 */
final class BulkWriter implements StoreWriter, AutoCloseable {

    // the store's log category: what operators configure and tests listen to
    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticleStore.class);

    /** Bulk operations per request at most. */
    static final int BULK_OPS = 1000;
    /**
     * Bytes per bulk request at most, far below OpenSearch's default {@code http.max_content_length} of 100 MB, in the
     * 5-15 MB its tuning guide suggests.
     */
    static final long BULK_BYTES = 10L << 20;
    /**
     * Bulk requests sent and not yet answered, at most: one being indexed while the next is sent keeps the cluster's
     * write threads busy across the round trips, and bounds the documents held here to a few requests.
     */
    static final int IN_FLIGHT = 2;

    private final IndexCalls calls;
    private final String index;
    private final ScheduledExecutorService scheduler;
    /** The first failure of a request (any thread); the ingest fails with it. */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    /** Passages stored per article looked up or written: a shorter new version deletes the rest. */
    private final Map<String, Integer> storedPassages = new HashMap<>();
    /** Articles written through the current ingester. */
    private final Set<String> inIngester = new HashSet<>();
    /** The bulk ingester, made for the first write after each drain. */
    private BulkIngester<String> ingester;

    /**
     * @param scheduler runs the ingester's listener (the store's; not shut down here)
     */
    BulkWriter(IndexCalls calls, ScheduledExecutorService scheduler) {
        this.calls = calls;
        this.index = calls.index;
        this.scheduler = scheduler;
    }

    /** The stored article documents of these ids (those found): their hash, also_in and passage count. */
    @Override
    public Map<String, Stored> stored(Collection<String> ids) {
        Map<String, Stored> out = new HashMap<>();
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
                String id = text(d, ARTICLE_ID);
                out.put(id, new Stored(text(d, HASH), strings(d.get(ALSO_IN))));
                storedPassages.put(id, d.has(PASSAGES) ? d.get(PASSAGES).asInt() : 0);
            }
        }
        return out;
    }

    @Override
    public void write(Article a, List<Passage> passages, List<float[]> vectors, List<String> alsoIn) {
        throwIfFailed();
        String id = a.id();
        if (!inIngester.add(id)) {
            drain(); // its earlier version may still be in flight: let it land first
            inIngester.add(id);
        }
        BulkIngester<String> b = ingester();
        ObjectNode art = articleDoc(a, alsoIn, passages.size());
        b.add(op -> op.index(i -> i.index(index).id(articleKey(id)).document(art)), id);
        for (int p = 0; p < passages.size(); p++) {
            Passage x = passages.get(p);
            ObjectNode doc = passageDoc(a, x, vectors.get(p));
            b.add(op -> op.index(i -> i.index(index).id(passageKey(x.id())).document(doc)), id);
        }
        for (int o = passages.size(); o < storedPassages.getOrDefault(id, 0); o++) {
            String stale = passageKey(id + "#" + o);
            b.add(op -> op.delete(d -> d.index(index).id(stale)), id);
        }
        storedPassages.put(id, passages.size());
    }

    /** Leaves the requests in flight; fails when one was refused. */
    @Override
    public void commit() {
        throwIfFailed();
    }

    @Override
    public void finish() {
        drain();
        calls.refresh();
    }

    /** Waits until every request sent is answered, closing the ingester (a write makes a new one). */
    private void drain() {
        if (ingester != null) {
            BulkIngester<String> b = ingester;
            ingester = null;
            inIngester.clear();
            b.close(); // sends what it holds and waits for every request
        }
        throwIfFailed();
    }

    private BulkIngester<String> ingester() {
        if (ingester == null) {
            ingester = BulkIngester.of(b -> b.client(calls.client)
                    .maxOperations(BULK_OPS)
                    .maxSize(BULK_BYTES)
                    .maxConcurrentRequests(IN_FLIGHT)
                    .scheduler(scheduler)
                    .listener(new Answers()));
        }
        return ingester;
    }

    private void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Records the first refused document or failed request; later ones are logged. */
    private final class Answers implements BulkListener<String> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<String> contexts) {}

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<String> contexts, BulkResponse r) {
            if (!r.errors()) {
                return;
            }
            for (BulkResponseItem item : r.items()) {
                if (item.error() != null && item.status() != 404) { // a delete of a missing passage is fine
                    fail(new OpenSearchStoreException("OpenSearch index " + index + " refused document " + item.id()
                            + ": " + item.error().type() + ": " + item.error().reason()));
                    return;
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<String> contexts, Throwable t) {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            fail(OpenSearchClients.failure(
                    calls.os,
                    "writing to index " + index,
                    cause instanceof Exception e ? e : new IllegalStateException(cause)));
        }

        private void fail(RuntimeException e) {
            if (!failure.compareAndSet(null, e)) {
                log.debug("bulk request to index {} failed after an earlier failure: {}", index, e.getMessage());
            }
        }
    }

    /** Waits for the requests still out (after a failure their outcome no longer matters) so none outlives it. */
    @Override
    public void close() {
        if (ingester != null) {
            ingester.close();
            ingester = null;
        }
    }
}
