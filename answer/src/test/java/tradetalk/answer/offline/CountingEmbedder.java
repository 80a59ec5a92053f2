package tradetalk.answer.offline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.ForwardingEmbedder;

/** A test model: another model's vectors, and a record of every query and every passage call that reach it. */
final class CountingEmbedder extends ForwardingEmbedder {

    /** Each {@link #embedQuery} text, in order. */
    final List<String> queries = new CopyOnWriteArrayList<>();
    /** The texts of each {@link #embedPassages} call, in order. */
    final List<List<String>> passageCalls = new CopyOnWriteArrayList<>();

    CountingEmbedder(Embedder inner) {
        super(inner);
    }

    void reset() {
        queries.clear();
        passageCalls.clear();
    }

    @Override
    public float[] embedQuery(String query) {
        queries.add(query);
        return inner.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        passageCalls.add(List.copyOf(passages));
        return inner.embedPassages(passages);
    }
}
