package tradetalk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void a_swap_of_two_letters_finds_the_name_meant() {
        assertThat(DidYouMean.closest("aks", List.of("ask", "ingest", "sources")))
                .isEqualTo("ask");
        assertThat(DidYouMean.closest("sorces", List.of("ask", "ingest", "sources")))
                .isEqualTo("sources");
    }

    @Test
    void a_word_far_from_every_name_gets_no_suggestion() {
        assertThat(DidYouMean.closest("deploy", List.of("ask", "ingest", "sources")))
                .isNull();
    }
}
