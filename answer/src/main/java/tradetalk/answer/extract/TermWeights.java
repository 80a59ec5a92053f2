package tradetalk.answer.extract;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tradetalk.retrieval.index.TextAnalysis;

/**
 * The analysed terms of a question or topic weighted by inverse document frequency (at least 0.1 each), and how
 * much of that weight a text covers: the one owner of "IDF coverage", used by the offline composer and by
 * {@link TopicRelevance}. A term counts as covered when the text holds it or an {@link Equivalents equivalent}.
 */
public final class TermWeights {

    private static final double MIN_WEIGHT = 0.1;

    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final double total;

    /**
     * @param text    the question or topic
     * @param idf     inverse document frequency of an analysed term in the index
     * @param ignored analysed terms left out (question words such as "who", "did")
     */
    public TermWeights(String text, ToDoubleFunction<String> idf, Set<String> ignored) {
        for (String t : TextAnalysis.terms(text)) {
            if (!ignored.contains(t)) {
                weights.put(t, Math.max(MIN_WEIGHT, idf.applyAsDouble(t)));
            }
        }
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The weighted terms, in the order of the text. */
    public Map<String, Double> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** True when there is no term to cover. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** The share (0 to 1) of the weight whose terms, or their equivalents, are among {@code terms}; 0 when empty. */
    public double coverage(Set<String> terms) {
        if (total == 0) {
            return 0;
        }
        double covered = 0;
        for (var e : weights.entrySet()) {
            if (holds(terms, e.getKey())) {
                covered += e.getValue();
            }
        }
        return covered / total;
    }

    /** True when {@code terms} holds the analysed {@code term} or an equivalent of it. */
    public static boolean holds(Set<String> terms, String term) {
        return Equivalents.containsAny(terms, term);
    }

    /** The analysed term and the terms treated as the same word ("buy": "bought", "purchase", ...). */
    public static Set<String> equivalents(String term) {
        return Equivalents.of(term);
    }

    /** The coverage of a text, analysed. */
    public double coverage(String text) {
        return coverage(Set.copyOf(TextAnalysis.terms(text)));
    }

    /** The terms (with their weights) that none of {@code texts} covers. */
    public Map<String, Double> uncovered(Collection<Set<String>> texts) {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.forEach((t, w) -> {
            if (texts.stream().noneMatch(s -> holds(s, t))) {
                out.put(t, w);
            }
        });
        return out;
    }
}
