package tradetalk.retrieval.embed;

import java.util.Collection;
import java.util.Map;

/**
 * Sentence vectors computed ahead of time by a store's own embedding model (at ingest), found by the sentence's exact
 * text. Each is what {@link Embedder#embedPassages} of that model gives for the text, so using one instead of
 * embedding the sentence changes nothing but the time.
 */
@FunctionalInterface
public interface SentenceVectors {

    /** Holds no vectors. */
    SentenceVectors NONE = texts -> Map.of();

    /** The stored vectors of those {@code texts} that have one (text to unit vector); the others are left out. */
    Map<String, float[]> find(Collection<String> texts);
}
