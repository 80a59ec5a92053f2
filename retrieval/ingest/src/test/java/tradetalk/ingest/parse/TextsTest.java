package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextsTest {

    @Test
    void should_collapse_spaces_and_keep_paragraph_breaks() {
        // given
        String raw = "  First\tline   goes\non here.\r\n \r\n\r\n\nSecond\u00A0para\u0007graph\u200B.  \n";

        // when
        String body = Texts.normalizeBody(raw);

        // then
        assertThat(body).isEqualTo("First line goes on here.\n\nSecond paragraph.");
    }

    @Test
    void should_derive_title_from_first_sentence_without_dateline() {
        assertThat(Texts.deriveTitle("WASHINGTON • Talks resumed on Monday. Both sides said so."))
                .isEqualTo("Talks resumed on Monday");
        assertThat(Texts.deriveTitle("BEIJING (Reuters) - China said on Tuesday it would buy soybeans. More."))
                .isEqualTo("China said on Tuesday it would buy soybeans");
        assertThat(Texts.deriveTitle("NEW YORK, Nov 18 (AP) — Stocks rose. Then fell."))
                .isEqualTo("Stocks rose");
    }

    @Test
    void should_keep_ordinary_sentence_openings() {
        assertThat(Texts.deriveTitle("The U.S. and China are close to a deal. Officials said."))
                .isEqualTo("The U.S. and China are close to a deal");
        assertThat(Texts.deriveTitle("US-China talks are on - for now. Next."))
                .isEqualTo("US-China talks are on - for now");
    }

    @Test
    void should_cut_long_titles_on_a_word_boundary_with_ellipsis() {
        // given
        String sentence = "American and Chinese trade negotiators held constructive discussions in a phone call to "
                + "address each side's core concerns over phase one of their proposed trade deal.";

        // when
        String title = Texts.deriveTitle(sentence);

        // then
        assertThat(title)
                .isEqualTo(
                        "American and Chinese trade negotiators held constructive discussions in a phone call to address each…");
        assertThat(title.length()).isLessThanOrEqualTo(Texts.MAX_TITLE_CHARS + 1);
    }

    @Test
    void should_give_blank_text_an_empty_title() {
        assertThat(Texts.deriveTitle("  \n ")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "BLOOMBERG, Bloomberg",
        "AP, AP",
        "CNBC, CNBC",
        "BBC NEWS, BBC News",
        "FOX BUSINESS, Fox Business",
        "THE NEW YORK TIMES, The New York Times",
        "SOUTH CHINA MORNING POST, South China Morning Post",
        "Reuters, Reuters"
    })
    void should_title_case_outlet_names_keeping_acronyms(String raw, String expected) {
        assertThat(Texts.outletName(raw)).isEqualTo(expected);
    }

    @Test
    void given_a_first_sentence_of_100000_capitalised_words_when_a_title_is_derived_then_it_is_cut_not_overflowing() {
        String text = "AB" + " A".repeat(100_000) + " end";

        String title = Texts.deriveTitle(text);

        assertThat(title).startsWith("AB A A").endsWith("…").hasSizeLessThanOrEqualTo(Texts.MAX_TITLE_CHARS + 1);
    }
}
