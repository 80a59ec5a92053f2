package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.answer.model.ModelSettings.Provider;

class ModelSettingsTest {

    static final String KEY = "sk-test-settings-5b1e-DO-NOT-LEAK";

    static ModelSettings settings(Map<String, String> config, Map<String, String> env) {
        return ModelSettings.from(config::get, env::get);
    }

    @Test
    @DisplayName("offline by default, with documented defaults")
    void should_default_to_offline() {
        ModelSettings s = settings(Map.of(), Map.of());

        assertThat(s.provider()).isEqualTo(Provider.OFFLINE);
        assertThat(s.usesModel()).isFalse();
        assertThat(s.contextTokens()).isEqualTo(3000);
        assertThat(s.maxRetries()).isEqualTo(2);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("config keys are read and environment variables override them")
    void should_read_config_and_env() {
        ModelSettings s = settings(
                Map.of("model.provider", "openai", "model.base-url", "http://localhost:8000/v1",
                        "model.name", "from-config", "model.timeout", "10s", "model.temperature", "0.5",
                        "model.max-tokens", "300", "model.context-tokens", "2000", "model.max-retries", "1"),
                Map.of("TRADETALK_MODEL_NAME", "from-env", "TRADETALK_MODEL_TIMEOUT", "5s"));

        assertThat(s.provider()).isEqualTo(Provider.OPENAI);
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(s.name()).isEqualTo("from-env");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.temperature()).isEqualTo(0.5);
        assertThat(s.maxTokens()).isEqualTo(300);
        assertThat(s.contextTokens()).isEqualTo(2000);
        assertThat(s.maxRetries()).isEqualTo(1);
        assertThat(s.apiKey()).isNull();
    }

    @Test
    @DisplayName("durations: 500ms, 5s, 2m, bare seconds, ISO-8601")
    void should_parse_durations() {
        assertThat(ModelSettings.parseDuration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ModelSettings.parseDuration("k", "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ModelSettings.parseDuration("k", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ModelSettings.parseDuration("k", "7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(ModelSettings.parseDuration("k", "PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> ModelSettings.parseDuration("model.timeout", "soon"))
                .hasMessageContaining("model.timeout");
    }

    @Test
    @DisplayName("api.openai.com (or no base URL) needs a key; the message names model.api-key and the env var")
    void should_require_key_for_openai() {
        assertThatThrownBy(() -> settings(Map.of("model.provider", "openai", "model.name", "gpt-4o-mini"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.api-key")
                .hasMessageContaining("TRADETALK_MODEL_API_KEY")
                .hasMessageContaining("api.openai.com");
        assertThatThrownBy(() -> ModelSettings.of(Provider.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini", null))
                .hasMessageContaining("model.api-key");

        ModelSettings withKey = settings(Map.of("model.provider", "openai", "model.name", "gpt-4o-mini"),
                Map.of("TRADETALK_MODEL_API_KEY", KEY));
        assertThat(withKey.apiKey()).isEqualTo(KEY);
        assertThat(withKey.effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    @DisplayName("keyless local servers work without a key")
    void should_allow_keyless_local_servers() {
        assertThat(ModelSettings.of(Provider.OPENAI, "http://localhost:8080/v1", "llama", null).apiKey()).isNull();
        assertThat(ModelSettings.of(Provider.OLLAMA, null, "qwen2.5:7b", null).effectiveBaseUrl())
                .isEqualTo("http://localhost:11434");
    }

    @Test
    @DisplayName("invalid values fail with a message naming the config key")
    void should_name_the_key_in_errors() {
        assertThatThrownBy(() -> settings(Map.of("model.provider", "gpt"), Map.of()))
                .hasMessageContaining("model.provider");
        assertThatThrownBy(() -> ModelSettings.of(Provider.OLLAMA, null, null, null))
                .hasMessageContaining("model.name");
        assertThatThrownBy(() -> ModelSettings.of(Provider.OLLAMA, "localhost:11434", "m", null))
                .hasMessageContaining("model.base-url");
        assertThatThrownBy(() -> settings(Map.of("model.max-tokens", "many"), Map.of()))
                .hasMessageContaining("model.max-tokens");
        assertThatThrownBy(() -> settings(Map.of("model.temperature", "3"), Map.of()))
                .hasMessageContaining("model.temperature");
        assertThatThrownBy(() -> settings(Map.of("model.timeout", "0s"), Map.of()))
                .hasMessageContaining("model.timeout");
        assertThatThrownBy(() -> settings(Map.of("model.context-tokens", "10"), Map.of()))
                .hasMessageContaining("model.context-tokens");
        assertThatThrownBy(() -> settings(Map.of("model.max-retries", "-1"), Map.of()))
                .hasMessageContaining("model.max-retries");
    }

    @Test
    @DisplayName("toString masks the API key")
    void should_mask_key_in_to_string() {
        ModelSettings s = ModelSettings.of(Provider.OPENAI, null, "gpt-4o-mini", KEY);

        assertThat(s.toString()).doesNotContain(KEY).contains("apiKey=****").contains("name=gpt-4o-mini");
        assertThat(ModelSettings.offline().toString()).contains("apiKey=none");
    }
}
