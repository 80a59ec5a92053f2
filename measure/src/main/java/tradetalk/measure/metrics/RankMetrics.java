package tradetalk.measure.metrics;

import java.util.List;

/**
 * Binary-relevance ranking metrics over a ranked list of relevance flags (best first): Hits@k and MRR@k. Used at
 * article level, where a retrieved passage is relevant when its article is one of the query's evidence articles.
 */
public final class RankMetrics {

    private RankMetrics() {
        throw new UnsupportedOperationException("utility class");
    }

    /** True when one of the first {@code k} items is relevant. */
    public static boolean hits(List<Boolean> relevant, int k) {
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            if (relevant.get(i)) {
                return true;
            }
        }
        return false;
    }

    /** 1/rank of the first relevant item among the first {@code k}, else 0. */
    public static double reciprocalRank(List<Boolean> relevant, int k) {
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            if (relevant.get(i)) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }
}
