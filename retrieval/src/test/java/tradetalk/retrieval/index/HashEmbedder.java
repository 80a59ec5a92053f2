package tradetalk.retrieval.index;

import java.util.List;
import java.util.Random;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;

/** A fast, deterministic test embedder: each text maps to a random unit vector seeded by its hash. */
final class HashEmbedder implements Embedder {

    static final int DIM = 16;

    @Override
    public String name() {
        return "test-hash-16";
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
    public List<float[]> embedPassages(List<String> passages) {
        return passages.stream().map(HashEmbedder::vector).toList();
    }

    private static float[] vector(String text) {
        Random r = new Random(text.hashCode());
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.normalize(v);
    }
}
