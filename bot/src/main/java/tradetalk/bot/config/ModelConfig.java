package tradetalk.bot.config;

import java.time.Duration;
import java.util.Locale;
import tradetalk.answer.model.ModelSettings;

/**
 * The {@code model} section as written in the file; {@link #settings()} turns it into the answer module's validated
 * {@link ModelSettings}.
 */
public record ModelConfig(String provider, String baseUrl, String name, String apiKey, Duration timeout,
                          double temperature, int maxTokens, int contextTokens, int maxRetries) {

    public ModelConfig {
        provider = provider == null ? "offline" : provider.trim().toLowerCase(Locale.ROOT);
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        name = name == null ? "" : name.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("model.timeout must be a positive duration such as 30s");
        }
    }

    /** The answer module's settings; fails naming the key when the provider lacks what it needs. */
    public ModelSettings settings() {
        return new ModelSettings(ModelSettings.Provider.parse(provider), baseUrl.isEmpty() ? null : baseUrl,
                name.isEmpty() ? null : name, apiKey.isEmpty() ? null : apiKey, timeout, temperature, maxTokens,
                contextTokens, maxRetries);
    }

    @Override
    public String toString() {
        return "ModelConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", name=" + name + ", apiKey="
                + (apiKey.isEmpty() ? "" : "***") + ", timeout=" + timeout + "]";
    }
}
