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

    @Test
    @DisplayName("a title that is also a word of names (\"King\") stays in the name; one that never is does not")
    void should_keep_titles_that_names_hold() {
        assertThat(Names.of("The show's co-host Gayle King flew to space with President Trump.", java.util.Set.of())
                        .keySet())
                .containsExactly("gayle", "king", "trump");
    }

    @Test
    @DisplayName("a sentence-initial plural before \"say\" is no name; a name before any verb of saying is")
    void should_read_saying_verbs_from_the_lexicon() {
        assertThat(Names.of("Experts say the deal is near.", java.util.Set.of()).keySet())
                .isEmpty();
        assertThat(Names.of("Mnuchin reiterated that talks went well.", java.util.Set.of())
                        .keySet())
                .containsExactly("mnuchin");
    }

    @Test
    @DisplayName("runs are two or more capitalised words that do not open the sentence, possessive kept")
    void should_find_runs_of_capitalised_words() {
        assertThat(Names.runs("Did Angela Merkel meet the European Union's envoy? Trade Talks resumed."))
                .containsExactly("Angela Merkel", "European Union's");
        assertThat(Names.runs("Angela Merkel spoke.")).isEmpty();
    }

    @Test
    @DisplayName("a sentence names someone by a title before a name or two capitalised words inside it")
    void should_tell_a_sentence_that_names_someone() {
        assertThat(Names.namesSomeone("It was announced by Sen. Rubio.")).isTrue();
        assertThat(Names.namesSomeone("The deal was signed by Xi Jinping.")).isTrue();
        assertThat(Names.namesSomeone("Tariffs rose again in the spring.")).isFalse();
        assertThat(Names.namesSomeone("Tariffs Rose again.")).isFalse();
    }
}
