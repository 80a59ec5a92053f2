package tradetalk.answer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which model answers questions, and how to reach it: the {@code model} section of {@code config/tradetalk.yml}, bound
 * to this record as written (the file holds the defaults). Validated at construction so a bad config fails at startup
 * with a message naming the config key.
 *
 * <p>Config keys and their environment overrides (loaded by the CLI's config loader; see docs/configuration.md):
 * {@code model.provider} / {@code TRADETALK_MODEL_PROVIDER}, {@code model.base-url} / {@code TRADETALK_MODEL_BASE_URL},
 * {@code model.name} / {@code TRADETALK_MODEL_NAME}, {@code model.api-key} / {@code TRADETALK_MODEL_API_KEY},
 * {@code model.timeout} / {@code TRADETALK_MODEL_TIMEOUT}, {@code model.temperature}, {@code model.max-tokens},
 * {@code model.context-tokens}, {@code model.max-retries}, {@code model.deadline}, {@code model.max-reply-bytes}.
 *
 * @param provider      which client speaks to the model
 * @param baseUrl       the server's base URL; null for the provider's default ({@link #effectiveBaseUrl()})
 * @param name          the model name sent to the server; null only for {@link Provider#OFFLINE}
 * @param apiKey        the API key, or null for keyless local servers; never printed by {@link #toString()}
 * @param timeout       how long to wait for the server (and, when streaming, between two chunks)
 * @param temperature   sampling temperature, 0 to 2
 * @param maxTokens     most tokens the model may generate
 * @param contextTokens token budget for the sources put into the prompt
 * @param maxRetries    retries after HTTP 429 or 5xx, 0 for none
 * @param deadline      the longest a whole answer may take, retries included, however the reply arrives
 * @param maxReplyBytes the largest reply body read from the server; a larger one is refused part-way
 */
public record ModelSettings(
        Provider provider,
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

    /** Which client speaks to the model. */
    public enum Provider {
        /** No model: the offline composer answers. */
        OFFLINE,
        /** Any server speaking the OpenAI chat completions API: OpenAI, vLLM, llama.cpp, LM Studio, Ollama's /v1. */
        OPENAI,
        /** Ollama's native /api/chat. */
        OLLAMA;

        /** The name used in config and reported as the answer's backend, e.g. "openai". */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a config value such as "openai"; blank means offline. */
        @JsonCreator
        public static Provider parse(String value) {
            if (value == null || value.isBlank()) {
                return OFFLINE;
            }
            for (Provider p : values()) {
                if (p.configName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException(
                    "model.provider must be one of offline, openai, ollama, but was '" + value.strip() + "'");
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final double DEFAULT_TEMPERATURE = 0.1;
    public static final int DEFAULT_MAX_TOKENS = 512;
    public static final int DEFAULT_CONTEXT_TOKENS = 3000;
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
    public static final long DEFAULT_MAX_REPLY_BYTES = 4L * 1024 * 1024;
    /** The smallest {@code model.max-reply-bytes} accepted. */
    public static final long MIN_REPLY_BYTES = 1024;
    /** Used when provider is openai and no base URL is set. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** Used when provider is ollama and no base URL is set. */
    public static final String OLLAMA_BASE_URL = "http://localhost:11434";

    /** Hosted services that always need a key; any other base URL is assumed to be a keyless local server. */
    private static final Set<String> HOSTS_NEEDING_A_KEY = Set.of("api.openai.com", "openrouter.ai");

    public ModelSettings {
        Objects.requireNonNull(provider, "model.provider");
        baseUrl = blankToNull(baseUrl);
        name = blankToNull(name);
        apiKey = blankToNull(apiKey);
        if (baseUrl != null) {
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model.base-url is not a valid URL: '" + baseUrl + "'");
            }
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(
                        "model.base-url must be an http(s) URL such as http://localhost:8000/v1, but was '" + baseUrl
                                + "'");
            }
        }
        if (provider != Provider.OFFLINE && name == null) {
            throw new IllegalArgumentException("model.name is required when model.provider is " + provider.configName()
                    + " (e.g. gpt-4o-mini, qwen2.5:7b-instruct)");
        }
        Objects.requireNonNull(timeout, "model.timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("model.timeout must be positive, e.g. 30s, but was " + timeout);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("model.temperature must be between 0 and 2, but was " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("model.max-tokens must be at least 1, but was " + maxTokens);
        }
        if (contextTokens < 50) {
            throw new IllegalArgumentException("model.context-tokens must be at least 50, but was " + contextTokens);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("model.max-retries must be between 0 and 10, but was " + maxRetries);
        }
        Objects.requireNonNull(deadline, "model.deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("model.deadline must be positive, e.g. 2m, but was " + deadline);
        }
        if (maxReplyBytes < MIN_REPLY_BYTES) {
            throw new IllegalArgumentException(
                    "model.max-reply-bytes must be at least " + MIN_REPLY_BYTES + ", but was " + maxReplyBytes);
        }
        if (provider == Provider.OPENAI && apiKey == null && needsKey(baseUrl)) {
            throw new IllegalArgumentException("model.api-key (or the environment variable TRADETALK_MODEL_API_KEY) "
                    + "is required for " + hostOf(baseUrl == null ? OPENAI_BASE_URL : baseUrl)
                    + "; keyless local servers need model.base-url, e.g. http://localhost:8000/v1");
        }
    }

    /**
     * Settings with the default {@code model.deadline} (or {@code timeout}, when that is longer) and the default
     * {@code model.max-reply-bytes}.
     */
    public ModelSettings(
            Provider provider,
            String baseUrl,
            String name,
            String apiKey,
            Duration timeout,
            double temperature,
            int maxTokens,
            int contextTokens,
            int maxRetries) {
        this(
                provider,
                baseUrl,
                name,
                apiKey,
                timeout,
                temperature,
                maxTokens,
                contextTokens,
                maxRetries,
                timeout != null && timeout.compareTo(DEFAULT_DEADLINE) > 0 ? timeout : DEFAULT_DEADLINE,
                DEFAULT_MAX_REPLY_BYTES);
    }

    /** Settings for answering without a model. */
    public static ModelSettings offline() {
        return new ModelSettings(
                Provider.OFFLINE,
                null,
                null,
                null,
                DEFAULT_TIMEOUT,
                DEFAULT_TEMPERATURE,
                DEFAULT_MAX_TOKENS,
                DEFAULT_CONTEXT_TOKENS,
                DEFAULT_MAX_RETRIES);
    }

    /** Settings with the defaults for everything but provider, base URL, model name and key. */
    public static ModelSettings of(Provider provider, String baseUrl, String name, String apiKey) {
        return new ModelSettings(
                provider,
                baseUrl,
                name,
                apiKey,
                DEFAULT_TIMEOUT,
                DEFAULT_TEMPERATURE,
                DEFAULT_MAX_TOKENS,
                DEFAULT_CONTEXT_TOKENS,
                DEFAULT_MAX_RETRIES);
    }

    /** The base URL the client uses: the configured one, else the provider's default. */
    public String effectiveBaseUrl() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return switch (provider) {
            case OPENAI -> OPENAI_BASE_URL;
            case OLLAMA -> OLLAMA_BASE_URL;
            case OFFLINE -> null;
        };
    }

    /** True when a model (not the offline composer) should answer. */
    public boolean usesModel() {
        return provider != Provider.OFFLINE;
    }

    /** Shows every setting but the API key, which is masked. */
    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider.configName() + ", baseUrl=" + baseUrl + ", name=" + name
                + ", apiKey=" + (apiKey == null ? "none" : "****") + ", timeout=" + timeout
                + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", contextTokens=" + contextTokens
                + ", maxRetries=" + maxRetries + ", deadline=" + deadline + ", maxReplyBytes=" + maxReplyBytes + "]";
    }

    private static boolean needsKey(String baseUrl) {
        return baseUrl == null || HOSTS_NEEDING_A_KEY.contains(hostOf(baseUrl));
    }

    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
