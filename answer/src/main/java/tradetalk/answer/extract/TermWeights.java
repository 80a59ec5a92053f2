package tradetalk.answer.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.store.TermCoverage;

/**
 * The analysed terms of a question or topic weighted by inverse document frequency (at least 0.1 each), and how
 * much of that weight a text covers, used by the offline composer and by {@link TopicRelevance}. The weighting and
 * the coverage are {@link TermCoverage}'s, the ranker's own; what this adds is the answers' reading of it: question
 * words are left out, and a term counts as covered when the text holds it or an {@link Equivalents equivalent}.
 */
public final class TermWeights {

    private static final double MIN_WEIGHT = 0.1;

    private final TermCoverage coverage;

    /**
     * @param text    the question or topic
     * @param idf     inverse document frequency of an analysed term in the index
     * @param ignored analysed terms left out (question words such as "who", "did")
     */
    public TermWeights(String text, ToDoubleFunction<String> idf, Set<String> ignored) {
        List<String> terms = new ArrayList<>(TextAnalysis.terms(text));
        terms.removeIf(ignored::contains);
        this.coverage = new TermCoverage(terms, idf, MIN_WEIGHT);
    }

    /** The weighted terms, in the order of the text. */
    public Map<String, Double> weights() {
        return coverage.weights();
    }

    /** True when there is no term to cover. */
    public boolean isEmpty() {
        return coverage.isEmpty();
    }

    /** The share (0 to 1) of the weight whose terms, or their equivalents, are among {@code terms}; 0 when empty. */
    public double coverage(Set<String> terms) {
        return coverage.of(t -> holds(terms, t));
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
        coverage.weights().forEach((t, w) -> {
            if (texts.stream().noneMatch(s -> holds(s, t))) {
                out.put(t, w);
            }
        });
        return out;
    }
}
