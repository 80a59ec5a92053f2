package tradetalk.retrieval;

import java.util.Arrays;
import java.util.Objects;

/**
 * The embedding of a search's query, as retrieval computed it, so that the answer composer compares sentences with
 * the question without embedding it again. Equal by content; the vector is not copied (do not modify it).
 *
 * @param model  the embedding model's name ({@link tradetalk.retrieval.embed.Embedder#name()})
 * @param text   the query text that was embedded
 * @param vector its unit-length vector
 */
public record QueryVector(String model, String text, float[] vector) {

    public QueryVector {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(vector, "vector");
    }

    /** True when this is the vector of {@code text} by the model named {@code model}. */
    public boolean isOf(String model, String text) {
        return this.model.equals(model) && this.text.equals(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryVector q
                && model.equals(q.model)
                && text.equals(q.text)
                && Arrays.equals(vector, q.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, text, Arrays.hashCode(vector));
    }

    @Override
    public String toString() {
        return "QueryVector[model=" + model + ", text=" + text + ", dimension=" + vector.length + "]";
    }
}
