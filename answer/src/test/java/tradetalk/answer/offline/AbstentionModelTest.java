package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which regression judges a question, and how the model file is read. */
class AbstentionModelTest {

    /** Undated: abstain when the sentence is far; as of a date: when the week's best passage is far. */
    private static final String FILE = """
            {"features": [{"name": "sentence", "mean": 0.5, "scale": 0.1, "weight": -3}],
             "bias": 0, "threshold": 0.5,
             "as_of": {"features": [{"name": "dense_week", "mean": 0.5, "scale": 0.1, "weight": -3}],
                       "bias": 0, "threshold": 0.5},
             "rules": [{"signal": "unseen_name", "above": 0.5}]}
            """;

    private static AbstentionModel model(String json) throws Exception {
        return AbstentionModel.parse(new ObjectMapper().readTree(json));
    }

    @Test
    void given_a_dated_question_then_the_as_of_regression_judges_it() throws Exception {
        AbstentionModel m = model(FILE);

        // a close sentence but nothing of the week: abstains as of a date, answers undated
        Map<String, Double> signals = Map.of("sentence", 0.8, "dense_week", 0.2);
        assertThat(m.abstains(Map.of("sentence", 0.8, "dense_week", 0.2, "dated", 1.0)))
                .isTrue();
        assertThat(m.abstains(signals)).isFalse();
        assertThat(m.abstains(Map.of("sentence", 0.8, "dense_week", 0.8, "dated", 1.0)))
                .isFalse();
    }

    @Test
    void given_no_as_of_regression_then_a_dated_question_is_judged_by_the_undated_one() throws Exception {
        AbstentionModel m = model("""
                {"features": [{"name": "sentence", "mean": 0.5, "scale": 0.1, "weight": -3}],
                 "bias": 0, "threshold": 0.5}
                """);

        assertThat(m.abstains(Map.of("sentence", 0.2, "dated", 1.0))).isTrue();
        assertThat(m.abstains(Map.of("sentence", 0.8, "dated", 1.0))).isFalse();
    }

    @Test
    void given_a_rule_of_the_undated_regression_then_it_abstains_for_undated_questions_only() throws Exception {
        AbstentionModel m = model(FILE);

        assertThat(m.abstains(Map.of("sentence", 0.9, "unseen_name", 1.0))).isTrue();
        assertThat(m.abstains(Map.of("dense_week", 0.9, "dated", 1.0, "unseen_name", 1.0)))
                .isFalse();
    }

    @Test
    void given_an_unknown_feature_in_the_as_of_regression_then_reading_fails_naming_it() {
        assertThatThrownBy(() -> model("""
                        {"features": [], "bias": 0, "threshold": 0.5,
                         "as_of": {"features": [{"name": "moon_phase", "weight": 1}], "bias": 0, "threshold": 0.5}}
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moon_phase");
    }

    @Test
    void the_bundled_model_reads_and_has_a_regression_for_dated_questions() {
        AbstentionModel m = AbstentionModel.bundled();

        assertThat(m.dated()).isNotNull();
        assertThat(m.dated().features()).isNotEmpty();
        assertThat(m.undated().features()).isNotEmpty();
    }
}
