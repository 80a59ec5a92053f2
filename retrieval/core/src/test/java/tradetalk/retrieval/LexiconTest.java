package tradetalk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LexiconTest {

    @Test
    @DisplayName("the abbreviations that end no sentence take the month abbreviations from DateWords and the titles'")
    void should_hold_month_and_title_abbreviations() {
        assertThat(DateWords.monthAbbreviations())
                .containsExactlyInAnyOrder(
                        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
        assertThat(Lexicon.ABBREVIATIONS).containsAll(DateWords.monthAbbreviations());
        assertThat(Lexicon.ABBREVIATIONS)
                .contains("mr", "sen", "gen", "u.s", "a.m")
                .doesNotContain("may");
        assertThat(Sentences.split("Gen. Milley met Sen. Rubio on Nov. 3. They talked."))
                .containsExactly("Gen. Milley met Sen. Rubio on Nov. 3.", "They talked.");
    }

    @Test
    @DisplayName("titles that are also words of names are kept apart from the titles that never are")
    void should_keep_titles_in_names_apart() {
        assertThat(Lexicon.TITLES)
                .contains("president", "sen", "spokesman")
                .doesNotContainAnyElementsOf(Lexicon.TITLES_IN_NAMES);
        assertThat(Lexicon.SAYING_VERBS).contains("said", "told", "reiterated").doesNotContain("say");
    }

    @Test
    @DisplayName("an alternation puts longer words first, so a prefix never cuts a longer word short")
    void should_put_longer_words_first_in_an_alternation() {
        String alternation = Lexicon.capitalisedAlternation(java.util.List.of("sen", "senator"));
        assertThat(alternation).isEqualTo("Senator|Sen");
        assertThat(Pattern.compile("(?:" + alternation + ")").matcher("Senator").lookingAt())
                .isTrue();
        assertThat(Lexicon.alternation(java.util.Set.of("say", "says"))).isEqualTo("says|say");
    }
}
