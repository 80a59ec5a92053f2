package tradetalk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateWordsTest {

    private static List<LocalDate> days(String sentence, LocalDate published) {
        return DateWords.relativeDays(sentence, published).stream()
                .map(DateWords.RelativeDay::date)
                .toList();
    }

    @Test
    void a_bare_weekday_is_the_latest_such_day_up_to_the_publication_day() {
        // 2019-11-26 is a Tuesday: "said Tuesday" in that day's article is that day
        assertThat(days("The ministry said Tuesday that Liu He spoke by phone.", LocalDate.of(2019, 11, 26)))
                .containsExactly(LocalDate.of(2019, 11, 26));
        assertThat(days("During a call Friday morning in Washington, they made progress.", LocalDate.of(2019, 10, 26)))
                .containsExactly(LocalDate.of(2019, 10, 25));
    }

    @Test
    void last_weekday_is_the_one_before_the_publication_day() {
        // 2019-11-18 is a Monday
        assertThat(days("Liu He spoke to Lighthizer last Saturday.", LocalDate.of(2019, 11, 18)))
                .containsExactly(LocalDate.of(2019, 11, 16));
        // published on a Saturday, "last Saturday" is a week earlier
        assertThat(days("They met last Saturday.", LocalDate.of(2019, 11, 16)))
                .containsExactly(LocalDate.of(2019, 11, 9));
    }

    @Test
    void a_weekday_of_something_to_come_is_after_the_publication_day() {
        assertThat(days("The two sides will meet on Friday.", LocalDate.of(2019, 11, 18)))
                .containsExactly(LocalDate.of(2019, 11, 22));
        assertThat(days("They meet next Monday.", LocalDate.of(2019, 11, 18)))
                .containsExactly(LocalDate.of(2019, 11, 25));
    }

    @Test
    void yesterday_and_today_count_from_the_publication_day() {
        assertThat(days("Stocks fell yesterday and rose today.", LocalDate.of(2019, 11, 18)))
                .containsExactly(LocalDate.of(2019, 11, 17), LocalDate.of(2019, 11, 18));
    }

    @Test
    void no_day_is_read_without_a_publication_date() {
        assertThat(days("They met last Saturday.", null)).isEmpty();
    }

    @Test
    void month_and_weekday_names_read_in_full_and_abbreviated() {
        assertThat(DateWords.month("Nov.")).contains(Month.NOVEMBER);
        assertThat(DateWords.month("Sept")).contains(Month.SEPTEMBER);
        assertThat(DateWords.month("december")).contains(Month.DECEMBER);
        assertThat(DateWords.month("Monday")).isEmpty();
        assertThat(DateWords.weekday("Tue")).contains(DayOfWeek.TUESDAY);
        assertThat(DateWords.weekday("Saturday")).contains(DayOfWeek.SATURDAY);
        assertThat(DateWords.words()).contains("november", "nov", "tuesday").doesNotContain("sun", "sat");
    }

    @Test
    void a_sentence_states_a_calendar_day_only_with_a_month_and_a_day() {
        assertThat(DateWords.statesCalendarDay("at an Nov. 16-17 summit")).isTrue();
        assertThat(DateWords.statesCalendarDay("on 26 November")).isTrue();
        assertThat(DateWords.statesCalendarDay("said Tuesday")).isFalse();
        assertThat(DateWords.mentionsDate("said Tuesday")).isTrue();
        assertThat(DateWords.mentionsDate("the two sides are close")).isFalse();
    }

    @Test
    void should_give_the_day_and_iso_date_grammar_every_reader_uses() {
        var day = java.util.regex.Pattern.compile("^" + DateWords.DAY + "$").matcher("23rd");
        assertThat(day.matches()).isTrue();
        assertThat(day.group(1)).isEqualTo("23");
        var iso = java.util.regex.Pattern.compile(DateWords.ISO_DATE).matcher("on 2019-11-26, talks");
        assertThat(iso.find()).isTrue();
        assertThat(iso.group(1) + iso.group(2) + iso.group(3)).isEqualTo("20191126");
        assertThat(QueryDates.in("What happened on November 3rd, 2019?")).isPresent();
    }
}
