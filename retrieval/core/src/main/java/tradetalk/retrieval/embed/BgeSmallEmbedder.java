package tradetalk.retrieval.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BAAI bge-small-en-v1.5, quantized, run in-process by ONNX Runtime from the model that ships inside LangChain4j's
 * Maven artifact: no network, no download ({@link BgeModel} loads it, through a cache of the optimized graph). Nothing loads until the first embedding or {@link #prepare()}; loading
 * takes a second or two in the background and all instances share the one model. The JVM never exits while
 * ONNX Runtime is still creating its session (that crashed it in native code): a shutdown hook waits for a load in
 * flight.
 */
public final class BgeSmallEmbedder implements Embedder {

    private static final Logger log = LoggerFactory.getLogger(BgeSmallEmbedder.class);
    /** The instruction BGE v1.5 recommends for short queries that retrieve passages. */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /**
     * Texts per {@code embedAll} call: each call ends waiting for its last text (a core may idle meanwhile), so few
     * large calls; bounded, since LangChain4j makes a task per text.
     */
    private static final int BATCH = 256;
    /** How long exit waits for a load in flight; a load takes a second or two. */
    private static final long EXIT_WAIT_SECONDS = 60;

    /** One model per JVM: it is immutable and thread-safe, and loading it costs a second or two. */
    private static CompletableFuture<EmbeddingModel> shared;

    /** Queries embedded ahead of their search ({@link #embedQueryAhead}), each taken by its first search. */
    private static final Map<String, CompletableFuture<float[]>> AHEAD = new ConcurrentHashMap<>();

    /** Loads nothing yet. */
    public BgeSmallEmbedder() {}

    @Override
    public void prepare() {
        load();
    }

    private static synchronized CompletableFuture<EmbeddingModel> load() {
        if (shared == null) {
            Offline.enforce();
            log.debug("Loading bge-small-en-v1.5-q");
            CompletableFuture<EmbeddingModel> f = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                OnnxNatives.prepare();
                EmbeddingModel m = BgeModel.load(OnnxNatives.cacheRoot());
                log.debug("Loaded bge-small-en-v1.5-q in {} ms", (System.nanoTime() - t0) / 1_000_000);
                return m;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(f), "embedder-exit-wait"));
            shared = f;
        }
        return shared;
    }

    /**
     * Waits (boundedly) for a load in flight, for a command about to exit: ONNX Runtime releases its environment in
     * a shutdown hook of its own, and a session still being created then crashes the JVM (a bad configuration made
     * {@code ask} exit while the model it had started loading was still loading). Returns at once when nothing loads.
     */
    public static void settle() {
        CompletableFuture<EmbeddingModel> f;
        synchronized (BgeSmallEmbedder.class) {
            f = shared;
        }
        if (f != null && !f.isDone()) {
            awaitQuietly(f);
        }
    }

    /** Whether {@code query} was embedded ahead and no search has taken its vector yet (for tests). */
    static boolean aheadPending(String query) {
        return AHEAD.containsKey(query);
    }

    /** Whether a load was started and has ended (for tests). */
    static synchronized boolean loadEnded() {
        return shared != null && shared.isDone();
    }

    private static void awaitQuietly(CompletableFuture<EmbeddingModel> load) {
        String outcome;
        try {
            load.get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            outcome = "loaded";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (ExecutionException e) {
            // a load started during exit fails early (ONNX Runtime cannot register its temp files): harmless
            outcome = "failed: " + e.getCause();
        } catch (TimeoutException e) {
            outcome = "still loading after " + EXIT_WAIT_SECONDS + " s";
        }
        log.debug("Exit waited for the embedding model load: {}", outcome);
    }

    @Override
    public String name() {
        return "bge-small-en-v1.5-q";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embedQuery(String query) {
        CompletableFuture<float[]> ahead = AHEAD.remove(query);
        if (ahead != null) {
            return ahead.join();
        }
        return normalized(model().embed(QUERY_INSTRUCTION + query).content());
    }

    /**
     * Embeds a query that will be searched for soon on the thread that loads the model, as soon as it is loaded: a
     * one-shot {@code ask} knows its question before it has read its configuration and opened the index, and the
     * model's thread is idle meanwhile. The next {@link #embedQuery} of the same text takes the vector.
     */
    public void embedQueryAhead(String query) {
        AHEAD.computeIfAbsent(
                query,
                q -> load().thenApply(
                                m -> normalized(m.embed(QUERY_INSTRUCTION + q).content())));
    }

    /**
     * Embeds the passages through LangChain4j's {@code embedAll}, which runs each text on its own and spreads them
     * over a thread per core, then waits for the last: so the texts go in longest first (the longest-processing-time
     * rule), and a call's last texts, run while the other cores may have nothing left, are its shortest. The
     * vectors come back in the passages' order; the order of the runs changes no vector.
     */
    @Override
    public List<float[]> embedPassages(List<String> passages) {
        int n = passages.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.comparingInt((Integer i) -> passages.get(i).length()).reversed());
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            List<TextSegment> batch = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                batch.add(TextSegment.from(passages.get(order[k])));
            }
            List<Embedding> embeddings = model().embedAll(batch).content();
            for (int k = from; k < to; k++) {
                out[order[k]] = normalized(embeddings.get(k - from));
            }
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    private EmbeddingModel model() {
        return load().join();
    }

    /** The shared LangChain4j model itself, loaded (for bench's yardstick, which times it bare). */
    public static EmbeddingModel sharedModel() {
        return load().join();
    }

    private static float[] normalized(Embedding e) {
        return Vectors.normalize(e.vector());
    }
}
