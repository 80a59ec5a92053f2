package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-05-14T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void given_no_terminal_when_ingesting_then_plain_lines_show_counts_and_rate_every_few_seconds_and_at_the_end() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ManualClock clock = new ManualClock();
        TerminalProgress p = TerminalProgress.plain(new PrintStream(buf, true, StandardCharsets.UTF_8), clock);

        p.begin("fetching Wire", 20);
        for (int i = 0; i < 10; i++) {
            clock.now = clock.now.plus(Duration.ofMillis(600));
            p.step();
        }
        for (int i = 0; i < 10; i++) {
            p.step();
        }
        p.end();

        assertThat(buf.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "tradetalk: fetching Wire: 9/20 (1.7/s)",
                "tradetalk: fetching Wire: 20/20 (3.3/s)");
    }

    @Test
    void given_an_empty_phase_then_nothing_is_printed() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TerminalProgress p = TerminalProgress.plain(new PrintStream(buf, true, StandardCharsets.UTF_8),
                new ManualClock());

        p.begin("indexing", 0);
        p.end();

        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
