package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest --feed} and {@code watch --once} against feeds served on 127.0.0.1. */
class FeedCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = """
            Negotiators from the United States and China agreed on Tuesday to extend their tariff truce by ninety \
            days, officials in both capitals said after two days of talks in Geneva. The extension keeps the lower \
            tariff rates in place while the two sides work on a broader agreement covering farm purchases, export \
            controls on advanced chips and market access for financial firms.""";

    @TempDir
    Path tmp;

    HttpServer server;
    final Map<String, String[]> routes = new ConcurrentHashMap<>(); // path -> {content type, body}
    final List<String> hosts = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        routes.put("/story", new String[] {"text/html; charset=utf-8", """
                <html><head><title>Tariff truce extended</title><meta property="og:site_name" content="Wire">
                <meta property="article:published_time" content="2025-05-13"></head>
                <body><article><h1>Tariff truce extended</h1><p>%s</p></article></body></html>""".formatted(STORY)});
        routes.put("/wire.rss", new String[] {"application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>%1$s/</link><description>d</description>
                <item><guid>w1</guid><link>%1$s/story?utm_source=rss</link><title>Tariff truce extended</title>
                <description>Truce.</description><pubDate>Tue, 13 May 2025 09:00:00 GMT</pubDate></item>
                <item><guid>w2</guid><link>http://elsewhere.example.net/x</link><title>Elsewhere on tariffs</title>
                <description>A summary long enough to be indexed on its own when the page itself is not fetched, \
                about tariffs on steel and aluminium between the two countries.</description>
                <pubDate>Tue, 13 May 2025 09:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(base())});
    }

    private void serve(HttpExchange ex) throws IOException {
        hosts.add(ex.getRequestHeaders().getFirst("Host"));
        paths.add(ex.getRequestURI().getPath());
        String[] r = routes.get(ex.getRequestURI().getPath());
        byte[] body = (r == null ? "not found" : r[1]).getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(new String(body, StandardCharsets.UTF_8).hashCode()) + "\"";
        if (r != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("Content-Type", r == null ? "text/plain" : r[0]);
        ex.getResponseHeaders().add("ETag", etag);
        ex.sendResponseHeaders(r == null ? 404 : 200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        assertThat(hosts).allSatisfy(h -> assertThat(h).startsWith("127.0.0.1:"));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static final Map<String, String> LOOPBACK_ONLY = Map.of("TRADETALK_FEEDS_ALLOW_HOSTS", "127.0.0.1");

    private String index() {
        return tmp.resolve("index").toString();
    }

    @Test
    void given_neither_paths_nor_feeds_when_ingesting_then_it_says_what_to_give() {
        CliRun r = CliRun.run("ingest", "--index", index());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err())
                .contains("nothing to ingest: give files or directories (PATH), or --feed URL")
                .doesNotContain("Exception");
    }

    @Test
    void given_a_feed_when_ingested_twice_then_items_go_in_once_and_the_second_run_is_a_304() throws IOException {
        CliRun first =
                CliRun.run(LOOPBACK_ONLY, "", "ingest", "--json", "--index", index(), "--feed", base() + "/wire.rss");
        CliRun second =
                CliRun.run(LOOPBACK_ONLY, "", "ingest", "--json", "--index", index(), "--feed", base() + "/wire.rss");

        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode a = JSON.readTree(first.out());
        assertThat(a.get("added").asInt()).isEqualTo(2);
        assertThat(a.get("articles_in_index").asInt()).isEqualTo(2);
        assertThat(a.get("feeds").get(0).get("from_feed_text").asInt())
                .as("the non-loopback item")
                .isEqualTo(1);
        JsonNode b = JSON.readTree(second.out());
        assertThat(b.get("added").asInt()).isZero();
        assertThat(b.get("feeds").get(0).get("not_modified").asBoolean()).isTrue();
        assertThat(paths.stream().filter("/story"::equals).count()).isEqualTo(1);
        assertThat(Files.exists(tmp.resolve("index").resolve("feeds-state.json")))
                .isTrue();
    }

    @Test
    void given_configured_feeds_one_broken_when_watching_once_then_the_good_one_is_ingested_and_exit_is_3()
            throws IOException {
        Path config = tmp.resolve("tradetalk.yml");
        Files.writeString(config, """
                feeds:
                  allow-hosts: [127.0.0.1]
                  sources:
                    - url: %1$s/missing.rss
                      name: Broken outlet
                    - url: %1$s/wire.rss
                      name: Wire
                      interval: 15m
                      keep: tariff
                """.formatted(base()));

        CliRun r = CliRun.run(Map.of(), "", "watch", "--once", "--config", config.toString(), "--index", index());

        assertThat(r.exit()).as(r.err()).isEqualTo(Cli.PARTIAL);
        assertThat(r.out())
                .contains("Feed Broken outlet: failed: feed Broken outlet")
                .contains("HTTP 404")
                .contains("Feed Wire: 2 items");
    }

    @Test
    void given_a_feed_that_fails_when_ingesting_it_once_then_the_failure_is_reported_once() {
        CliRun r = CliRun.run(LOOPBACK_ONLY, "", "ingest", "--index", index(), "--feed", base() + "/missing.rss");

        assertThat(r.exit()).isEqualTo(Cli.PARTIAL);
        String all = r.out() + r.err();
        assertThat(all.split("HTTP 404", -1)).as(all).hasSize(2); // the reason appears exactly once
        assertThat(r.out()).contains("Feed 127.0.0.1: failed:").contains("Rejected 1 input(s)");
        assertThat(r.err()).doesNotContain("skipped");
    }

    @Test
    void given_a_teaser_too_short_to_be_an_article_when_ingesting_then_it_is_skipped_and_the_exit_code_is_0()
            throws IOException {
        routes.put("/teasers.rss", new String[] {"application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Teasers</title><link>%1$s/</link><description>d</description>
                <item><guid>t1</guid><link>%1$s/gone</link><title>Markets wobble</title>
                <description>Stocks fell on Tuesday as traders weighed the latest tariff news.</description>
                <pubDate>Tue, 13 May 2025 09:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(base())});

        CliRun json = CliRun.run(
                LOOPBACK_ONLY, "", "ingest", "--json", "--index", index(), "--feed", base() + "/teasers.rss");

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode feed = JSON.readTree(json.out()).get("feeds").get(0);
        assertThat(feed.get("rejected")).isEmpty();
        assertThat(feed.get("skipped")).hasSize(1);
        assertThat(feed.get("skipped").get(0).get("reason").asText()).contains("too short");
        assertThat(JSON.readTree(json.out()).get("rejected")).isEmpty();
    }

    @Test
    void given_no_configured_feeds_when_watching_then_it_says_how_to_configure_them() {
        CliRun r = CliRun.run("watch", "--once", "--index", index());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("no feeds configured: add feeds.sources to the config file");
    }
}
