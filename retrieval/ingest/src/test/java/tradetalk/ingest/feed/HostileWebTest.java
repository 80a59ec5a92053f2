package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static tradetalk.ingest.feed.Fixtures.SOYBEANS;
import static tradetalk.ingest.feed.Fixtures.TRUCE;
import static tradetalk.ingest.feed.Fixtures.page;
import static tradetalk.ingest.feed.Fixtures.rss;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.lucene.ArticleIndex;

/** Pages and feeds that misbehave: encodings we did not ask for, impossible dates, terminal escapes (issue 10). */
class HostileWebTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2019-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    LocalWeb web;
    ArticleIndex index;
    HttpFetcher http;

    @BeforeEach
    void setUp() throws Exception {
        web = new LocalWeb();
        index = ArticleIndex.open(
                tmp.resolve("index"), new CountingEmbedder(), new Chunker(60, 0), SearchSettings.defaults());
        http = new HttpFetcher(
                new FetchSettings("TradetalkBot/0.1 (test)", Duration.ofSeconds(5), 200_000, 3),
                HostPolicy.only(Set.of("127.0.0.1")),
                u -> {});
    }

    @AfterEach
    void tearDown() {
        index.close();
        web.close();
    }

    private FeedIngester ingester() {
        return new FeedIngester(
                http,
                new PageFetcher(http, new Robots(http)),
                index,
                FeedState.load(tmp.resolve("index").resolve(FeedState.FILE_NAME)),
                NOW);
    }

    private void encoded(String path, String encoding, byte[] body) {
        web.route(path, ex -> {
            ex.getResponseHeaders().add("Content-Encoding", encoding);
            LocalWeb.send(ex, 200, "text/html; charset=utf-8", body);
        });
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private ArticleMeta only() {
        assertThat(index.articles()).hasSize(1);
        return index.articles().getFirst();
    }

    @Test
    void given_a_server_that_gzips_a_page_anyway_when_ingested_then_the_page_is_decoded_not_indexed_as_garbage()
            throws Exception {
        encoded("/gz/truce", "gzip", gzip(page("Tariff truce extended", "Wire", "2019-11-26", TRUCE)));

        IngestReport r = ingester().ingestUrl(web.url("/gz/truce"));

        assertThat(r.added()).isEqualTo(1);
        ArticleMeta m = only();
        assertThat(m.title()).isEqualTo("Tariff truce extended");
        assertThat(m.source()).isEqualTo("Wire");
        assertThat(index.article(m.id()).orElseThrow().body())
                .startsWith(TRUCE.strip().substring(0, 40));
    }

    @Test
    void given_a_gzip_bomb_when_fetched_then_it_fails_at_the_size_limit() throws Exception {
        encoded("/gz/bomb", "gzip", gzip(" ".repeat(5_000_000)));

        IngestReport r = ingester().ingestUrl(web.url("/gz/bomb"));

        assertThat(r.added()).isZero();
        assertThat(r.rejected())
                .singleElement()
                .satisfies(x -> assertThat(x.reason()).endsWith("body larger than 200000 bytes once decoded (gzip)"));
    }

    @Test
    void given_a_page_in_an_encoding_we_cannot_decode_when_its_feed_is_refreshed_then_the_feed_text_is_indexed()
            throws Exception {
        encoded("/br/soy", "br", new byte[] {0x1b, 0x2a, 0x00, 0x7f, 0x01});
        web.feed("/wire.rss", "application/rss+xml", "\"v1\"", rss("Wire", new String[] {
            "soy-1", web.base() + "/br/soy", "China books soybean cargoes", SOYBEANS, "Tue, 26 Nov 2019 09:00:00 GMT"
        }));

        FeedRun run = ingester()
                .refresh(
                        new FeedSource(web.url("/wire.rss"), "Wire", Duration.ofMinutes(15), ""),
                        IngestProgress.none());

        assertThat(run.fromFeed()).isEqualTo(1);
        ArticleMeta m = only();
        assertThat(m.title()).isEqualTo("China books soybean cargoes");
        assertThat(index.article(m.id()).orElseThrow().body())
                .isEqualTo(tradetalk.ingest.parse.Texts.normalizeBody(SOYBEANS));
    }

    @Test
    void given_a_feed_item_and_page_dated_9999_when_refreshed_then_the_fetch_day_is_used_and_real_dates_are_kept()
            throws Exception {
        web.text(
                "/wire/future", "text/html; charset=utf-8", page("Tariff truce extended", "Wire", "9999-12-31", TRUCE));
        web.text(
                "/wire/soy",
                "text/html; charset=utf-8",
                page("China books soybean cargoes", "Wire", "0000-01-01", SOYBEANS));
        web.feed(
                "/wire.rss",
                "application/rss+xml",
                "\"v1\"",
                rss(
                        "Wire",
                        new String[] {
                            "f-1",
                            web.base() + "/wire/future",
                            "Tariff truce extended",
                            "Truce.",
                            "Fri, 31 Dec 9999 00:00:00 GMT"
                        },
                        new String[] {
                            "s-1",
                            web.base() + "/wire/soy",
                            "China books soybean cargoes",
                            "Soy.",
                            "Tue, 26 Nov 2019 09:00:00 GMT"
                        }));

        ingester()
                .refresh(
                        new FeedSource(web.url("/wire.rss"), "Wire", Duration.ofMinutes(15), ""),
                        IngestProgress.none());

        assertThat(index.articles())
                .extracting(ArticleMeta::title, ArticleMeta::publishedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Tariff truce extended", LocalDate.of(2019, 11, 27)),
                        org.assertj.core.groups.Tuple.tuple("China books soybean cargoes", LocalDate.of(2019, 11, 26)));
    }

    @Test
    void given_escape_sequences_in_a_page_title_and_site_name_when_ingested_then_none_is_stored() {
        web.text(
                "/esc",
                "text/html; charset=utf-8",
                page(
                        "Truce \u001B]0;pwned\u0007extended\u0007",
                        "Wire\u001B[31m Daily\u001B[0m",
                        "2019-11-26",
                        TRUCE.replace("truce", "truce\u001B[2J\u009B1m")));

        ingester().ingestUrl(web.url("/esc"));

        ArticleMeta m = only();
        assertThat(m.title()).isEqualTo("Truce extended");
        assertThat(m.source()).isEqualTo("Wire Daily");
        String body = index.article(m.id()).orElseThrow().body();
        assertThat(body)
                .doesNotContain("\u001B")
                .doesNotContain("[2J")
                .doesNotContain("\u009B")
                .contains("truce");
    }

    @Test
    void given_a_refused_connection_when_a_page_is_fetched_then_the_reason_says_so_in_words() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        URI gone = URI.create("http://127.0.0.1:" + port + "/feed.rss");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.get(gone, java.util.Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessage(gone + ": connection refused by 127.0.0.1:" + port);
    }
}
