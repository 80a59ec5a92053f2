package tradetalk.cli.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.cli.config.MetricsConfig;

/**
 * The Prometheus endpoint: a Micrometer {@link PrometheusMeterRegistry} (the product's meters and the JVM's) served
 * by the JDK's HTTP server on {@code metrics.host:metrics.port}{@code metrics.path}, the registry's own scrape text.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    /** The Prometheus text format that {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final BotMetrics meters;
    private final HttpServer server;
    private final ExecutorService executor;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private MetricsServer(PrometheusMeterRegistry registry, HttpServer server, ExecutorService executor) {
        this.registry = registry;
        this.meters = new BotMetrics(registry);
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, or not this machine's); the message
     *                              names the keys
     */
    public static MetricsServer start(MetricsConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve metrics on " + config.host() + ":" + config.port() + " (metrics.host, metrics.port): "
                            + e.getMessage(),
                    e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("metrics-http").factory());
        MetricsServer s = new MetricsServer(registry, http, executor);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        s.gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        http.createContext(config.path(), s::serve);
        http.setExecutor(executor);
        http.start();
        log.info("Metrics for Prometheus at http://{}:{}{}", config.host(), s.port(), config.path());
        return s;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The port it listens on (the chosen one when {@code metrics.port} is 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The product's meters, to hand to the edges that report. */
    public BotMetrics meters() {
        return meters;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        gc.close();
        registry.close();
    }
}
