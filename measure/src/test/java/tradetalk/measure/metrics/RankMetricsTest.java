package tradetalk.measure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

    @Test
    void given_the_first_relevant_item_at_rank_3_then_hits_and_reciprocal_rank_follow() {
        List<Boolean> rel = List.of(false, false, true, false, true);

        assertThat(RankMetrics.hits(rel, 1)).isFalse();
        assertThat(RankMetrics.hits(rel, 2)).isFalse();
        assertThat(RankMetrics.hits(rel, 3)).isTrue();
        assertThat(RankMetrics.reciprocalRank(rel, 10)).isEqualTo(1.0 / 3);
        assertThat(RankMetrics.reciprocalRank(rel, 2)).isZero();
    }

    @Test
    void given_no_relevant_item_or_an_empty_list_then_everything_is_zero() {
        assertThat(RankMetrics.hits(List.of(false, false), 10)).isFalse();
        assertThat(RankMetrics.reciprocalRank(List.of(), 10)).isZero();
    }

    @Test
    void given_ten_samples_then_nearest_rank_percentiles() {
        List<Double> samples = List.of(10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0);

        Percentiles p = Percentiles.of(samples);

        assertThat(p).isEqualTo(new Percentiles(10, 5.0, 10.0, 10.0, 10.0, 5.5));
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, 0, 0, 0, 0, 0));
    }
}
