package tradetalk.answer.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamesTest {

    static final String SOURCE = "Chinese Vice Premier Liu He spoke by phone with U.S. Trade Representative Robert "
            + "Lighthizer at the Asia-Pacific Economic Cooperation summit. Both sides agreed to keep talking about a "
            + "phase-one deal.";

    @Test
    @DisplayName("capitalised words inside the sentence are names; titles, months and sentence-initial words are not")
    void should_find_names_inside_the_sentence() {
        assertThat(Names.of(
                                "The talks between Liu He and Steven Mnuchin resumed in November.",
                                Names.lowerCaseWords(SOURCE))
                        .keySet())
                .containsExactly("liu", "steven", "mnuchin");
    }

    @Test
    @DisplayName("a sentence-initial word is a name when a reporting verb or another name follows it")
    void should_take_a_sentence_initial_name_before_a_reporting_verb() {
        assertThat(Names.of("Mnuchin said talks went well.", Names.lowerCaseWords(SOURCE))
                        .keySet())
                .containsExactly("mnuchin");
        assertThat(Names.of("Tariffs rose again.", Names.lowerCaseWords(SOURCE)).keySet())
                .isEmpty();
    }

    @Test
    @DisplayName("a word the source uses in lower case (\"Phase\") is a common word, not a name")
    void should_skip_common_words_written_capitalised() {
        assertThat(Names.of("They signed the Phase one deal.", Names.lowerCaseWords(SOURCE))
                        .keySet())
                .isEmpty();
    }

    @Test
    @DisplayName("\"Lighthizer\" is found in \"Robert Lighthizer\", \"Chinese\" as China, acronyms by their initials")
    void should_match_on_tokens_demonyms_and_initials() {
        assertThat(Names.tokens(SOURCE)).contains("lighthizer", "china", "us", "apec", "ustr");
    }
}
