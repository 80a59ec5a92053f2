package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2019-11-18                      | 2019-11-18",
                "2023-09-28T12:00:00+00:00       | 2023-09-28",
                "2019-11-26T10:00:00Z            | 2019-11-26",
                "2019-11-26T23:30:00-05:00       | 2019-11-26",
                "2019-11-26T10:00:00.123+08:00   | 2019-11-26",
                "2019-11-26T10:00:00             | 2019-11-26",
                "2019-11-26 10:00:00             | 2019-11-26",
                "Tue, 26 Nov 2019 10:00:00 GMT   | 2019-11-26",
                "26 Nov 2019 10:00:00 +0100      | 2019-11-26",
                "'  2019-02-28 '                 | 2019-02-28",
                "2020-02-29                      | 2020-02-29",
                "2019-11-18T10:00:00-0500        | 2019-11-18",
                "2019-11-18T10:00:00.000+0000    | 2019-11-18",
                "2019-11-18T10:00:00.123456Z     | 2019-11-18",
                "2019-11-18T21:00:00-05:00       | 2019-11-18",
                "2019-11-18T10:00+08             | 2019-11-18",
                "2019-11-18T10:00:00 EST         | 2019-11-18",
                "2019-11-18 at noon              | 2019-11-18",
                "Mon, 18 Nov 2019 21:00:00 EST   | 2019-11-18",
                "Mon, 18 Nov 2019 21:00 -0500    | 2019-11-18",
                "Mon, 18 Nov 2019                | 2019-11-18",
                "18 Nov 2019                     | 2019-11-18",
                "Monday, 18 November 2019 10:00 GMT | 2019-11-18"
            })
    void should_read_supported_formats_as_the_written_calendar_day(String text, LocalDate expected) throws Exception {
        // when
        LocalDate date = Dates.parse(text);

        // then
        assertThat(date).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2019-02-30",
                "2019-13-01",
                "2019-00-10",
                "2019-02-29",
                "2019-04-31T10:00:00Z",
                "2019-02-30T10:00:00-0500",
                "31 Apr 2019",
                "Sat, 30 Feb 2019 10:00:00 GMT"
            })
    void should_refuse_impossible_dates_naming_them(String text) {
        assertThatThrownBy(() -> Dates.parse(text))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessage("impossible date '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"yesterday", "18/11/2019", "2019-11", "Nov 18, 2019", "10:00", "PT5M", "20191118", "2019-11-181"
            })
    void should_refuse_unrecognised_formats(String text) {
        assertThatThrownBy(() -> Dates.parse(text))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("unrecognised date '" + text + "'");
    }

    @Test
    void should_refuse_rfc_1123_with_the_wrong_weekday() {
        // 26 Nov 2019 was a Tuesday
        assertThatThrownBy(() -> Dates.parse("Mon, 26 Nov 2019 10:00:00 GMT"))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("unrecognised date 'Mon, 26 Nov 2019 10:00:00 GMT'");
    }

    @Test
    void should_treat_missing_dates_as_unknown() throws Exception {
        assertThat(Dates.parse(null)).isNull();
        assertThat(Dates.parse("  ")).isNull();
    }
}
