package tradetalk.retrieval.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Inverse document frequencies of analysed terms among passages (BM25's, higher = rarer): one term at a time, or
 * many in one lookup, which a remote store answers with one request instead of one per term.
 */
@FunctionalInterface
public interface Idf {

    /** The IDF of one analysed term. */
    double idf(String term);

    /** The IDF of each distinct term, keyed by term; the default asks {@link #idf(String)} for each. */
    default Map<String, Double> idf(Collection<String> terms) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String t : terms) {
            out.computeIfAbsent(t, this::idf);
        }
        return out;
    }

    /**
     * A lookup for one answer: the given terms looked up at once ({@link #idf(Collection)}), any other term asked
     * when first needed and remembered. Not thread-safe; drop it when the answer is done.
     */
    default ToDoubleFunction<String> prefetch(Collection<String> terms) {
        Map<String, Double> known = new HashMap<>(idf(terms));
        return t -> {
            Double v = known.get(t);
            if (v == null) {
                v = idf(t);
                known.put(t, v);
            }
            return v;
        };
    }
}
