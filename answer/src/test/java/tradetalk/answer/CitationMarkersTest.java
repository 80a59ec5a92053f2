package tradetalk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {

    @Test
    @DisplayName("markers are written after the sentence as \" [1][3]\", in order, without repeats")
    void should_write_markers_in_order_without_repeats() {
        assertThat(CitationMarkers.markers(List.of(1, 3, 1))).isEqualTo(" [1][3]");
        assertThat(CitationMarkers.markers(List.of())).isEmpty();
    }

    @Test
    @DisplayName("markers are read however they are written: lists, ranges, [Source n], any case and spacing")
    void should_read_every_way_of_writing_a_marker() {
        assertThat(CitationMarkers.cited("Talks resumed [1][3]. Tariffs rose [2, 4] and [5-7] [source 9] [ 8 ]."))
                .containsExactly(1, 3, 2, 4, 5, 6, 7, 9, 8);
        assertThat(CitationMarkers.cited("No marker here [a] or [].")).isEmpty();
    }

    @Test
    @DisplayName("a range stands for at most MAX_RANGE numbers; an unreadable number is -1")
    void should_cap_ranges_and_flag_unreadable_numbers() {
        assertThat(CitationMarkers.numbers("1-1000")).hasSize(CitationMarkers.MAX_RANGE);
        assertThat(CitationMarkers.numbers("99999999999")).containsExactly(-1);
    }

    @Test
    @DisplayName("stripping removes the markers and the spaces before them; undated drops a timeline date")
    void should_strip_markers_and_dates() {
        assertThat(CitationMarkers.strip("Talks resumed [1] [2, 3]. Then [Source 4] more."))
                .isEqualTo("Talks resumed. Then more.");
        assertThat(CitationMarkers.undated("- 2019-11-26: Talks resumed [1]")).isEqualTo("Talks resumed [1]");
        var m = CitationMarkers.DATED_LINE.matcher("* 2019-11-26 — Talks resumed [1]");
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo("2019-11-26");
        assertThat(m.group(2)).isEqualTo("Talks resumed [1]");
    }
}
