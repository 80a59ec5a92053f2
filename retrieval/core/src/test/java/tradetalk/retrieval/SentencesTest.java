package tradetalk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splits_on_sentence_ends_but_keeps_abbreviations_inside() {
        String text = "The U.S. and China are close. Mr. Trump said so on Tuesday! Did Liu He agree? "
                + "Stocks rose 1.5 per cent.";

        assertThat(Sentences.split(text))
                .containsExactly(
                        "The U.S. and China are close.",
                        "Mr. Trump said so on Tuesday!",
                        "Did Liu He agree?",
                        "Stocks rose 1.5 per cent.");
    }

    @Test
    void keeps_closing_quotes_with_their_sentence_and_breaks_at_paragraphs() {
        String text = "He said it was \"not done yet.\" Talks continue\n\nA new paragraph starts here";

        assertThat(Sentences.split(text))
                .containsExactly("He said it was \"not done yet.\"", "Talks continue", "A new paragraph starts here");
    }

    @Test
    void keeps_a_quotation_of_several_sentences_together_with_its_attribution() {
        String text = "“We had excellent talks this morning. That will continue,” Peter Navarro told Fox News. "
                + "“This is not one-and-done. This is phase one,’’ he said. \"It is close. Very close,\" she added. "
                + "Next sentence.";

        assertThat(Sentences.split(text))
                .containsExactly(
                        "“We had excellent talks this morning. That will continue,” Peter Navarro told Fox News.",
                        "“This is not one-and-done. This is phase one,’’ he said.",
                        "\"It is close. Very close,\" she added.",
                        "Next sentence.");
    }

    @Test
    void an_unclosed_quote_does_not_swallow_the_paragraph() {
        String text = "He said “this is it. Then nothing closed. Another one.\n\nNew paragraph.";

        assertThat(Sentences.split(text))
                .containsExactly("He said “this is it.", "Then nothing closed.", "Another one.", "New paragraph.");
    }

    @Test
    void keeps_initials_inside_names() {
        assertThat(Sentences.split("Favourites: Micah Parsons and T.J. Watt. John F. Kennedy spoke. Next one."))
                .containsExactly("Favourites: Micah Parsons and T.J. Watt.", "John F. Kennedy spoke.", "Next one.");
    }

    @Test
    void empty_text_has_no_sentences() {
        assertThat(Sentences.split("  \n ")).isEmpty();
        assertThat(Sentences.split(null)).isEmpty();
    }
}
