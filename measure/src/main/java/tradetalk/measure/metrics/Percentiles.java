package tradetalk.measure.metrics;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the value at rank
 * ceil(p/100 * n).
 *
 * @param count samples
 * @param p50   median
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   largest sample
 * @param mean  arithmetic mean
 */
public record Percentiles(int count, double p50, double p95, double p99, double max, double mean) {

    /** The percentiles of some samples (all zero when there are none). */
    public static Percentiles of(Collection<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }
        return new Percentiles(
                s.length,
                rank(s, 50),
                rank(s, 95),
                rank(s, 99),
                s[s.length - 1],
                Arrays.stream(s).sum() / s.length);
    }

    /** The nearest-rank percentile of sorted samples. */
    static double rank(double[] sorted, double p) {
        int r = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, r) - 1)];
    }
}
