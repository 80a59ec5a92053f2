package tradetalk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.status.StatusSettings;

/** The {@code status} section of the configuration. */
class StatusConfigTest {

    @TempDir
    Path home;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void given_no_file_when_loading_then_the_shipped_status_defaults_apply() {
        StatusSettings s = loader.load(null, Map.of(), home).status();

        assertThat(s).isEqualTo(StatusSettings.defaults());
        assertThat(s.defaultTopic()).isEqualTo("US–China trade talks");
        assertThat(s.windowDays()).isEqualTo(60);
        assertThat(s.maxItems()).isEqualTo(8);
    }

    @Test
    void given_file_and_env_when_loading_then_status_keys_are_overridden() throws Exception {
        Path file = home.resolve("t.yml");
        Files.writeString(file, "status:\n  default-topic: EU tariffs\n  max-items: 3\n");

        TradetalkConfig c = loader.load(file, Map.of("TRADETALK_STATUS_WINDOW_DAYS", "14"), home);

        assertThat(c.status().defaultTopic()).isEqualTo("EU tariffs");
        assertThat(c.status().maxItems()).isEqualTo(3);
        assertThat(c.status().windowDays()).isEqualTo(14);
        assertThat(c.withIndexDir(home.resolve("idx")).status()).isEqualTo(c.status());
    }

    @Test
    void given_a_bad_status_value_when_loading_then_the_message_names_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_STATUS_WINDOW_DAYS", "0"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("status.window-days must be 1 to 3650");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_STATUS_DEFAULT_TOPIC", " "), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("status.default-topic must not be empty");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_STATUS_MIN_SIMILARITY", "2"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("status.min-similarity must be -1 to 1");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_STATUS_NAMED_SIMILARITY", "0.8"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("status.named-similarity must be from -1 to status.min-similarity (0.72)");
    }
}
