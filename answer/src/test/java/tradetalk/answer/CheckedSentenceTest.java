package tradetalk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckedSentenceTest {

    static final List<CheckedSentence> SENTENCES = List.of(
            new CheckedSentence("Talks went on [1].", List.of(1), true, null, true),
            new CheckedSentence("2019-11-26: Trump signed the deal [2].", List.of(2), false, "negation", true),
            new CheckedSentence("Dropped one.", List.of(), false, "uncited", false));

    @Test
    @DisplayName("only kept, unsupported sentences are restyled; the rest of the text is unchanged")
    void should_restyle_only_kept_unsupported_sentences() {
        String text = "Talks went on [1].\n2019-11-26: Trump signed the deal [2]. Dropped one.";

        assertThat(CheckedSentence.marked(text, SENTENCES, s -> "<" + s + ">"))
                .isEqualTo("Talks went on [1].\n<2019-11-26: Trump signed the deal [2].> Dropped one.");
    }

    @Test
    @DisplayName("a status timeline line, shown without its date, is restyled too")
    void should_restyle_a_timeline_line_shown_without_its_date() {
        assertThat(CheckedSentence.marked("Trump signed the deal [2].", SENTENCES, s -> "<" + s + ">"))
                .isEqualTo("<Trump signed the deal [2].>");
    }
}
