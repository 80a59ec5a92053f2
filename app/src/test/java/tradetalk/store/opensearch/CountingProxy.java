package tradetalk.store.opensearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP proxy in front of one OpenSearch node that records every request it forwards ({@code POST
 * /_msearch}): what a store sends the cluster, counted, without touching the store's client. It can also rewrite the
 * responses to one path, to give the store an answer the cluster would give only when it is in trouble.
 */
final class CountingProxy implements AutoCloseable {

    private final URI target;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> requests = new ArrayList<>();
    private final Map<String, UnaryOperator<byte[]>> rewrites = new ConcurrentHashMap<>();

    private CountingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(pool);
        server.start();
    }

    /** A proxy to the node at {@code target}, started. */
    static CountingProxy to(URI target) throws IOException {
        return new CountingProxy(target);
    }

    /** The URL to give the store instead of the node's. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests forwarded since the last {@link #reset}, as {@code METHOD /path}, in order. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized void reset() {
        requests.clear();
    }

    /** From now on the response bodies to requests for {@code path} pass through {@code f}; null stops it. */
    void rewrite(String path, UnaryOperator<byte[]> f) {
        if (f == null) {
            rewrites.remove(path);
        } else {
            rewrites.put(path, f);
        }
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            URI u = ex.getRequestURI();
            synchronized (this) {
                requests.add(ex.getRequestMethod() + " " + u.getPath());
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(
                            target.resolve(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())))
                    .method(
                            ex.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers()
                    .firstValue("Content-Type")
                    .ifPresent(t -> ex.getResponseHeaders().set("Content-Type", t));
            byte[] answer = rewrites.getOrDefault(u.getPath(), x -> x).apply(r.body());
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(r.statusCode(), head || answer.length == 0 ? -1 : answer.length);
            if (!head && answer.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        http.close();
    }
}
