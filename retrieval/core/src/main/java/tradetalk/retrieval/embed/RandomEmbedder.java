package tradetalk.retrieval.embed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random unit vectors seeded by a hash of the text: the same text always gets the same vector, and
 * no model is loaded. It carries no meaning; it exists to measure index and search scaling without the embedding
 * cost ({@code tradetalk bench --vectors random}).
 */
public final class RandomEmbedder implements Embedder {

    private final int dimension;

    public RandomEmbedder(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "random-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return passages.stream().map(this::vector).toList();
    }

    private float[] vector(String text) {
        long seed = 1125899906842597L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            seed = 31 * seed + b;
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return Vectors.normalize(v);
    }
}
