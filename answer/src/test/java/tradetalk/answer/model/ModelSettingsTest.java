package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.answer.model.ModelSettings.Provider;

class ModelSettingsTest {

    static final String KEY = "sk-test-settings-5b1e-DO-NOT-LEAK";

    private static ModelSettings with(
            Provider provider,
            String name,
            double temperature,
            int maxTokens,
            Duration timeout,
            int contextTokens,
            int maxRetries) {
        return new ModelSettings(
                provider,
                "http://localhost:8000/v1",
                name,
                null,
                timeout,
                temperature,
                maxTokens,
                contextTokens,
                maxRetries);
    }

    @Test
    @DisplayName("offline by default, with documented defaults")
    void should_default_to_offline() {
        ModelSettings s = ModelSettings.offline();

        assertThat(s.provider()).isEqualTo(Provider.OFFLINE);
        assertThat(s.usesModel()).isFalse();
        assertThat(s.contextTokens()).isEqualTo(3000);
        assertThat(s.maxRetries()).isEqualTo(2);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("api.openai.com (or no base URL) needs a key; the message names model.api-key and the env var")
    void should_require_key_for_openai() {
        assertThatThrownBy(() -> ModelSettings.of(Provider.OPENAI, null, "gpt-4o-mini", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.api-key")
                .hasMessageContaining("TRADETALK_MODEL_API_KEY")
                .hasMessageContaining("api.openai.com");
        assertThatThrownBy(() -> ModelSettings.of(Provider.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini", null))
                .hasMessageContaining("model.api-key");

        ModelSettings withKey = ModelSettings.of(Provider.OPENAI, null, "gpt-4o-mini", KEY);
        assertThat(withKey.apiKey()).isEqualTo(KEY);
        assertThat(withKey.effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    @DisplayName("keyless local servers work without a key")
    void should_allow_keyless_local_servers() {
        assertThat(ModelSettings.of(Provider.OPENAI, "http://localhost:8080/v1", "llama", null)
                        .apiKey())
                .isNull();
        assertThat(ModelSettings.of(Provider.OLLAMA, null, "qwen2.5:7b", null).effectiveBaseUrl())
                .isEqualTo("http://localhost:11434");
    }

    @Test
    @DisplayName("invalid values fail with a message naming the config key")
    void should_name_the_key_in_errors() {
        assertThatThrownBy(() -> Provider.parse("gpt")).hasMessageContaining("model.provider");
        assertThatThrownBy(() -> ModelSettings.of(Provider.OLLAMA, null, null, null))
                .hasMessageContaining("model.name");
        assertThatThrownBy(() -> ModelSettings.of(Provider.OLLAMA, "localhost:11434", "m", null))
                .hasMessageContaining("model.base-url");
        Duration t = Duration.ofSeconds(5);
        assertThatThrownBy(() -> with(Provider.OPENAI, "m", 0.1, 0, t, 3000, 2))
                .hasMessageContaining("model.max-tokens");
        assertThatThrownBy(() -> with(Provider.OPENAI, "m", 3, 100, t, 3000, 2))
                .hasMessageContaining("model.temperature");
        assertThatThrownBy(() -> with(Provider.OPENAI, "m", 0.1, 100, Duration.ZERO, 3000, 2))
                .hasMessageContaining("model.timeout");
        assertThatThrownBy(() -> with(Provider.OPENAI, "m", 0.1, 100, t, 10, 2))
                .hasMessageContaining("model.context-tokens");
        assertThatThrownBy(() -> with(Provider.OPENAI, "m", 0.1, 100, t, 3000, -1))
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
