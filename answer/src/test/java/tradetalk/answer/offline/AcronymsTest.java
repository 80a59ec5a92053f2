package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcronymsTest {

    @Test
    void a_name_spelled_out_holds_its_acronym() {
        assertThat(Acronyms.terms("an Nov. 16-17 Asia-Pacific Economic Cooperation summit in Santiago"))
                .contains("apec", "summit", "santiago");
        assertThat(Acronyms.terms("the World Trade Organization ruled")).contains("wto");
        assertThat(Acronyms.terms("the Office of the U.S. Trade Representative said"))
                .contains("ustr");
    }

    @Test
    void a_name_of_two_letters_makes_no_acronym() {
        assertThat(Acronyms.terms("in Hong Kong")).doesNotContain("hk");
    }
}
