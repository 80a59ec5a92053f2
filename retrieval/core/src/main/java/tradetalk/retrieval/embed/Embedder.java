package tradetalk.retrieval.embed;

import java.util.List;

/** Turns text into unit-length vectors for dense retrieval. */
public interface Embedder {

    /** A name recorded in the index, so an index is never searched with vectors of another model. */
    String name();

    /** Vector length. */
    int dimension();

    /** The vector of a search query (models such as BGE prefix queries with an instruction). */
    float[] embedQuery(String query);

    /** The vectors of passages, in order. */
    List<float[]> embedPassages(List<String> passages);

    /**
     * Starts loading the model in the background, for a caller that knows it will embed soon; embedding waits for
     * the load anyway. Nothing is loaded until this or an embedding call (a command that needs no vectors never
     * pays for the model).
     */
    default void prepare() {}
}
