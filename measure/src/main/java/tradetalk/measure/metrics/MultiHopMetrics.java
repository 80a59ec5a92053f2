package tradetalk.measure.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * MultiHop-RAG's passage-level retrieval metrics, computed by the benchmark's own rules: a retrieved chunk is
 * relevant when a gold fact, with all spaces and newlines removed, is a substring of the chunk with the same removed;
 * Hits@k = some relevant chunk in the top k; MRR@10 = 1/rank of the first relevant chunk in the top 10, else 0;
 * MAP@10 = at each rank up to 10, add (gold facts first matched at that rank) / rank, then divide by
 * min(number of gold facts, 10). Callers skip null queries.
 */
public final class MultiHopMetrics {

    private MultiHopMetrics() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The four figures of one query. */
    public record QueryScore(boolean hits4, boolean hits10, double mrr10, double map10) {}

    /** Means over queries, in the benchmark's order of print. */
    public record Summary(int queries, double hits10, double hits4, double map10, double mrr10) {}

    /** Removes spaces and newlines, as the benchmark's script does. */
    static String squash(String s) {
        return s.replace(" ", "").replace("\n", "");
    }

    /**
     * Scores one query.
     *
     * @param retrieved chunk texts, best first
     * @param facts     the gold facts (evidence) of the query; not empty
     */
    public static QueryScore score(List<String> retrieved, List<String> facts) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one gold fact to be scored");
        }
        List<String> gold = facts.stream().map(MultiHopMetrics::squash).toList();
        List<String> found = new ArrayList<>();
        boolean hits4 = false;
        boolean hits10 = false;
        int first = 0;
        double apSum = 0;
        for (int rank = 1; rank <= Math.min(10, retrieved.size()); rank++) {
            String chunk = squash(retrieved.get(rank - 1));
            if (gold.stream().noneMatch(chunk::contains)) {
                continue;
            }
            hits10 = true;
            hits4 |= rank <= 4;
            if (first == 0) {
                first = rank;
            }
            int newlyFound = 0;
            for (String g : gold) {
                if (chunk.contains(g) && !found.contains(g)) {
                    newlyFound++;
                    found.add(g);
                }
            }
            apSum += (double) newlyFound / rank;
        }
        return new QueryScore(hits4, hits10, first == 0 ? 0 : 1.0 / first, apSum / Math.min(gold.size(), 10));
    }

    /** Means of per-query scores. */
    public static Summary summarize(List<QueryScore> scores) {
        int n = scores.size();
        if (n == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        return new Summary(
                n,
                scores.stream().filter(QueryScore::hits10).count() / (double) n,
                scores.stream().filter(QueryScore::hits4).count() / (double) n,
                scores.stream().mapToDouble(QueryScore::map10).sum() / n,
                scores.stream().mapToDouble(QueryScore::mrr10).sum() / n);
    }
}
