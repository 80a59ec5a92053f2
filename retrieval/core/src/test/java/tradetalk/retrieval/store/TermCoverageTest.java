package tradetalk.retrieval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermCoverageTest {

    @Test
    void idf_is_bm25s_from_the_counts_and_rarer_weighs_more() {
        assertThat(TermCoverage.idf(1, 3)).isCloseTo(Math.log(1 + 2.5 / 1.5), within(1e-12));
        assertThat(TermCoverage.idf(0, 0)).isCloseTo(Math.log(1 + 1.5 / 0.5), within(1e-12)); // an empty store
        assertThat(TermCoverage.idf(1, 100)).isGreaterThan(TermCoverage.idf(50, 100));
        assertThat(new TermCounts(3, Map.of("steel", 2L)).idf("steel")).isEqualTo(TermCoverage.idf(2, 3));
        assertThat(new TermCounts(3, Map.of()).idf("zebra")).isEqualTo(TermCoverage.idf(0, 3));
    }

    @Test
    void coverage_is_the_weight_share_of_the_terms_held_each_term_once_and_weights_floored() {
        Map<String, Double> idf = Map.of("soybean", 3.0, "steel", 1.0, "the", 0.01);
        TermCoverage plain = new TermCoverage(List.of("soybean", "steel", "soybean"), idf::get, 0);
        TermCoverage floored = new TermCoverage(List.of("soybean", "the"), idf::get, 0.1);

        assertThat(plain.weights()).containsExactly(Map.entry("soybean", 3.0), Map.entry("steel", 1.0));
        assertThat(plain.of(Set.of("soybean")::contains)).isCloseTo(0.75, within(1e-12));
        assertThat(plain.of(t -> false)).isZero();
        assertThat(floored.of(Set.of("the")::contains)).isCloseTo(0.1 / 3.1, within(1e-12));
        assertThat(new TermCoverage(List.of(), idf::get, 0).of(t -> true)).isZero();
    }
}
