package tradetalk.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small web on 127.0.0.1 for tests (JDK HttpServer): routes by path, records every request (path, headers), and
 * answers 404 for unknown paths. Routes can be replaced while running.
 */
final class LocalWeb implements AutoCloseable {

    /** A request the server received. */
    record Hit(String path, String ifNoneMatch, String userAgent) {}

    @FunctionalInterface
    interface Route {
        void handle(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    /** Released at close so that a deliberately slow handler ends. */
    final CountDownLatch release = new CountDownLatch(1);

    LocalWeb() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + ex.getRequestURI().getRawQuery());
            hits.add(new Hit(
                    path,
                    ex.getRequestHeaders().getFirst("If-None-Match"),
                    ex.getRequestHeaders().getFirst("User-Agent")));
            Route r = routes.get(ex.getRequestURI().getRawPath());
            try {
                if (r == null) {
                    send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    r.handle(ex);
                }
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    /** http://127.0.0.1:PORT + path */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void route(String path, Route r) {
        routes.put(path, r);
    }

    void text(String path, String contentType, String body) {
        route(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    void bytes(String path, String contentType, String body, Charset cs) {
        route(path, ex -> send(ex, 200, contentType, body.getBytes(cs)));
    }

    /** A feed that answers 304 when the client sends the current ETag. */
    void feed(String path, String contentType, String etag, String body) {
        route(path, ex -> {
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", etag);
            send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
        });
    }

    void redirect(String path, int status, String location) {
        route(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(status, -1);
        });
    }

    /** Sends headers, then waits until the test ends before sending the body. */
    void slow(String path) {
        route(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A slow server: waits {@code delay} (or until the test ends) before answering a redirect to location. */
    void slowRedirect(String path, java.time.Duration delay, String location) {
        route(path, ex -> {
            try {
                release.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
        });
    }

    /** Answers {@code body} only once {@code gate} is opened by the test (or the test ends). */
    void gated(String path, CountDownLatch gate, String contentType, String body) {
        route(path, ex -> {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
        });
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    long count(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
