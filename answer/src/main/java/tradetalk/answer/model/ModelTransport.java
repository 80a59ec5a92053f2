package tradetalk.answer.model;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.ComposerException;

/**
 * Sends a chat request to the model, blocking or streaming, and returns the reply text with the token counts the
 * server reported.
 *
 * <p>HTTP 429 and 5xx ({@link ModelErrors#isRetriable}) are retried up to {@code model.max-retries} times with
 * Failsafe's exponential back-off (250 ms, then 500 ms, ..., jitter 20%); nothing else is retried, and a stream is
 * not retried once text has been delivered. (LangChain4j's own {@code maxRetries} is not used: its streaming clients
 * have none, and its blocking clients retry timeouts and refused connections too.) When streaming,
 * {@code model.timeout} also bounds the wait between two chunks. {@code model.deadline} bounds the whole call,
 * retries and back-off included: the wait here, and each request's connection ({@link LimitedHttpClient#within}).
 * Failures become a {@link ComposerException} whose message is a {@link ModelErrors} reason.
 */
public final class ModelTransport {

    private static final Logger log = LoggerFactory.getLogger(ModelTransport.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(8);

    /**
     * What the model replied.
     *
     * @param text      the reply text (may be null or blank)
     * @param tokensIn  prompt tokens as the server reported them, or null when it reported none
     * @param tokensOut completion tokens as the server reported them, or null when it reported none
     */
    public record Reply(String text, Integer tokensIn, Integer tokensOut) {}

    /** A failed attempt worth retrying (429, 5xx); carries only our reason, never the server's body. */
    private static final class RetriableFailure extends RuntimeException {
        RetriableFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Queued after a stream's last event (see {@link LimitedHttpClient#streaming}). */
    private enum StreamEnded {
        END
    }

    /** A failed attempt not worth retrying. */
    private static final class FinalFailure extends RuntimeException {
        FinalFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ModelSettings settings;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final ModelErrors errors;
    private final RetryPolicy<Reply> retry;

    /**
     * @param settings  timeout, retries, and what {@link ModelErrors} needs
     * @param chat      blocking client, used when {@code streaming} is null
     * @param streaming streaming client, or null
     */
    public ModelTransport(ModelSettings settings, ChatModel chat, StreamingChatModel streaming) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (chat == null && streaming == null) {
            throw new IllegalArgumentException("a chat model or a streaming chat model is required");
        }
        this.chat = chat;
        this.streaming = streaming;
        this.errors = new ModelErrors(settings);
        this.retry = RetryPolicy.<Reply>builder()
                .handle(RetriableFailure.class)
                .withMaxRetries(settings.maxRetries())
                .withMaxDuration(settings.deadline())
                .withBackoff(FIRST_RETRY_DELAY, MAX_RETRY_DELAY)
                .withJitter(0.2)
                .onRetry(e -> log.debug(
                        "model call failed ({}), retry {}", e.getLastException().getMessage(), e.getAttemptCount()))
                .build();
    }

    /**
     * Calls the model.
     *
     * @param partial receives the whole text so far each time it grows (streaming only), while it is not becoming
     *                the abstain phrase
     * @throws ComposerException when the call fails
     */
    public Reply call(ChatRequest request, Consumer<String> partial) {
        AtomicBoolean delivered = new AtomicBoolean();
        Instant deadline = Instant.now().plus(settings.deadline());
        try {
            return LimitedHttpClient.within(
                    deadline, () -> Failsafe.with(retry).get(() -> attempt(request, partial, delivered, deadline)));
        } catch (RetriableFailure | FinalFailure e) {
            throw new ComposerException(e.getMessage());
        } catch (RuntimeException e) {
            throw new ComposerException(errors.reason(e));
        }
    }

    private Reply attempt(ChatRequest request, Consumer<String> partial, AtomicBoolean delivered, Instant deadline) {
        if (!Instant.now().isBefore(deadline)) {
            throw new FinalFailure(errors.pastDeadline());
        }
        try {
            return streaming != null ? stream(request, partial, delivered, deadline) : block(request);
        } catch (RetriableFailure | FinalFailure e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = errors.reason(e);
            if (errors.isRetriable(e) && !delivered.get()) {
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

    private Reply stream(ChatRequest request, Consumer<String> partial, AtomicBoolean delivered, Instant deadline) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        LimitedHttpClient.streaming(
                () -> events.add(StreamEnded.END),
                () -> streaming.chat(request, new StreamingChatResponseHandler() {
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
                }));
        StringBuilder text = new StringBuilder();
        while (true) {
            Object event;
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                // checked at every event, not only when they stop: a stream that never pauses ends here too
                cancel(handle.get());
                throw new FinalFailure(errors.pastDeadline());
            }
            boolean lastWait = left <= settings.timeout().toMillis();
            try {
                event = events.poll(
                        Math.max(0, Math.min(left, settings.timeout().toMillis())), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(handle.get());
                throw new FinalFailure("interrupted while waiting for the model");
            }
            switch (event) {
                case null -> {
                    cancel(handle.get());
                    throw new FinalFailure(lastWait ? errors.pastDeadline() : errors.timedOut());
                }
                case PartialResponse p -> {
                    text.append(p.text() == null ? "" : p.text());
                    deliver(text, partial, delivered);
                }
                case ChatResponse r -> {
                    String full = r.aiMessage() != null && r.aiMessage().text() != null
                            ? r.aiMessage().text()
                            : text.toString();
                    return reply(full, r.tokenUsage());
                }
                case Throwable t -> throw t instanceof RuntimeException re ? re : new RuntimeException(t);
                case StreamEnded e ->
                    // the stream ended and the client did not complete: it found no answer it could read in it
                    throw new FinalFailure(
                            text.isEmpty()
                                    ? ModelErrors.unreadable()
                                    : "model server ended the reply before the answer was complete");
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
        return new Reply(
                text, usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount());
    }
}
