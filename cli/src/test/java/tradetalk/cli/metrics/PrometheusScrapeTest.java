package tradetalk.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.ops.ScriptedBot;
import tradetalk.ingest.feed.IngestProgress;

/**
 * The metrics endpoint scraped by a real Prometheus server (Debian's {@code prometheus}): after a scripted run of
 * Discord questions through the real JDA client and a refresh of one working and one broken feed, Prometheus's own
 * query API shows every product metric with the counts the run implies. On CI ({@code CI=true}) a missing
 * {@code prometheus} binary fails the test; elsewhere it is skipped.
 */
class PrometheusScrapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    @TempDir
    Path home;

    private ScriptedBot run;
    private HttpServer feeds;
    private Process prometheus;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (run != null) {
            run.close();
        }
        if (feeds != null) {
            feeds.stop(0);
        }
    }

    @Test
    @DisplayName("a real Prometheus scraping the bot sees every metric with the counts of a scripted run")
    void prometheus_sees_every_metric_after_a_scripted_run() throws Exception {
        if (!Files.isExecutable(PROMETHEUS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("prometheus is not installed (.ci/run installs Debian's package prometheus)");
            }
            Assumptions.abort("prometheus is not installed: apt-get install prometheus");
        }
        startFeeds();
        String feedsYaml =
                """
                feeds:
                  allow-hosts: [127.0.0.1]
                  sources:
                    - url: %1$s/wire.rss
                      name: wire
                    - url: %1$s/gone.rss
                      name: gone
                metrics:
                  enabled: true
                  port: 0
                """.formatted("http://127.0.0.1:" + feeds.getAddress().getPort());
        int rateLimited = 7; // the questions below that count against the guild's budget
        run = new ScriptedBot(home, feedsYaml, rateLimited, false, Clock.systemUTC());

        run.ask("What did Liu He discuss with Mnuchin and Lighthizer?"); // answered by the model
        run.ask("Who won the 2018 football World Cup final in Moscow?"); // declined by the model
        run.modelDown.set(true);
        run.ask("What did Trump say about Hong Kong?"); // the model fails: answered offline
        run.modelDown.set(false);
        run.storeDown.set(true);
        run.ask("What did the commerce ministry say about soybeans?"); // fails
        run.storeDown.set(false);
        run.mention("What did Liu He discuss with Mnuchin?"); // a mention, answered by the model
        run.command("status", Map.of());
        run.command("summary", Map.of("topic", "trade talks"));
        var refused = run.discord.sendSlashCommand(run.discord.normalUser(), "ask", Map.of("question", "One more?"));
        run.discord.awaitRequest("POST", refused.callbackPath(), ScriptedBot.TIMEOUT);
        run.graph.feedRefresher().refreshAll(IngestProgress.none());
        long articles = run.graph.index().articleCount();

        int port = run.graph.startMetrics().port();
        int promPort = freePort();
        startPrometheus(port, promPort);

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("tradetalk_questions_total{command=\"ask\",outcome=\"answered\"}", 2.0);
        expected.put("tradetalk_questions_total{command=\"ask\",outcome=\"declined\"}", 1.0);
        expected.put("tradetalk_questions_total{command=\"ask\",outcome=\"failed\"}", 1.0);
        expected.put("tradetalk_questions_total{command=\"mention\",outcome=\"answered\"}", 1.0);
        expected.put("sum(tradetalk_questions_total{command=\"status\"})", 1.0);
        expected.put("sum(tradetalk_questions_total{command=\"summary\"})", 1.0);
        expected.put("tradetalk_answer_seconds_count{command=\"ask\"}", 3.0);
        expected.put("count(tradetalk_answer_seconds_bucket{command=\"ask\"}) > bool 10", 1.0);
        expected.put("tradetalk_answer_seconds_bucket{command=\"ask\",le=\"+Inf\"}", 3.0);
        expected.put("tradetalk_model_calls_total{command=\"ask\",result=\"ok\"}", 2.0);
        expected.put("tradetalk_model_calls_total{command=\"ask\",result=\"failed\"}", 1.0);
        expected.put("tradetalk_model_calls_total{command=\"mention\",result=\"ok\"}", 1.0);
        expected.put("tradetalk_model_fallbacks_total{command=\"ask\"}", 1.0);
        expected.put("tradetalk_model_tokens_total{direction=\"in\"}", 3.0 * ScriptedBot.TOKENS_IN);
        expected.put("tradetalk_model_tokens_total{direction=\"out\"}", 3.0 * ScriptedBot.TOKENS_OUT);
        expected.put("tradetalk_feed_refreshes_total{feed=\"wire\",result=\"ok\"}", 1.0);
        expected.put("tradetalk_feed_refreshes_total{feed=\"gone\",result=\"failed\"}", 1.0);
        expected.put("tradetalk_feed_failures_total{feed=\"gone\"}", 1.0);
        expected.put("tradetalk_feed_failures_total{feed=\"wire\"}", 0.0);
        expected.put("tradetalk_index_articles", (double) articles);
        expected.put("tradetalk_gateway_connected{shard=\"0\"}", 1.0);
        expected.put("tradetalk_rate_limited_total{scope=\"guild\"}", 1.0);
        expected.put("tradetalk_rate_limited_total{scope=\"user\"}", 0.0);

        Map<String, Double> seen = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String q : expected.keySet()) {
                        seen.put(q, query(promPort, q));
                    }
                    assertThat(seen).isEqualTo(expected);
                });
        assertThat(articles).isGreaterThan(3); // the seeds and the working feed's story
        assertThat(query(promPort, "up{job=\"tradetalk\"}")).isEqualTo(1.0);
    }

    /** The value of an instant query with one series, or NaN when it has none. */
    private double query(int promPort, String promql) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + promPort + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode result = JSON.readTree(r.body()).path("data").path("result");
        assertThat(result.size()).as("series of %s: %s", promql, r.body()).isLessThanOrEqualTo(1);
        return result.isEmpty()
                ? Double.NaN
                : result.get(0).path("value").get(1).asDouble();
    }

    private void startPrometheus(int targetPort, int promPort) throws IOException {
        Path dir = Files.createDirectories(home.resolve("prometheus"));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: tradetalk
                    scrape_interval: 1s
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(targetPort));
        prometheus = new ProcessBuilder(
                        PROMETHEUS.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort + "/-/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    private void startFeeds() throws IOException {
        String base = "http://127.0.0.1:%d";
        feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String story = """
                <html><head><title>Tariff truce extended</title><meta property="og:site_name" content="Wire">
                <meta property="article:published_time" content="2025-05-13"></head>
                <body><article><h1>Tariff truce extended</h1><p>Negotiators from the United States and China agreed \
                on Tuesday to extend their tariff truce by ninety days, officials in both capitals said after two days \
                of talks in Geneva. The extension keeps the lower tariff rates in place while the two sides work on a \
                broader agreement covering farm purchases, export controls on advanced chips and market access for \
                financial firms.</p></article></body></html>""";
        feeds.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String b = base.formatted(feeds.getAddress().getPort());
            String body = switch (path) {
                case "/wire.rss" -> """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0"><channel><title>Wire</title><link>%1$s/</link><description>d</description>
                        <item><guid>w1</guid><link>%1$s/story</link><title>Tariff truce extended</title>
                        <description>Truce.</description><pubDate>Tue, 13 May 2025 09:00:00 GMT</pubDate></item>
                        </channel></rss>""".formatted(b);
                case "/story" -> story;
                default -> null;
            };
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", path.endsWith(".rss") ? "application/rss+xml" : "text/html");
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        feeds.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
