package tradetalk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.QueryDates.Span;

class QueryDatesTest {

    @Test
    void reads_days_months_years_and_bare_months() {
        assertThat(QueryDates.in("What happened on 2019-11-18?"))
                .contains(new Span(LocalDate.of(2019, 11, 18), LocalDate.of(2019, 11, 18), null));
        assertThat(QueryDates.in("What did Trump say on November 26, 2019 about Hong Kong?"))
                .contains(new Span(LocalDate.of(2019, 11, 26), LocalDate.of(2019, 11, 26), null));
        assertThat(QueryDates.in("Talks on 25th Oct. 2019"))
                .contains(new Span(LocalDate.of(2019, 10, 25), LocalDate.of(2019, 10, 25), null));
        assertThat(QueryDates.in("Where did the talks stand in November 2019?"))
                .contains(new Span(LocalDate.of(2019, 11, 1), LocalDate.of(2019, 11, 30), null));
        assertThat(QueryDates.in("How did the stock market react to the trade news in November?"))
                .contains(new Span(null, null, Month.NOVEMBER));
        assertThat(QueryDates.in("What tariffs were announced in 2018?"))
                .contains(new Span(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null));
    }

    @Test
    void ignores_words_that_only_look_like_months_and_impossible_dates() {
        assertThat(QueryDates.in("May China retaliate against the tariffs?")).isEmpty();
        assertThat(QueryDates.in("Who asked for the Saturday phone call?")).isEmpty();
        assertThat(QueryDates.in("What was decided on 2019-02-30?")).isEmpty();
        assertThat(QueryDates.in("What did the marching band play?")).isEmpty();
    }

    @Test
    void a_span_contains_its_dates_and_a_month_matches_any_year() {
        Span nov = new Span(null, null, Month.NOVEMBER);
        assertThat(nov.contains(LocalDate.of(2019, 11, 18))).isTrue();
        assertThat(nov.contains(LocalDate.of(2023, 11, 1))).isTrue();
        assertThat(nov.contains(LocalDate.of(2019, 10, 25))).isFalse();
        assertThat(nov.contains(null)).isFalse();
        Span day = new Span(LocalDate.of(2019, 11, 18), LocalDate.of(2019, 11, 18), null);
        assertThat(day.contains(LocalDate.of(2019, 11, 18))).isTrue();
        assertThat(day.contains(LocalDate.of(2019, 11, 19))).isFalse();
    }
}
