package tradetalk.retrieval.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.embed.Embedder;

/**
 * The one ingest of every store: which articles are new, changed or unchanged (by content hash), chunking, batched
 * embedding pipelined with the writes ({@link PendingWrites}), and the report; the store plugs in its
 * {@link StoreWriter}. An article with unchanged content is skipped, never re-embedded; a changed one replaces its
 * old passages and keeps its also_in list; one with no text to index is rejected. What the store holds is looked up
 * {@value #COMMIT_EVERY} articles at a time; an article written earlier in the same ingest is judged by what was
 * written. Thread-safe (each run has its own state).
 */
public final class IngestPipeline {

    /** Articles between commits, and looked up together. */
    public static final int COMMIT_EVERY = 200;

    private final Embedder embedder;
    private final Chunker chunker;
    private final int batch;

    /**
     * @param batch passages embedded together, across articles (config {@code index.ingest-batch}; at least 1)
     */
    public IngestPipeline(Embedder embedder, Chunker chunker, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("ingest batch must be at least 1, got " + batch);
        }
        this.embedder = embedder;
        this.chunker = chunker;
        this.batch = batch;
    }

    /**
     * Adds new articles, replaces changed ones and skips unchanged ones through {@code writer}, committing after
     * every {@value #COMMIT_EVERY}-th article and finishing at the end.
     *
     * @param alreadyRejected inputs the reader skipped, carried into the report
     * @param progress        receives the number of articles processed so far, in input order
     * @param passageProgress told, every batch of passages, how the embedding of an article of more passages than a
     *                        batch advances
     */
    public IngestReport run(
            StoreWriter writer,
            List<Article> articles,
            List<Rejected> alreadyRejected,
            Consumer<Integer> progress,
            ArticleStore.PassageProgress passageProgress)
            throws IOException {
        long t0 = System.nanoTime();
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        int passages = 0;
        List<Rejected> rejected = new ArrayList<>(alreadyRejected);
        // what the store holds, as looked up, then as this ingest wrote it; lookedUp includes the ids it lacks
        Map<String, StoreWriter.Stored> known = new HashMap<>();
        Set<String> lookedUp = new HashSet<>();
        Set<String> seen = new HashSet<>();
        try (PendingWrites pending =
                new PendingWrites(writer, embedder, batch, COMMIT_EVERY, progress, passageProgress)) {
            for (int from = 0; from < articles.size(); from += COMMIT_EVERY) {
                List<Article> window = articles.subList(from, Math.min(articles.size(), from + COMMIT_EVERY));
                Set<String> ask = new LinkedHashSet<>();
                window.forEach(a -> {
                    if (!lookedUp.contains(a.id())) {
                        ask.add(a.id());
                    }
                });
                if (!ask.isEmpty()) {
                    known.putAll(writer.stored(ask));
                    lookedUp.addAll(ask);
                }
                for (Article a : window) {
                    StoreWriter.Stored old = known.get(a.id());
                    if ((old != null && a.contentHash().equals(old.contentHash()))
                            || !seen.add(a.id() + a.contentHash())) {
                        unchanged++;
                        pending.skip();
                        continue;
                    }
                    List<Passage> ps = chunker.split(a);
                    if (ps.isEmpty()) {
                        rejected.add(new Rejected(a.meta().location(), "no text to index"));
                        pending.skip();
                        continue;
                    }
                    List<String> also = old == null ? List.of() : old.alsoIn();
                    pending.add(a, ps, also);
                    passages += ps.size();
                    known.put(a.id(), new StoreWriter.Stored(a.contentHash(), also));
                    if (old == null) {
                        added++;
                    } else {
                        replaced++;
                    }
                }
            }
            pending.finish(); // commits after every COMMIT_EVERY-th article, once it and all before it are written
            writer.finish();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new IngestReport(added, replaced, unchanged, passages, rejected, ms);
    }
}
