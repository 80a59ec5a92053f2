package tradetalk.answer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.internal.RetryUtils;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.answer.Usage;
import tradetalk.answer.extract.NearestSources;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

/**
 * Answers with a chat model: fits the evidence into the prompt ({@link Sources}), renders the prompts
 * ({@link Prompts}), calls the model (streaming when a {@link StreamingChatModel} is given), then keeps only cited
 * sentences ({@link CitationChecker}).
 *
 * <p>Failures become a {@link ComposerException} with a short reason that never contains the API key or the
 * server's response body. HTTP 429 and 5xx are retried up to {@code maxRetries} times with LangChain4j's
 * {@link RetryUtils} back-off (250 ms, then 500 ms, ...); nothing else is retried, and a stream is not retried once
 * text has been delivered. When streaming, {@code timeout} also bounds the wait between two chunks.
 */
public final class ModelComposer implements AnswerComposer {

    /** The answer text of a composition that abstains. */
    public static final String ABSTAIN_TEXT = NearestSources.ABSTAIN_TEXT;
    /** How many nearest sources an abstaining composition lists. */
    public static final int NEAREST = NearestSources.DEFAULT_MAX;

    private static final Logger log = LoggerFactory.getLogger(ModelComposer.class);
    private static final int RETRY_DELAY_MS = 250;

    private final ModelSettings settings;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Prompts prompts;
    private final RetryUtils.RetryPolicy retry;

    /**
     * @param settings  the settings the models were built from (name, timeout, budgets, retries, key to scrub)
     * @param chat      blocking client, used when {@code streaming} is null; may be null when streaming is given
     * @param streaming streaming client, or null
     * @param prompts   the prompt templates
     */
    public ModelComposer(ModelSettings settings, ChatModel chat, StreamingChatModel streaming, Prompts prompts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (chat == null && streaming == null) {
            throw new IllegalArgumentException("a chat model or a streaming chat model is required");
        }
        this.chat = chat;
        this.streaming = streaming;
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.retry = RetryUtils.retryPolicyBuilder()
                .maxRetries(settings.maxRetries())
                .delayMillis(RETRY_DELAY_MS)
                .jitterScale(0.2)
                .backoffExp(2.0)
                .build();
    }

    /** A streaming composer for the configured provider, clients built by {@link ChatModels}. */
    public static ModelComposer streaming(ModelSettings settings, Prompts prompts) {
        return new ModelComposer(settings, null, ChatModels.streamingChatModel(settings), prompts);
    }

    /** A blocking composer for the configured provider, clients built by {@link ChatModels}. */
    public static ModelComposer blocking(ModelSettings settings, Prompts prompts) {
        return new ModelComposer(settings, ChatModels.chatModel(settings), null, prompts);
    }

    @Override
    public String name() {
        return settings.provider().configName();
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        return composeWith("answer", Map.of("question", question), evidence, partial);
    }

    /**
     * Composes with any template that takes {@code {{sources}}} and {@code {{abstain}}} plus {@code variables}: the
     * answer ({@code question}), status and summary ({@code topic}) prompts.
     *
     * @param template  the prompt name, e.g. "answer", "status", "summary"
     * @param variables the template's other variables; values are untrusted and sanitised
     * @param evidence  passages, best first
     * @param partial   receives the whole text so far, each time it grows (streaming only); may be null
     * @throws ComposerException when the model fails or answers nothing
     */
    public Composition composeWith(String template, Map<String, String> variables, List<SearchHit> evidence,
                                   Consumer<String> partial) {
        List<Passage> sources = Sources.fit(evidence, settings.contextTokens());
        if (sources.isEmpty()) {
            log.info("model {} not called: no evidence fits the prompt", settings.name());
            return NearestSources.abstain(evidence, NEAREST, null);
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(systemPrompt()), UserMessage.from(userPrompt(template, variables, sources)))
                .build();

        long start = System.nanoTime();
        Reply reply = call(request, partial == null ? s -> { } : partial);
        double latencyMs = (System.nanoTime() - start) / 1e6;
        Usage usage = new Usage(settings.name(), reply.tokensIn(), reply.tokensOut(), latencyMs);
        log.info("model {} answered in {} ms, tokens in {}, out {}", usage.model(), Math.round(latencyMs),
                usage.tokensIn(), usage.tokensOut());
        if (reply.text() == null || reply.text().isBlank()) {
            throw new ComposerException("model returned an empty answer");
        }

        CitationChecker.Result checked = CitationChecker.check(reply.text(), sources);
        if (checked.droppedSentences() > 0 || checked.droppedMarkers() > 0) {
            log.info("model {} reply: dropped {} uncited sentences and {} out-of-range markers", settings.name(),
                    checked.droppedSentences(), checked.droppedMarkers());
        }
        if (checked.abstained()) {
            return NearestSources.abstain(evidence, NEAREST, usage);
        }
        return new Composition(checked.text(), false, checked.citations(), List.of(), usage);
    }

    /** The rendered system prompt. */
    public String systemPrompt() {
        return prompts.render("system", Map.of("abstain", CitationChecker.ABSTAIN));
    }

    /** The rendered user prompt of {@code template} for {@code sources}, numbered from 1 in order. */
    public String userPrompt(String template, Map<String, String> variables, List<Passage> sources) {
        Map<String, Object> values = new HashMap<>();
        variables.forEach((k, v) -> values.put(k, Sources.sanitize(v == null ? "" : v).strip()));
        values.put("sources", Sources.render(sources));
        values.put("abstain", CitationChecker.ABSTAIN);
        return prompts.render(template, values);
    }

    // ---- calling the model ------------------------------------------------------------------------------------

    private record Reply(String text, int tokensIn, int tokensOut) {
    }

    /** A failed attempt worth retrying (429, 5xx); carries only our reason, never the server's body. */
    private static final class RetriableFailure extends RuntimeException {
        RetriableFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A failed attempt not worth retrying. */
    private static final class FinalFailure extends NonRetriableException {
        FinalFailure(String reason) {
            super(reason);
        }
    }

    private Reply call(ChatRequest request, Consumer<String> partial) {
        AtomicBoolean delivered = new AtomicBoolean();
        try {
            return retry.withRetry(() -> attempt(request, partial, delivered), settings.maxRetries());
        } catch (RetriableFailure | FinalFailure e) {
            throw new ComposerException(e.getMessage());
        } catch (RuntimeException e) {
            throw new ComposerException(scrub(reason(e)));
        }
    }

    private Reply attempt(ChatRequest request, Consumer<String> partial, AtomicBoolean delivered) {
        try {
            return streaming != null ? stream(request, partial, delivered) : block(request);
        } catch (RetriableFailure | FinalFailure e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = scrub(reason(e));
            if (isRetriable(e) && !delivered.get()) {
                throw new RetriableFailure(reason);
            }
            log.debug("model call failed: {}", reason);
            throw new FinalFailure(reason);
        }
    }

    private Reply block(ChatRequest request) {
        ChatResponse response = chat.chat(request);
        return reply(response.aiMessage() == null ? null : response.aiMessage().text(), response.tokenUsage());
    }

    private Reply stream(ChatRequest request, Consumer<String> partial, AtomicBoolean delivered) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                events.add(new PartialResponse(text));
            }

            @Override
            public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                events.add(response);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add(response);
            }

            @Override
            public void onError(Throwable error) {
                events.add(error);
            }
        });
        StringBuilder text = new StringBuilder();
        while (true) {
            Object event;
            try {
                event = events.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(handle.get());
                throw new FinalFailure("interrupted while waiting for the model");
            }
            switch (event) {
                case null -> {
                    cancel(handle.get());
                    throw new FinalFailure(timedOut());
                }
                case PartialResponse p -> {
                    text.append(p.text() == null ? "" : p.text());
                    deliver(text, partial, delivered);
                }
                case ChatResponse r -> {
                    String full = r.aiMessage() != null && r.aiMessage().text() != null
                            ? r.aiMessage().text() : text.toString();
                    return reply(full, r.tokenUsage());
                }
                case Throwable t -> throw t instanceof RuntimeException re ? re : new RuntimeException(t);
                default -> throw new IllegalStateException("unexpected stream event " + event.getClass());
            }
        }
    }

    /** Hands the text so far to the consumer; holds back a reply that is becoming the abstain. */
    private static void deliver(StringBuilder text, Consumer<String> partial, AtomicBoolean delivered) {
        String soFar = text.toString().strip();
        if (soFar.isEmpty() || CitationChecker.ABSTAIN.startsWith(soFar) || CitationChecker.isAbstain(soFar)) {
            return;
        }
        try {
            partial.accept(text.toString());
            delivered.set(true);
        } catch (RuntimeException e) {
            log.warn("partial answer consumer failed: {}", e.toString());
        }
    }

    private static void cancel(StreamingHandle handle) {
        if (handle != null) {
            try {
                handle.cancel();
            } catch (RuntimeException e) {
                log.debug("could not cancel the stream: {}", e.getClass().getSimpleName());
            }
        }
    }

    private static Reply reply(String text, TokenUsage usage) {
        int in = usage == null || usage.inputTokenCount() == null ? -1 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? -1 : usage.outputTokenCount();
        return new Reply(text, in, out);
    }

    // ---- reasons ----------------------------------------------------------------------------------------------

    private static boolean isRetriable(Throwable t) {
        for (Throwable c : chain(t)) {
            if (c instanceof HttpException h) {
                return h.statusCode() == 429 || h.statusCode() >= 500;
            }
            if (c instanceof RateLimitException || c instanceof InternalServerException) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for the member and the log: status code, timeout, connection, JSON; never a response body. */
    private String reason(Throwable t) {
        List<Throwable> chain = chain(t);
        for (Throwable c : chain) {
            if (c instanceof HttpException h) {
                return httpReason(h.statusCode());
            }
        }
        for (Throwable c : chain) {
            if (c instanceof dev.langchain4j.exception.TimeoutException || c instanceof SocketTimeoutException
                    || (c instanceof HttpTimeoutException && !(c instanceof HttpConnectTimeoutException))
                    || c instanceof java.util.concurrent.TimeoutException) {
                return timedOut();
            }
            if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException
                    || c instanceof UnresolvedAddressException || c instanceof UnknownHostException
                    || c instanceof UnresolvedModelServerException) {
                return "could not connect to the model server at " + hostAndPort();
            }
            if (c instanceof JsonProcessingException) {
                return "model server returned malformed JSON";
            }
            if (c instanceof RateLimitException) {
                return httpReason(429);
            }
            if (c instanceof InternalServerException) {
                return "model server returned a server error";
            }
        }
        Throwable root = chain.getLast();
        return "model call failed (" + root.getClass().getSimpleName() + ")";
    }

    private static String httpReason(int status) {
        return switch (status) {
            case 401, 403 -> "model server refused the credentials (HTTP " + status + "): check model.api-key";
            case 404 -> "model server returned HTTP 404: check model.base-url and model.name";
            case 429 -> "model server is rate limiting (HTTP 429)";
            default -> "model server returned HTTP " + status;
        };
    }

    private String timedOut() {
        Duration d = settings.timeout();
        String human = d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        return "model timed out after " + human;
    }

    private String hostAndPort() {
        URI uri = URI.create(settings.effectiveBaseUrl());
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private String scrub(String reason) {
        String key = settings.apiKey();
        return key == null ? reason : reason.replace(key, "****");
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null && out.size() < 20 && !out.contains(c); c = c.getCause()) {
            out.add(c);
        }
        return out;
    }
}
