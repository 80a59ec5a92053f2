package tradetalk.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.TextAnalysis;

class TermWeightsTest {

    @Test
    void given_idf_weights_when_a_text_holds_some_terms_then_coverage_is_their_weight_share() {
        TermWeights w = new TermWeights("Liu tariffs", t -> t.startsWith("liu") ? 3.0 : 1.0, Set.of());

        assertThat(w.coverage("Liu He spoke by phone")).isCloseTo(0.75, within(1e-9));
        assertThat(w.coverage("nothing here")).isZero();
    }

    @Test
    void should_count_an_equivalent_word_as_covered_for_topics_and_questions_alike() {
        // "spoke" and "speak" are one group in equivalents.txt: the stemmer cannot join them
        TermWeights w = new TermWeights("speak", t -> 1.0, Set.of());

        assertThat(w.coverage(Set.copyOf(TextAnalysis.terms("Liu spoke to Mnuchin"))))
                .isEqualTo(1.0);
    }

    @Test
    void should_leave_out_ignored_terms_and_give_rare_terms_a_floor_weight() {
        TermWeights w = new TermWeights("who tariffs", t -> -5.0, Set.copyOf(TextAnalysis.terms("who")));

        assertThat(w.weights()).containsOnlyKeys(TextAnalysis.terms("tariffs"));
        assertThat(w.weights().values()).containsOnly(0.1);
    }
}
