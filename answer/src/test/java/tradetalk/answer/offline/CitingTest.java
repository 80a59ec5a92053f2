package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CitingTest {

    @Test
    void a_relative_day_is_followed_by_the_date_it_means() {
        assertThat(Citing.dated(
                        "Liu He spoke to Lighthizer last Saturday, according to the ministry.",
                        LocalDate.of(2019, 11, 18)))
                .isEqualTo("Liu He spoke to Lighthizer last Saturday (2019-11-16), according to the ministry.");
        assertThat(Citing.dated("During a call Friday morning in Washington", LocalDate.of(2019, 10, 25)))
                .isEqualTo("During a call Friday morning (2019-10-25) in Washington");
    }

    @Test
    void a_sentence_stating_its_calendar_day_or_without_a_publication_date_is_unchanged() {
        String stated = "Trump wants to sign it at a Nov. 16-17 summit, he said Friday.";
        assertThat(Citing.dated(stated, LocalDate.of(2019, 10, 25))).isEqualTo(stated);
        assertThat(Citing.dated("They met last Saturday.", null)).isEqualTo("They met last Saturday.");
    }
}
