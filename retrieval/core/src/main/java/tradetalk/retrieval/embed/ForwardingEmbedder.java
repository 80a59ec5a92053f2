package tradetalk.retrieval.embed;

import java.util.List;

/** An embedder that hands every call to another model; a decorator overrides only what it changes. */
public abstract class ForwardingEmbedder implements Embedder {

    /** The model behind it. */
    protected final Embedder inner;

    protected ForwardingEmbedder(Embedder inner) {
        this.inner = inner;
    }

    /** The model behind it. */
    public Embedder inner() {
        return inner;
    }

    @Override
    public void prepare() {
        inner.prepare();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        return inner.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return inner.embedPassages(passages);
    }
}
