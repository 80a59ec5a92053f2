package tradetalk.store.lucene;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.embed.Embedder;

/**
 * Sentence vectors computed in the background once an ingest's passages are committed and searchable: each
 * article's distinct sentences are embedded, a batch at a time, on one thread of its own, and written with the
 * article ({@link Sink}) when it is still stored as it was ingested. An ingest thus runs at the model's rate on its
 * passages; answers take a sentence's vector from the index once it is there and embed it themselves until then
 * (the vectors are the model's own either way, so answers are the same). Work left when the process ends is lost,
 * not wrong: those sentences are embedded at answer time. Thread-safe.
 */
final class SentenceVectorFill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentenceVectorFill.class);

    /** Articles whose sentence vectors are written (and committed) together: a segment each. */
    private static final int ARTICLES_PER_WRITE = 1000;
    /** How long a write waits for another process's writer to let go of the index, at most. */
    private static final long LOCKED_RETRY_MS = 2_000;

    private static final int LOCKED_ATTEMPTS = 30;

    /**
     * One ingested article's sentences.
     *
     * @param articleId the article
     * @param hash      its content hash as ingested (an article replaced or removed since is skipped)
     * @param date      its publication date (retention removes its sentence vectors with it), or null
     * @param sentences its passages' distinct sentences, in order
     */
    record Work(String articleId, String hash, LocalDate date, List<String> sentences) {
        static Work of(String articleId, String hash, LocalDate date, List<Passage> passages) {
            Set<String> all = new LinkedHashSet<>();
            passages.forEach(p -> all.addAll(SentenceVectorField.sentences(p)));
            return new Work(articleId, hash, date, List.copyOf(all));
        }
    }

    /** Writes the sentence vectors of articles (skipping those no longer stored as ingested) and commits. */
    @FunctionalInterface
    interface Sink {
        void write(List<Work> works, Map<String, float[]> vectors) throws IOException;
    }

    private final Embedder embedder;
    private final int batch;
    private final Sink sink;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("sentence-vectors").daemon().factory());
    private final List<Future<?>> submitted = new ArrayList<>();
    /** Articles submitted whose part is not written (or given up) yet. */
    private final AtomicInteger pendingArticles = new AtomicInteger();

    /**
     * @param embedder the index's model
     * @param batch    sentences embedded per model call
     * @param sink     where the vectors go
     */
    SentenceVectorFill(Embedder embedder, int batch, Sink sink) {
        this.embedder = embedder;
        this.batch = batch;
        this.sink = sink;
    }

    /** Computes and writes the sentence vectors of these articles after the work already submitted. */
    synchronized void submit(List<Work> works) {
        if (works.isEmpty()) {
            return;
        }
        submitted.removeIf(Future::isDone);
        List<Work> copy = List.copyOf(works);
        pendingArticles.addAndGet(copy.size());
        try {
            submitted.add(thread.submit(() -> fill(copy)));
        } catch (RejectedExecutionException e) {
            pendingArticles.addAndGet(-copy.size());
            throw e;
        }
    }

    /** Articles submitted whose sentence vectors are not written (or given up) yet: 0 when settled. */
    int pendingArticles() {
        return pendingArticles.get();
    }

    /** Waits until every submitted article's sentence vectors are written (or given up). */
    void settle() {
        List<Future<?>> waiting;
        synchronized (this) {
            waiting = List.copyOf(submitted);
        }
        for (Future<?> f : waiting) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("Sentence vectors were not stored: {}", e.getCause().toString());
            }
        }
    }

    /** Sentences submitted and not yet written: 0 when settled. */
    synchronized int pendingTasks() {
        submitted.removeIf(Future::isDone);
        return submitted.size();
    }

    private void fill(List<Work> works) {
        int from = 0;
        try {
            for (; from < works.size() && !Thread.currentThread().isInterrupted(); from += ARTICLES_PER_WRITE) {
                int to = Math.min(works.size(), from + ARTICLES_PER_WRITE);
                fillPart(works.subList(from, to));
                pendingArticles.addAndGet(-(to - from));
            }
        } finally {
            pendingArticles.addAndGet(-(works.size() - Math.min(from, works.size()))); // dropped or failed
        }
    }

    private void fillPart(List<Work> part) {
        List<String> texts = new ArrayList<>(new LinkedHashSet<>(
                part.stream().flatMap(w -> w.sentences().stream()).toList()));
        Map<String, float[]> vectors = new HashMap<>(2 * texts.size());
        for (int i = 0; i < texts.size(); i += batch) {
            List<String> some = texts.subList(i, Math.min(texts.size(), i + batch));
            List<float[]> v = embedder.embedPassages(some);
            for (int j = 0; j < some.size(); j++) {
                vectors.put(some.get(j), v.get(j));
            }
        }
        write(part, vectors);
    }

    /** Writes one part, waiting a while for another process that holds the index's write lock. */
    private void write(List<Work> part, Map<String, float[]> vectors) {
        for (int attempt = 1; ; attempt++) {
            try {
                sink.write(part, vectors);
                return;
            } catch (LockObtainFailedException e) {
                if (attempt >= LOCKED_ATTEMPTS) {
                    log.warn(
                            "Sentence vectors of {} articles not stored: another process kept the index locked",
                            part.size());
                    return;
                }
                try {
                    Thread.sleep(LOCKED_RETRY_MS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Sentence vectors of {} articles not stored: {}", part.size(), e.toString());
                return;
            }
        }
    }

    /** Stops: work not done yet is dropped (answers embed those sentences themselves). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
