package tradetalk.retrieval.store;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The one owner of term weighting: BM25's inverse document frequency of a term from the counts a store returns
 * ({@link #idf(long, long)}), and the share of a text's IDF-weighted terms that another text holds (coverage). The
 * ranker's adaptive weights ({@link HybridRanker}) and the answers' term weights both compute coverage here; what
 * differs between them is what they pass: the floor of a weight, which terms are left out, and what "holds" means.
 */
public final class TermCoverage {

    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final double total;

    /**
     * @param terms     analysed terms, in order; a repeated term counts once
     * @param idf       the IDF of an analysed term
     * @param minWeight the least weight of a term (0 to weigh every term by its IDF alone)
     */
    public TermCoverage(Collection<String> terms, ToDoubleFunction<String> idf, double minWeight) {
        for (String t : terms) {
            weights.computeIfAbsent(t, x -> Math.max(minWeight, idf.applyAsDouble(x)));
        }
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * BM25's IDF of a term found in {@code docFreq} of {@code docCount} passages, {@code log(1 + (n - df + 0.5) / (df
     * + 0.5))}: higher is rarer, never negative.
     */
    public static double idf(long docFreq, long docCount) {
        long n = Math.max(1, docCount);
        return Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
    }

    /** The weighted terms, in order. */
    public Map<String, Double> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** True when there is no weight to cover. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** The share (0 to 1) of the weight whose terms {@code holds} accepts; 0 when there is none. */
    public double of(Predicate<String> holds) {
        if (total == 0) {
            return 0;
        }
        double covered = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (holds.test(e.getKey())) {
                covered += e.getValue();
            }
        }
        return covered / total;
    }
}
