package tradetalk.retrieval.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.embed.Embedder;

/**
 * The articles of an ingest on their way to the store, a small pipeline: their passages are embedded together, in
 * one call across articles (and so across files and feed items), once they reach the batch size; while the model
 * embeds one batch on a thread of its own, the ingest thread writes the batch before it to the store and chunks the
 * next, so the model never waits for the store. Small articles (a news snippet is one passage) thus reach the model in
 * large batches, which it runs on every core, one after another without a gap.
 *
 * <p>Articles are written, committed and told as progress in the order they came, skipped ones included; a commit
 * follows every {@code commitEvery}-th article, once it and all before it are written, so a crash leaves whole
 * articles, the first multiple of {@code commitEvery} of them. A batch is not cut at a commit: it spans it. Memory
 * stays bounded by two batches (the one the model embeds and the one being gathered). Not thread-safe (used by one
 * ingest); {@link #close()} stops the embedding thread.
 */
final class PendingWrites implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PendingWrites.class);

    /** An article to write, or one to count only (unchanged, rejected: {@code article} null). */
    private record Entry(Article article, List<Passage> passages, List<String> alsoIn) {
        static final Entry SKIP = new Entry(null, List.of(), List.of());
    }

    /** Entries in order and the vectors of their passages, in the making. */
    private record Batch(List<Entry> entries, int passages, CompletableFuture<Embedded> vectors) {}

    /** A batch's passage vectors, when the model began and ended it. */
    private record Embedded(List<float[]> vectors, long startNanos, long endNanos) {}

    private final StoreWriter writer;
    private final Embedder embedder;
    private final int batch;
    private final int commitEvery;
    private final Consumer<Integer> progress;
    private final ArticleStore.PassageProgress passageProgress;
    private List<Entry> gathering = new ArrayList<>();
    private int gatheringPassages;
    /** The batch the model embeds, or null. */
    private Batch embedding;
    /** The embedding thread, made for the first batch. */
    private ExecutorService model;
    /** Articles written (or skipped) so far, in order: what progress and commits count. */
    private int done;
    /** When the model finished its last batch (for the debug line: how long it waited for the next). */
    private long modelFreeSince = System.nanoTime();

    /**
     * @param batch       embed once this many passages wait (at least 1)
     * @param commitEvery commit after every this many articles (at least 1)
     * @param progress    told the number of articles processed so far, once each is written (or skipped), in order
     * @param passageProgress told, after each batch of its passages, how far the embedding of an article of more
     *                 passages than a batch got
     */
    PendingWrites(
            StoreWriter writer,
            Embedder embedder,
            int batch,
            int commitEvery,
            Consumer<Integer> progress,
            ArticleStore.PassageProgress passageProgress) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1, got " + commitEvery);
        }
        this.writer = writer;
        this.embedder = embedder;
        this.batch = batch;
        this.commitEvery = commitEvery;
        this.progress = progress;
        this.passageProgress = passageProgress;
    }

    /** Queues an article to embed and write; hands the queue to the model when it holds a batch of passages. */
    void add(Article a, List<Passage> ps, List<String> alsoIn) throws IOException {
        if (ps.size() > batch) {
            // a long article: write what waits, then embed this one alone, in parts, saying how far it got
            finish();
            List<float[]> vectors = new ArrayList<>(ps.size());
            for (int i = 0; i < ps.size(); i += batch) {
                vectors.addAll(
                        embed(ps.subList(i, Math.min(ps.size(), i + batch))).vectors());
                passageProgress.embedded(a.meta().location(), vectors.size(), ps.size());
            }
            write(new Entry(a, ps, alsoIn), vectors);
            return;
        }
        gathering.add(new Entry(a, ps, alsoIn));
        gatheringPassages += ps.size();
        if (gatheringPassages >= batch) {
            handOver();
        }
    }

    /** Counts an article that needs no writing (unchanged, or rejected), in its place in the order. */
    void skip() throws IOException {
        if (embedding == null && gathering.isEmpty()) {
            write(Entry.SKIP, List.of()); // nothing comes before it
            return;
        }
        gathering.add(Entry.SKIP); // after what the model embeds, without waiting for it
        if (gathering.size() >= Math.max(batch, commitEvery)) {
            handOver(); // a long run of skips among few new articles must not pile up
        }
    }

    /** Embeds and writes everything queued, committing at every {@code commitEvery}-th article on the way. */
    void finish() throws IOException {
        if (!gathering.isEmpty()) {
            handOver();
        }
        if (embedding != null) {
            Batch b = embedding;
            embedding = null;
            write(b, await(b));
        }
    }

    /**
     * The gathered entries go to the model as soon as it is free; meanwhile the batch it embedded is written. The
     * model is thus handed its next batch the moment it is done with one.
     */
    private void handOver() throws IOException {
        Batch previous = embedding;
        Embedded previousVectors = previous == null ? null : await(previous);
        List<Entry> entries = gathering;
        int passages = gatheringPassages;
        gathering = new ArrayList<>();
        gatheringPassages = 0;
        embedding = start(entries, passages);
        if (previous != null) {
            write(previous, previousVectors);
        }
    }

    private Batch start(List<Entry> entries, int passages) {
        if (passages == 0) {
            long now = System.nanoTime();
            return new Batch(entries, 0, CompletableFuture.completedFuture(new Embedded(List.of(), now, now)));
        }
        List<Passage> ps = new ArrayList<>(passages);
        entries.forEach(e -> ps.addAll(e.passages()));
        if (model == null) {
            model = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("ingest-embedding").daemon().factory());
        }
        return new Batch(entries, passages, CompletableFuture.supplyAsync(() -> embed(ps), model));
    }

    /** Embeds passages in one call: the model gets one long list to spread over its threads. */
    private Embedded embed(List<Passage> ps) {
        List<String> texts = new ArrayList<>(ps.size());
        ps.forEach(p -> texts.add(p.embeddingText()));
        long t0 = System.nanoTime();
        List<float[]> out = embedder.embedPassages(texts);
        return new Embedded(out, t0, System.nanoTime());
    }

    /** The vectors of a batch, waiting for the model; its failure is the caller's. */
    private static Embedded await(Batch b) {
        try {
            return b.vectors().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            b.vectors().cancel(true);
            throw new IndexException("ingest interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IndexException("embedding failed: " + e.getCause(), e.getCause());
        }
    }

    private void write(Batch b, Embedded embedded) throws IOException {
        boolean debug = log.isDebugEnabled() && b.passages() > 0;
        long w0 = System.nanoTime();
        int at = 0;
        for (Entry e : b.entries()) {
            int n = e.passages().size();
            write(e, embedded.vectors().subList(at, at + n));
            at += n;
        }
        if (debug) {
            log.debug(
                    "Embedded {} passages of {} articles in {} ms (the model waited {} ms for them), wrote them in {} ms",
                    b.passages(),
                    b.entries().stream().filter(e -> e.article() != null).count(),
                    (embedded.endNanos() - embedded.startNanos()) / 1_000_000,
                    Math.max(0, embedded.startNanos() - modelFreeSince) / 1_000_000,
                    (System.nanoTime() - w0) / 1_000_000);
        }
        if (b.passages() > 0) {
            modelFreeSince = embedded.endNanos();
        }
    }

    private void write(Entry e, List<float[]> vectors) throws IOException {
        if (e.article() != null) {
            writer.write(e.article(), e.passages(), vectors, e.alsoIn());
        }
        done++;
        if (done % commitEvery == 0) {
            writer.commit();
        }
        progress.accept(done);
    }

    @Override
    public void close() {
        if (model != null) {
            model.shutdownNow(); // a batch still in the model only when the ingest failed: its vectors are not needed
        }
    }
}
