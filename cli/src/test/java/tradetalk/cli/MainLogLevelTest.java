package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Services log what they do; one-shot commands only warn, since their output says what happened. */
class MainLogLevelTest {

    @Test
    void services_log_at_info() {
        assertThat(Main.defaultLogLevel(new String[] {"discord"})).isEqualTo("INFO");
        assertThat(Main.defaultLogLevel(new String[] {"watch", "--index", "x"})).isEqualTo("INFO");
    }

    @Test
    void one_shot_commands_and_watch_once_only_warn() {
        assertThat(Main.defaultLogLevel(new String[] {"watch", "--once"})).isEqualTo("WARN");
        assertThat(Main.defaultLogLevel(new String[] {"ingest", "--feed", "http://x/"}))
                .isEqualTo("WARN");
        assertThat(Main.defaultLogLevel(new String[] {})).isEqualTo("WARN");
    }
}
