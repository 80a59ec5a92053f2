package tradetalk.answer.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Passes a stream's events on while each is a JSON object (or OpenAI's closing {@code [DONE]}); refuses the
 * stream as unreadable at the first that is not, or when it ends with none. Reports one error at most.
 */
final class CheckedStreamListener implements ServerSentEventListener {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ServerSentEventListener delegate;
    private final Supplier<RefusedReply> refusal;
    private final Consumer<RefusedReply> refuseAndClose;
    private final Runnable onEnd;
    private boolean finished;
    private int events;

    /**
     * @param delegate       the model client's listener
     * @param refusal        the request's refusal so far (deadline, size), or null
     * @param refuseAndClose refuses the request and closes its body
     * @param onEnd          run after the delegate has seen the whole stream ({@link LimitedHttpClient#streaming}),
     *                       or null
     */
    CheckedStreamListener(
            ServerSentEventListener delegate,
            Supplier<RefusedReply> refusal,
            Consumer<RefusedReply> refuseAndClose,
            Runnable onEnd) {
        this.delegate = delegate;
        this.refusal = refusal;
        this.refuseAndClose = refuseAndClose;
        this.onEnd = onEnd;
    }

    /** True when {@code body} is one JSON object and nothing after it. */
    static boolean isJsonObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** True when {@code data} is one JSON object and nothing after it. */
    static boolean isJsonObject(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    void open(SuccessfulHttpResponse response) {
        quietly(() -> delegate.onOpen(response));
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
        if (!admit(event)) {
            return;
        }
        quietly(() -> delegate.onEvent(event, context));
    }

    @Override
    public void onEvent(ServerSentEvent event) {
        if (!admit(event)) {
            return;
        }
        quietly(() -> delegate.onEvent(event));
    }

    private synchronized boolean admit(ServerSentEvent event) {
        if (finished) {
            return false;
        }
        String data = event.data();
        if (data == null || data.isBlank()) {
            return false;
        }
        if (!"[DONE]".equals(data.strip()) && !isJsonObject(data)) {
            RefusedReply unreadable = new RefusedReply(ModelErrors.unreadable());
            refuseAndClose.accept(unreadable);
            fail(unreadable);
            return false;
        }
        events++;
        return true;
    }

    @Override
    public void onError(Throwable error) {
        RefusedReply refused = refusal.get();
        fail(refused != null ? new UncheckedIOException(refused) : error);
    }

    @Override
    public void onClose() {
        // the client reports the end itself (finish), once the parser has returned
    }

    synchronized void finish() {
        if (finished) {
            return;
        }
        if (events == 0) {
            fail(new UncheckedIOException(new RefusedReply(ModelErrors.unreadable())));
            return;
        }
        finished = true;
        quietly(delegate::onClose);
        if (onEnd != null) {
            quietly(onEnd);
        }
    }

    private synchronized void fail(Throwable error) {
        if (finished) {
            return;
        }
        finished = true;
        quietly(() -> delegate.onError(error));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // the model client's listener failing is its own affair, as in LangChain4j's clients
        }
    }
}
