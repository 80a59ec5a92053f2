package tradetalk.retrieval.embed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test model: {@link RandomEmbedder} vectors, and a record of every passage call it receives, in order. */
public final class RecordingEmbedder implements Embedder {

    /** The model behind it. */
    public final RandomEmbedder model;
    /** The texts of each {@link #embedPassages} call. */
    public final List<List<String>> calls = new CopyOnWriteArrayList<>();

    public RecordingEmbedder(int dimension) {
        this.model = new RandomEmbedder(dimension);
    }

    /** Every text that reached the model, in order. */
    public List<String> embedded() {
        return calls.stream().flatMap(List::stream).toList();
    }

    /** The size of each call. */
    public List<Integer> callSizes() {
        return calls.stream().map(List::size).toList();
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        calls.add(List.copyOf(passages));
        return model.embedPassages(passages);
    }
}
