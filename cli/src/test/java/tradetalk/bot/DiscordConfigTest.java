package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.cli.config.ConfigException;
import tradetalk.cli.config.ConfigLoader;

class DiscordConfigTest {

    @TempDir
    Path home;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void given_no_discord_settings_when_loading_then_defaults_apply_and_feedback_lives_under_home() {
        DiscordConfig d = loader.load(null, Map.of(), home).discord();

        assertThat(d.hasToken()).isFalse();
        assertThat(d.cooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.guildBudget()).isEqualTo(200);
        assertThat(d.messageContentIntent()).isFalse();
        assertThat(d.streamEditInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.feedbackPath()).isEqualTo(home.resolve("data/feedback"));
        assertThat(d.digestEvery()).isEmpty();
    }

    @Test
    void given_environment_overrides_when_loading_then_token_urls_and_lists_are_taken_and_token_is_masked() {
        DiscordConfig d = loader.load(
                        null,
                        Map.of(
                                "TRADETALK_DISCORD_TOKEN", "secret-token-value",
                                "TRADETALK_DISCORD_API_BASE_URL", "http://127.0.0.1:9/api/v10/",
                                "TRADETALK_DISCORD_GATEWAY_URL", "ws://127.0.0.1:10/",
                                "TRADETALK_DISCORD_GUILD_IDS", "123, 456",
                                "TRADETALK_DISCORD_DIGEST_CHANNEL", "789",
                                "TRADETALK_DISCORD_DIGEST_INTERVAL", "6h"),
                        home)
                .discord();

        assertThat(d.token()).isEqualTo("secret-token-value");
        assertThat(d.apiBaseUrl()).isEqualTo("http://127.0.0.1:9/api/v10/");
        assertThat(d.gatewayUrl()).isEqualTo("ws://127.0.0.1:10/");
        assertThat(d.guildIds()).containsExactly("123", "456");
        assertThat(d.digestEvery()).contains(Duration.ofHours(6));
        assertThat(d.toString()).doesNotContain("secret-token-value").contains("token=***");
        assertThat(loader.load(null, Map.of("TRADETALK_DISCORD_TOKEN", "secret-token-value"), home)
                        .toString())
                .doesNotContain("secret-token-value");
    }

    @Test
    void given_bad_values_when_loading_then_the_error_names_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_GUILD_IDS", "abc"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.guild-ids");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_STREAM_EDIT_INTERVAL", "200ms"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.stream-edit-interval");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_GUILD_BUDGET", "-1"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.guild-budget");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_API_BASE_URL", "ftp://x"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.api-base-url");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_DISCORD_DIGEST_INTERVAL", "often"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.digest-interval");
    }
}
