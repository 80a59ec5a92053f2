package tradetalk.answer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable model server on 127.0.0.1 for tests of the real LangChain4j clients. It speaks
 * <ul>
 *   <li>OpenAI {@code POST /v1/chat/completions}: JSON, or with {@code "stream": true} server-sent events
 *       ({@code data: {...}} chunks, a usage chunk, {@code data: [DONE]});</li>
 *   <li>Ollama {@code POST /api/chat}: JSON, or with {@code "stream": true} (Ollama's default) NDJSON lines.</li>
 * </ul>
 * Each request takes the next queued {@link Script} ({@link #enqueue}), or the standing one ({@link #always}) when
 * the queue is empty, and is recorded (path, headers, JSON body).
 */
public final class FakeModelServer implements AutoCloseable {

    /** What the server does with one request. */
    public sealed interface Script {}

    /** Answers {@code text}, streamed as {@code chunks} when the client asks for a stream. */
    public record Answer(String text, List<String> chunks, int tokensIn, int tokensOut) implements Script {}

    /** Fails with HTTP {@code status}; when {@code echoAuthorization}, the body repeats the Authorization header. */
    public record Fail(int status, boolean echoAuthorization) implements Script {}

    /** Waits {@code delay} before the response headers ({@code midStream} false) or after the first chunk. */
    public record Stall(Duration delay, boolean midStream) implements Script {}

    /** Answers 200 with a body (or stream chunk) that is not JSON. */
    public record Malformed() implements Script {}

    /**
     * Answers 200 at once, then keeps sending a little every {@code every}, forever (until the client goes away):
     * blank padding inside a JSON body that never closes, or, when streaming, one more token per chunk.
     */
    public record Trickle(Duration every) implements Script {}

    /** Answers 200 with a reply of about {@code bytes} bytes: one long message, or, when streaming, many chunks. */
    public record Huge(long bytes) implements Script {}

    /** Answers 200 with {@code body} as it is, to a blocking or a streaming request alike. */
    public record Raw(String contentType, String body) implements Script {}

    /** One recorded request. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        /** The content of the message with {@code role} ("system", "user"). */
        public String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (role.equals(m.path("role").asText())) {
                    return m.path("content").asText();
                }
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Deque<Script> queue = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
    private volatile Script standing = answer("Standing answer [1].");

    private FakeModelServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FakeModelServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeModelServer fake = new FakeModelServer(http);
            http.setExecutor(fake.executor);
            http.createContext("/", fake::handle);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- scripts ----------------------------------------------------------------------------------------------

    /** Answers {@code text}; streamed word by word; reports 42 prompt tokens and 7 completion tokens. */
    public static Answer answer(String text) {
        return new Answer(text, List.of(text.split("(?<= )")), 42, 7);
    }

    /** Answers {@code text} like {@link #answer(String)}, but reports no token usage at all. */
    public static Answer answerWithoutUsage(String text) {
        return new Answer(text, List.of(text.split("(?<= )")), -1, -1);
    }

    /** Answers with an empty message content. */
    public static Answer empty() {
        return new Answer("", List.of(), 42, 0);
    }

    /** Fails with HTTP {@code status} and an error body. */
    public static Fail fail(int status) {
        return new Fail(status, false);
    }

    /** Fails with HTTP {@code status}, the body echoing the request's Authorization header (a careless server). */
    public static Fail failEchoingAuthorization(int status) {
        return new Fail(status, true);
    }

    /** Sends nothing for {@code delay}. */
    public static Stall stall(Duration delay) {
        return new Stall(delay, false);
    }

    /** Sends the headers and a first chunk, then nothing for {@code delay}. */
    public static Stall stallMidStream(Duration delay) {
        return new Stall(delay, true);
    }

    /** Answers with a body that is not JSON. */
    public static Malformed malformed() {
        return new Malformed();
    }

    /** Sends the headers, then a little every {@code every} for as long as the client reads. */
    public static Trickle trickle(Duration every) {
        return new Trickle(every);
    }

    /** Sends a well-formed reply of about {@code bytes} bytes. */
    public static Huge huge(long bytes) {
        return new Huge(bytes);
    }

    /** Sends 200 and {@code body}, labelled as JSON, whatever the client asked for. */
    public static Raw raw(String body) {
        return new Raw("application/json", body);
    }

    /** How many bytes the server has written in reply bodies so far. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Queues scripts for the next requests, in order. */
    public FakeModelServer enqueue(Script... scripts) {
        queue.addAll(List.of(scripts));
        return this;
    }

    /** The script for requests when the queue is empty. */
    public FakeModelServer always(Script script) {
        this.standing = script;
        return this;
    }

    /** Base URL for OpenAI-compatible clients. */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Base URL for Ollama clients. */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far, in arrival order. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The last request. */
    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the fake model server received no request");
        }
        return requests.getLast();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving ----------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            String path = ex.getRequestURI().getPath();
            requests.add(new Recorded(ex.getRequestMethod(), path, headers, body));

            boolean openAi = path.equals("/v1/chat/completions");
            boolean ollama = path.equals("/api/chat");
            if (!openAi && !ollama) {
                send(ex, 404, "application/json", "{\"error\":\"no route " + path + "\"}");
                return;
            }
            // Ollama streams unless told not to; OpenAI streams only when asked
            boolean stream = openAi
                    ? body.path("stream").asBoolean(false)
                    : body.path("stream").asBoolean(true);
            String model = body.path("model").asText("unknown");
            Script script = queue.isEmpty() ? standing : queue.poll();
            script = script == null ? standing : script;

            switch (script) {
                case Fail f -> {
                    String detail = f.echoAuthorization()
                            ? "bad request from " + ex.getRequestHeaders().getFirst("Authorization")
                            : "scripted failure " + f.status();
                    String json = openAi
                            ? "{\"error\":{\"message\":" + quote(detail) + ",\"type\":\"server_error\"}}"
                            : "{\"error\":" + quote(detail) + "}";
                    send(ex, f.status(), "application/json", json);
                }
                case Malformed m -> {
                    if (stream && openAi) {
                        startStream(ex, "text/event-stream");
                        write(ex.getResponseBody(), "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"\n\n");
                        write(ex.getResponseBody(), "data: [DONE]\n\n");
                    } else if (stream) {
                        startStream(ex, "application/x-ndjson");
                        write(ex.getResponseBody(), "{\"model\": \"" + model + "\", \"message\": {\n");
                    } else {
                        send(ex, 200, "application/json", "{\"id\": \"x\", \"choices\": [ {\"message\": ");
                    }
                }
                case Stall s
                when !s.midStream() || !stream -> {
                    awaitClose(s.delay());
                    sendAnswer(ex, openAi, stream, model, answer("Too late [1]."));
                }
                case Stall s -> {
                    Answer a = answer("Started [1]. Then stalled.");
                    if (openAi) {
                        startStream(ex, "text/event-stream");
                        write(
                                ex.getResponseBody(),
                                "data: " + openAiChunk(model, a.chunks().getFirst()) + "\n\n");
                    } else {
                        startStream(ex, "application/x-ndjson");
                        write(
                                ex.getResponseBody(),
                                ollamaChunk(model, a.chunks().getFirst(), false, a) + "\n");
                    }
                    awaitClose(s.delay());
                }
                case Trickle t -> trickle(ex, openAi, stream, model, t.every());
                case Huge h -> huge(ex, openAi, stream, model, h.bytes());
                case Raw r -> send(ex, 200, r.contentType(), r.body());
                case Answer a -> sendAnswer(ex, openAi, stream, model, a);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (timeouts): nothing to do
        }
    }

    private void sendAnswer(HttpExchange ex, boolean openAi, boolean stream, String model, Answer a)
            throws IOException {
        if (openAi && !stream) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-fake")
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000L)
                    .put("model", model);
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", a.text());
            if (a.tokensIn() >= 0) {
                root.putObject("usage")
                        .put("prompt_tokens", a.tokensIn())
                        .put("completion_tokens", a.tokensOut())
                        .put("total_tokens", a.tokensIn() + a.tokensOut());
            }
            send(ex, 200, "application/json", root.toString());
        } else if (openAi) {
            startStream(ex, "text/event-stream");
            OutputStream out = ex.getResponseBody();
            write(out, "data: " + openAiRoleChunk(model) + "\n\n");
            for (String chunk : a.chunks()) {
                write(out, "data: " + openAiChunk(model, chunk) + "\n\n");
            }
            write(out, "data: " + openAiFinishChunk(model) + "\n\n");
            if (a.tokensIn() >= 0) {
                write(out, "data: " + openAiUsageChunk(model, a) + "\n\n");
            }
            write(out, "data: [DONE]\n\n");
        } else if (!stream) {
            send(ex, 200, "application/json", ollamaChunk(model, a.text(), true, a));
        } else {
            startStream(ex, "application/x-ndjson");
            OutputStream out = ex.getResponseBody();
            for (String chunk : a.chunks()) {
                write(out, ollamaChunk(model, chunk, false, a) + "\n");
            }
            write(out, ollamaChunk(model, "", true, a) + "\n");
        }
    }

    private void trickle(HttpExchange ex, boolean openAi, boolean stream, String model, Duration every)
            throws IOException {
        startStream(ex, stream ? (openAi ? "text/event-stream" : "application/x-ndjson") : "application/json");
        OutputStream out = ex.getResponseBody();
        Answer a = answer("more ");
        if (!stream) {
            write(out, openAi ? "{\"id\": \"chatcmpl-fake\", \"choices\": [" : "{\"model\": \"" + model + "\",");
        } else if (openAi) {
            write(out, "data: " + openAiRoleChunk(model) + "\n\n");
        }
        while (closed.getCount() > 0) {
            if (!stream) {
                write(out, " ");
            } else if (openAi) {
                write(out, "data: " + openAiChunk(model, "more ") + "\n\n");
            } else {
                write(out, ollamaChunk(model, "more ", false, a) + "\n");
            }
            awaitClose(every);
        }
    }

    private void huge(HttpExchange ex, boolean openAi, boolean stream, String model, long bytes) throws IOException {
        startStream(ex, stream ? (openAi ? "text/event-stream" : "application/x-ndjson") : "application/json");
        OutputStream out = ex.getResponseBody();
        String word = "a".repeat(8191) + " ";
        Answer a = answer(word);
        if (!stream) {
            write(
                    out,
                    openAi
                            ? "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"model\":\"" + model
                                    + "\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":"
                                    + "\"assistant\",\"content\":\""
                            : "{\"model\":\"" + model
                                    + "\",\"done\":true,\"message\":{\"role\":\"assistant\",\"content\":\"");
            for (long sent = 0; sent < bytes; sent += word.length()) {
                write(out, word);
            }
            write(out, "\"}}" + (openAi ? "]}" : ""));
        } else {
            for (long sent = 0; sent < bytes; sent += word.length()) {
                write(
                        out,
                        openAi
                                ? "data: " + openAiChunk(model, word) + "\n\n"
                                : ollamaChunk(model, word, false, a) + "\n");
            }
            write(
                    out,
                    openAi
                            ? "data: " + openAiFinishChunk(model) + "\n\ndata: [DONE]\n\n"
                            : ollamaChunk(model, "", true, a) + "\n");
        }
    }

    private static String openAiRoleChunk(String model) {
        ObjectNode root = chunkRoot(model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).putNull("finish_reason");
        choice.putObject("delta").put("role", "assistant").put("content", "");
        return root.toString();
    }

    private static String openAiChunk(String model, String content) {
        ObjectNode root = chunkRoot(model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).putNull("finish_reason");
        choice.putObject("delta").put("content", content);
        return root.toString();
    }

    private static String openAiFinishChunk(String model) {
        ObjectNode root = chunkRoot(model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("delta");
        return root.toString();
    }

    private static String openAiUsageChunk(String model, Answer a) {
        ObjectNode root = chunkRoot(model);
        root.putArray("choices");
        root.putObject("usage")
                .put("prompt_tokens", a.tokensIn())
                .put("completion_tokens", a.tokensOut())
                .put("total_tokens", a.tokensIn() + a.tokensOut());
        return root.toString();
    }

    private static ObjectNode chunkRoot(String model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L)
                .put("model", model);
        return root;
    }

    private static String ollamaChunk(String model, String content, boolean done, Answer a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model).put("created_at", "2024-01-01T00:00:00.000000Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", done);
        if (done) {
            root.put("done_reason", "stop")
                    .put("prompt_eval_count", a.tokensIn())
                    .put("eval_count", a.tokensOut());
        }
        return root.toString();
    }

    private void awaitClose(Duration delay) {
        try {
            closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        bytesSent.addAndGet(bytes.length);
    }

    private static void startStream(HttpExchange ex, String type) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
    }

    private void write(OutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
