package tradetalk.measure.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.ForwardingEmbedder;

/**
 * The bench's view of the embedding model: how many queries and passage texts reach it and how long their calls
 * take, so that {@code bench --corpus} can say what each answer asked of the model. Thread-safe.
 */
public final class MeteredEmbedder extends ForwardingEmbedder {

    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong textNanos = new AtomicLong();

    /** What the counters read at one moment. */
    public record Reading(long queries, long texts, long textNanos) {

        /** The counts since an earlier reading. */
        public Reading since(Reading earlier) {
            return new Reading(queries - earlier.queries, texts - earlier.texts, textNanos - earlier.textNanos);
        }
    }

    public MeteredEmbedder(Embedder inner) {
        super(inner);
    }

    public Reading read() {
        return new Reading(queries.get(), texts.get(), textNanos.get());
    }

    @Override
    public float[] embedQuery(String query) {
        queries.incrementAndGet();
        return inner.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        long t0 = System.nanoTime();
        List<float[]> out = inner.embedPassages(passages);
        textNanos.addAndGet(System.nanoTime() - t0);
        texts.addAndGet(passages.size());
        return out;
    }
}
