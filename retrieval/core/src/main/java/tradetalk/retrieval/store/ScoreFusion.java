package tradetalk.retrieval.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses two candidate lists, the lexical (BM25) one and the dense (cosine) one, into one score per candidate. A pure
 * function of its inputs: it knows nothing about Lucene, so any store that can produce the two lists can reuse it.
 * How each fusion puts the two signals on one scale is described at {@link SearchSettings.Fusion}.
 */
public final class ScoreFusion {

    /** RRF's rank offset (the constant of Cormack et al.). */
    static final int RRF_K = 60;

    private ScoreFusion() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * One candidate of one signal.
     *
     * @param key   what the candidate is (a document id, a passage id, ...)
     * @param score the signal's raw score: BM25, or the cosine similarity
     * @param <K>   the key type
     */
    public record Candidate<K>(K key, double score) {}

    /**
     * The fused score of every candidate of either list.
     *
     * @param lexical       BM25's candidates, best first; a candidate missing here counts with the lowest BM25
     *                      score listed (z-score) or 0 (min-max), and has no lexical rank (RRF)
     * @param dense         the candidates' cosines (best first or not); a candidate missing here counts with cosine 0
     * @param fusion        how the scores are put on one scale
     * @param lexicalWeight weight of the lexical signal
     * @param denseWeight   weight of the dense signal
     * @return the fused scores (higher is better), lexical candidates first, then the dense-only ones
     */
    public static <K> Map<K, Double> fuse(
            List<Candidate<K>> lexical,
            List<Candidate<K>> dense,
            SearchSettings.Fusion fusion,
            double lexicalWeight,
            double denseWeight) {
        Map<K, Double> lex = scores(lexical);
        Map<K, Double> cos = scores(dense);
        Set<K> keys = new LinkedHashSet<>(lex.keySet());
        keys.addAll(cos.keySet());
        Map<K, Double> out = new LinkedHashMap<>();
        switch (fusion) {
            case MINMAX -> {
                double maxLex = max(lex.values());
                double minCos = cos.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElse(0);
                double maxCos = max(cos.values());
                for (K k : keys) {
                    double l = lex.getOrDefault(k, 0.0);
                    double c = cos.getOrDefault(k, 0.0);
                    out.put(
                            k,
                            lexicalWeight * (maxLex > 0 ? l / maxLex : 0)
                                    + denseWeight * (maxCos > minCos ? (c - minCos) / (maxCos - minCos) : 1));
                }
            }
            case ZSCORE -> {
                double floor = lex.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElse(0);
                double[] zl = zscores(keys.stream()
                        .mapToDouble(k -> lex.getOrDefault(k, floor))
                        .toArray());
                double[] zd = zscores(
                        keys.stream().mapToDouble(k -> cos.getOrDefault(k, 0.0)).toArray());
                int i = 0;
                for (K k : keys) {
                    out.put(k, lexicalWeight * zl[i] + denseWeight * zd[i]);
                    i++;
                }
            }
            case RRF -> {
                keys.forEach(k -> out.put(k, 0.0));
                List<K> byLex = ranked(lex.keySet(), lex);
                List<K> byDense = ranked(keys, cos);
                for (int i = 0; i < byLex.size(); i++) {
                    out.merge(byLex.get(i), lexicalWeight / (RRF_K + i + 1), Double::sum);
                }
                for (int i = 0; i < byDense.size(); i++) {
                    out.merge(byDense.get(i), denseWeight / (RRF_K + i + 1), Double::sum);
                }
            }
            default -> throw new IllegalArgumentException("unknown fusion " + fusion);
        }
        return out;
    }

    /**
     * The lexical weight of a question under adaptive weights (the dense weight is 1 minus it): the configured weights
     * are prior odds, multiplied by the odds of the coverage {@code c} (the share of the question's IDF-weighted terms
     * that BM25's best passage contains): {@code lw*c / (lw*c + dw*(1-c))}. A question worded like its article leans
     * on BM25; one worded its own way, whose best BM25 passage shares only a word or two, leans on the vectors. When
     * the coverage cannot move a weight that is 0, the prior share is kept.
     */
    public static double lexicalShare(double lexicalWeight, double denseWeight, double coverage) {
        double lex = lexicalWeight * coverage;
        double total = lex + denseWeight * (1 - coverage);
        return total == 0 ? lexicalWeight / (lexicalWeight + denseWeight) : lex / total;
    }

    /** Standard scores: (x - mean) / sd with the population sd; all 0 when the values do not vary. */
    static double[] zscores(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double var = java.util.Arrays.stream(x)
                .map(v -> (v - mean) * (v - mean))
                .average()
                .orElse(0);
        double sd = Math.sqrt(var);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
        return z;
    }

    private static <K> Map<K, Double> scores(List<Candidate<K>> list) {
        Map<K, Double> m = new LinkedHashMap<>();
        for (Candidate<K> c : list) {
            m.putIfAbsent(c.key(), c.score());
        }
        return m;
    }

    /** The keys by descending score (a key without one last), ties in the given order. */
    private static <K> List<K> ranked(Set<K> keys, Map<K, Double> score) {
        List<K> out = new ArrayList<>(keys);
        out.sort(Comparator.comparingDouble((K k) -> -score.getOrDefault(k, Double.NEGATIVE_INFINITY)));
        return out;
    }

    private static double max(java.util.Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
