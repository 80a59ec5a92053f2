package tradetalk.cli.config;

import java.time.Duration;
import java.util.Locale;
import tradetalk.answer.model.ModelSettings;

/**
 * The {@code model} section as written in the file; {@link #settings()} turns it into the answer module's validated
 * {@link ModelSettings}.
 */
public record ModelConfig(
        String provider,
        String baseUrl,
        String name,
        String apiKey,
        Duration timeout,
        double temperature,
        int maxTokens,
        int contextTokens,
        int maxRetries,
        Duration deadline,
        long maxReplyBytes) {

    public ModelConfig {
        provider = provider == null
                ? ModelSettings.Provider.OFFLINE.configName()
                : provider.trim().toLowerCase(Locale.ROOT);
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        name = name == null ? "" : name.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        settings(
                provider,
                baseUrl,
                name,
                apiKey,
                timeout,
                temperature,
                maxTokens,
                contextTokens,
                maxRetries,
                deadline,
                maxReplyBytes);
    }

    /** The answer module's settings, which check every value (and name the key when one is wrong). */
    public ModelSettings settings() {
        return settings(
                provider,
                baseUrl,
                name,
                apiKey,
                timeout,
                temperature,
                maxTokens,
                contextTokens,
                maxRetries,
                deadline,
                maxReplyBytes);
    }

    private static ModelSettings settings(
            String provider,
            String baseUrl,
            String name,
            String apiKey,
            Duration timeout,
            double temperature,
            int maxTokens,
            int contextTokens,
            int maxRetries,
            Duration deadline,
            long maxReplyBytes) {
        return new ModelSettings(
                ModelSettings.Provider.parse(provider),
                baseUrl.isEmpty() ? null : baseUrl,
                name.isEmpty() ? null : name,
                apiKey.isEmpty() ? null : apiKey,
                timeout,
                temperature,
                maxTokens,
                contextTokens,
                maxRetries,
                deadline,
                maxReplyBytes);
    }

    @Override
    public String toString() {
        return "ModelConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", name=" + name + ", apiKey="
                + (apiKey.isEmpty() ? "" : "***") + ", timeout=" + timeout + ", deadline=" + deadline
                + ", maxReplyBytes=" + maxReplyBytes + "]";
    }
}
