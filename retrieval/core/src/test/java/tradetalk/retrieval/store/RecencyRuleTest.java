package tradetalk.retrieval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecencyRuleTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    @Test
    void given_a_current_index_then_a_plain_question_gets_the_full_weight() {
        assertThat(RecencyRule.weight(1.25, "Which country hosted the summit?", DAY, DAY))
                .isEqualTo(1.25);
    }

    @Test
    void given_no_day_asked_then_the_index_counts_as_current() {
        assertThat(RecencyRule.weight(1.25, "Which country hosted the summit?", null, DAY))
                .isEqualTo(1.25);
    }

    @Test
    void given_an_index_behind_the_day_asked_then_recency_halves_every_thirty_days_of_lag() {
        assertThat(RecencyRule.weight(1.0, "Who won?", DAY.plusDays(30), DAY)).isCloseTo(0.5, within(1e-9));
        assertThat(RecencyRule.weight(1.0, "Who won?", LocalDate.of(2026, 12, 7), LocalDate.of(2019, 11, 26)))
                .isLessThan(1e-6);
    }

    @Test
    void given_an_archive_then_a_question_asking_for_the_latest_still_gets_the_full_weight() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        LocalDate archive = LocalDate.of(2019, 11, 26);
        assertThat(RecencyRule.weight(1.25, "What is the latest on the trade talks?", today, archive))
                .isEqualTo(1.25);
        assertThat(RecencyRule.weight(1.25, "Where do the talks stand now?", today, archive))
                .isEqualTo(1.25);
        assertThat(RecencyRule.weight(1.25, "What happened this week?", today, archive))
                .isEqualTo(1.25);
        assertThat(RecencyRule.weight(1.25, "When did Liu He last speak with Lighthizer?", today, archive))
                .isEqualTo(1.25);
    }

    @Test
    void given_a_question_naming_a_past_period_then_recency_does_not_weigh() {
        assertThat(RecencyRule.weight(1.25, "What happened in November 2019?", DAY, DAY))
                .isZero();
        assertThat(RecencyRule.weight(1.25, "Which country won the 2019 Cricket World Cup?", DAY, DAY))
                .isZero();
        assertThat(RecencyRule.weight(1.25, "What did the markets do in January?", DAY, DAY))
                .isZero();
    }

    @Test
    void given_a_question_naming_the_current_period_then_recency_stays() {
        assertThat(RecencyRule.weight(1.25, "What did the markets do in March?", DAY, DAY))
                .isEqualTo(1.25);
        assertThat(RecencyRule.weight(1.25, "Who won the 2025 Oscar for best picture?", DAY, DAY))
                .isEqualTo(1.25);
        assertThat(RecencyRule.weight(1.25, "How many of the 1,500 workers were laid off?", DAY, DAY))
                .isEqualTo(1.25);
    }

    @Test
    void given_recency_switched_off_or_an_empty_index_then_the_weight_is_zero() {
        assertThat(RecencyRule.weight(0, "latest news", DAY, DAY)).isZero();
        assertThat(RecencyRule.weight(1.25, "latest news", DAY, null)).isZero();
    }
}
