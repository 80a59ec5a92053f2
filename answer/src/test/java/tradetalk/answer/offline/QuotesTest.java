package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotesTest {

    @Test
    void words_are_the_speakers_when_the_speaker_is_the_subject_of_the_verb_of_saying() {
        assertThat(Quotes.saidBy("\"I stand with Hong Kong,\" Trump said last Friday.", "Trump"))
                .isTrue();
        assertThat(Quotes.saidBy("Trump has said he wants to sign the deal in Chile.", "Trump"))
                .isTrue();
        assertThat(Quotes.saidBy("\"We are close,\" said Kudlow.", "Larry Kudlow"))
                .isTrue();
        assertThat(Quotes.saidBy(
                        "\"We had excellent talks.\" Peter Navarro, a White House trade adviser, told Fox News.",
                        "Navarro"))
                .isTrue();
        assertThat(Quotes.saidBy("The sides are close, according to Lighthizer.", "Lighthizer"))
                .isTrue();
    }

    @Test
    void a_sentence_that_only_mentions_the_speaker_while_someone_else_speaks_is_not_theirs() {
        assertThat(Quotes.saidBy(
                        "Trump reiterated that he has a \"very good relationship\" with Chinese President Xi Jinping.",
                        "Xi"))
                .isFalse();
        assertThat(Quotes.saidBy(
                        "The U.S. and China are close to a deal that Trump and China's Xi Jinping hope to sign, the"
                                + " Office of the U.S. Trade Representative said.",
                        "Xi"))
                .isFalse();
        assertThat(Quotes.saidBy("\"I think President Xi can make that happen,\" Trump said.", "Xi"))
                .isFalse();
    }

    @Test
    void a_name_that_is_also_a_pronoun_does_not_make_he_said_the_speakers() {
        assertThat(Quotes.saidBy(
                        "Still, while acknowledging that a deal was close, he said it was not done.", "Liu He"))
                .isFalse();
        assertThat(Quotes.saidBy("Liu He said the talks were constructive.", "Liu He"))
                .isTrue();
    }

    @Test
    void a_title_alone_names_nobody() {
        assertThat(Quotes.saidBy("President Trump said Tuesday the deal was close.", "President Xi"))
                .isFalse();
    }

    @Test
    void a_sentence_leaning_on_another_for_its_speaker_is_dangling() {
        assertThat(Quotes.dangling("\"It's going very well,\" he said.")).isTrue();
        assertThat(Quotes.dangling("\"I stand with Hong Kong,\" Trump said last Friday."))
                .isFalse();
    }
}
