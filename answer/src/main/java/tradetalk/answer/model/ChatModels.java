package tradetalk.answer.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * The one place that builds LangChain4j chat clients from {@link ModelSettings}.
 *
 * <p>Request/response logging stays off (it would print the Authorization header), and the clients' own retries are
 * off: {@link ModelComposer} retries 429 and 5xx itself. With no API key, the OpenAI client sends no Authorization
 * header at all (LangChain4j 1.19 accepts a null key), which is what keyless local servers expect. Every client
 * speaks HTTP through a {@link LimitedHttpClient}: {@code model.deadline}, {@code model.max-reply-bytes}, and
 * unreadable replies refused.
 */
public final class ChatModels {

    private ChatModels() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A blocking client for the configured provider. */
    public static ChatModel chatModel(ModelSettings s) {
        return switch (s.provider()) {
            case OPENAI ->
                OpenAiChatModel.builder()
                        .baseUrl(s.effectiveBaseUrl())
                        .apiKey(s.apiKey())
                        .modelName(s.name())
                        .timeout(s.timeout())
                        .temperature(s.temperature())
                        .maxTokens(s.maxTokens())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .httpClientBuilder(new LimitedHttpClient.Builder(s))
                        .build();
            case OLLAMA ->
                OllamaChatModel.builder()
                        .baseUrl(s.effectiveBaseUrl())
                        .modelName(s.name())
                        .timeout(s.timeout())
                        .temperature(s.temperature())
                        .numPredict(s.maxTokens())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false)
                        .httpClientBuilder(new LimitedHttpClient.Builder(s))
                        .build();
            case OFFLINE -> throw offline();
        };
    }

    /** A streaming client for the configured provider. */
    public static StreamingChatModel streamingChatModel(ModelSettings s) {
        return switch (s.provider()) {
            case OPENAI ->
                OpenAiStreamingChatModel.builder()
                        .baseUrl(s.effectiveBaseUrl())
                        .apiKey(s.apiKey())
                        .modelName(s.name())
                        .timeout(s.timeout())
                        .temperature(s.temperature())
                        .maxTokens(s.maxTokens())
                        .logRequests(false)
                        .logResponses(false)
                        .httpClientBuilder(new LimitedHttpClient.Builder(s))
                        .build();
            case OLLAMA ->
                OllamaStreamingChatModel.builder()
                        .baseUrl(s.effectiveBaseUrl())
                        .modelName(s.name())
                        .timeout(s.timeout())
                        .temperature(s.temperature())
                        .numPredict(s.maxTokens())
                        .logRequests(false)
                        .logResponses(false)
                        .httpClientBuilder(new LimitedHttpClient.Builder(s))
                        .build();
            case OFFLINE -> throw offline();
        };
    }

    private static IllegalArgumentException offline() {
        return new IllegalArgumentException("model.provider is offline: there is no chat model to build");
    }
}
