package tradetalk.answer.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FactsTest {

    @Test
    @DisplayName("\"$50 billion\", \"50 billion dollars\", \"50bn\" and \"fifty billion\" are one amount")
    void should_normalise_amounts() {
        assertThat(Facts.of("China will buy $50 billion of soybeans.").facts()).containsExactly("n:5.0E10");
        assertThat(Facts.of("purchases of 50 billion dollars").facts()).containsExactly("n:5.0E10");
        assertThat(Facts.of("a 50bn package").facts()).containsExactly("n:5.0E10");
        assertThat(Facts.of("fifty billion in goods").facts()).containsExactly("n:5.0E10");
    }

    @Test
    @DisplayName("a range shares its scale: \"$40 to $50 billion\" holds 40 billion")
    void should_give_a_range_its_scale() {
        assertThat(Facts.of("between 40 and 50 billion dollars").facts()).contains("n:4.0E10", "n:5.0E10");
    }

    @Test
    @DisplayName("\"Nov. 16-17\" holds November 16 and 17; \"16 November\" and \"November 16, 2019\" are the same date")
    void should_normalise_dates() {
        assertThat(Facts.of("at an Nov. 16-17 summit").facts()).contains("d:11-16", "d:11-17", "m:11");
        assertThat(Facts.of("on 16 November").facts()).contains("d:11-16");
        assertThat(Facts.of("on November 16, 2019").facts()).contains("d:11-16", "n:2019.0");
        assertThat(Facts.of("in December").facts()).containsExactly("m:12");
    }

    @Test
    @DisplayName("an ISO date gives its date, month, year and weekday")
    void should_read_iso_dates() {
        assertThat(Facts.of("Reuters, 2019-11-26, Title").facts())
                .contains("d:11-26", "m:11", "n:2019.0", "wd:tuesday");
    }

    @Test
    @DisplayName("\"25%\", \"25 percent\" and \"25 per cent\" are one percentage, not the number 25")
    void should_normalise_percentages() {
        assertThat(Facts.of("tariffs of 25%").facts()).containsExactly("p:25.0");
        assertThat(Facts.of("tariffs of 25 percent").facts()).containsExactly("p:25.0");
        assertThat(Facts.of("tariffs of 25 per cent").facts()).containsExactly("p:25.0");
    }

    @Test
    @DisplayName("ordinals from third count, \"one\" / \"first\" / citation markers do not")
    void should_read_ordinals_but_not_one_or_markers() {
        assertThat(Facts.of("for the sixth week in a row [2]").facts()).containsExactly("n:6.0");
        assertThat(Facts.of("the first phase, phase one [1][3]").facts()).isEmpty();
    }

    @Test
    @DisplayName("quoted strings in straight and curly quotes, as lower-case words")
    void should_read_quotes() {
        assertThat(Facts.of("He said “final throes” and \"Not done, yet\".").quotes())
                .containsExactly("final throes", "not done yet");
    }

    @Test
    @DisplayName("facts are described in words for the reason")
    void should_describe_facts() {
        assertThat(Facts.describe("n:5.0E10")).isEqualTo("50 billion");
        assertThat(Facts.describe("d:11-16")).isEqualTo("November 16");
        assertThat(Facts.describe("p:25.0")).isEqualTo("25%");
        assertThat(Facts.describe("wd:saturday")).isEqualTo("Saturday");
    }
}
