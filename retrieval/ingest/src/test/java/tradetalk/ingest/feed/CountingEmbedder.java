package tradetalk.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import tradetalk.retrieval.embed.Embedder;

/**
 * A fast embedder for tests (hashed bag of words, unit length) that counts the passages it embedded, so tests can
 * show unchanged articles are never embedded again. Retrieval quality is not under test here.
 */
final class CountingEmbedder implements Embedder {

    private static final int DIM = 32;
    final AtomicInteger passages = new AtomicInteger();

    @Override
    public String name() {
        return "test-hashing-32";
    }

    @Override
    public int dimension() {
        return DIM;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        passages.addAndGet(texts.size());
        List<float[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(vector(t)));
        return out;
    }

    private static float[] vector(String text) {
        float[] v = new float[DIM];
        for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), DIM)] += 1;
            }
        }
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = n == 0 ? 1 : Math.sqrt(n);
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) (v[i] / n);
        }
        if (n == 1 && v[0] == 0) {
            v[0] = 1;
        }
        return v;
    }
}
