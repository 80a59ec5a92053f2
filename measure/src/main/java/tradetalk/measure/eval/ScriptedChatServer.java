package tradetalk.measure.eval;

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
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An OpenAI-compatible chat server on 127.0.0.1 that replies with scripted texts, in order: what the support-check
 * evaluation puts its labelled model answers through, so they travel the real path (prompt, HTTP, LangChain4j's
 * streaming client, citation and support checks). Streams word by word when asked, and reports no usage.
 */
public final class ScriptedChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Deque<String> replies = new ConcurrentLinkedDeque<>();

    private ScriptedChatServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of the loopback address. */
    public static ScriptedChatServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ScriptedChatServer s = new ScriptedChatServer(http);
        http.createContext("/", s::handle);
        http.start();
        return s;
    }

    /** The base URL for {@code model.base-url}, e.g. http://127.0.0.1:41234/v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues the next reply. */
    public void enqueue(String reply) {
        replies.add(reply);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            String reply = replies.poll();
            if (reply == null) {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            String model = body.path("model").asText("scripted");
            if (!body.path("stream").asBoolean(false)) {
                ObjectNode root = root(model, "chat.completion");
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", reply);
                byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String word : reply.split("(?<= )")) {
                ObjectNode chunk = root(model, "chat.completion.chunk");
                ObjectNode choice = chunk.putArray("choices").addObject();
                choice.put("index", 0).putNull("finish_reason");
                choice.putObject("delta").put("content", word);
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            ObjectNode end = root(model, "chat.completion.chunk");
            ObjectNode choice = end.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("delta");
            out.write(("data: " + end + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode root(String model, String object) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "scripted")
                .put("object", object)
                .put("created", 1_700_000_000L)
                .put("model", model);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
