package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void
            given_no_terminal_when_ingesting_then_plain_lines_show_counts_rate_and_time_left_every_few_seconds_and_at_the_end() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock();
        TerminalProgress p = TerminalProgress.plain(new PrintStream(buf, true, StandardCharsets.UTF_8), clock);

        p.begin("fetching Wire", 20);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(600));
            p.step();
        }
        for (int i = 0; i < 10; i++) {
            p.step();
        }
        p.end();

        assertThat(buf.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "tradetalk: fetching Wire: 9/20 (1.7/s, about 7 s left)", // 11 more at 9 per 5.4 s
                        "tradetalk: fetching Wire: 20/20 (3.3/s)");
    }

    @Test
    void given_an_empty_phase_then_nothing_is_printed() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TerminalProgress p =
                TerminalProgress.plain(new PrintStream(buf, true, StandardCharsets.UTF_8), new MutableClock());

        p.begin("indexing", 0);
        p.end();

        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void given_a_long_phase_then_the_time_left_waits_for_two_percent_of_the_steps_or_30_s() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock();
        TerminalProgress p = TerminalProgress.plain(new PrintStream(buf, true, StandardCharsets.UTF_8), clock);

        p.begin("ingesting", 1000);
        clock.advance(Duration.ofSeconds(5));
        p.step(); // 1 of 1,000 after 5 s: no estimate yet
        for (int i = 0; i < 19; i++) {
            p.step();
        }
        clock.advance(Duration.ofSeconds(5));
        p.step(); // 21 of 1,000 (over 2%) after 10 s: 979 more at 2.1/s

        assertThat(buf.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "tradetalk: ingesting: 1/1000 (0.2/s)",
                        "tradetalk: ingesting: 21/1000 (2.1/s, about 7 min 46 s left)");
    }

    @Test
    void time_left_reads_in_seconds_minutes_or_hours() {
        assertThat(TerminalProgress.duration(44.6)).isEqualTo("45 s");
        assertThat(TerminalProgress.duration(200)).isEqualTo("3 min 20 s");
        assertThat(TerminalProgress.duration(3900)).isEqualTo("1 h 05 min");
    }

    @Test
    void
            given_a_long_article_when_its_passages_are_embedded_then_a_line_says_how_far_every_few_seconds_and_at_its_end() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock();
        TerminalProgress p = TerminalProgress.plain(new PrintStream(buf, true, StandardCharsets.UTF_8), clock);

        p.begin("indexing", 1);
        for (int done = 256; done < 2048; done += 256) {
            clock.advance(Duration.ofSeconds(2));
            p.detail("big.txt", done, 2048);
        }
        p.detail("big.txt", 2048, 2048);
        p.step();
        p.end();

        assertThat(buf.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "tradetalk: indexing: big.txt: 768/2048 passages embedded",
                        "tradetalk: indexing: big.txt: 1536/2048 passages embedded",
                        "tradetalk: indexing: big.txt: 2048/2048 passages embedded",
                        "tradetalk: indexing: 1/1 (0.1/s)");
    }
}
