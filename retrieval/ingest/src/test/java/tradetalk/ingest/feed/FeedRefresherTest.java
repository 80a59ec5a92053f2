package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.lucene.ArticleIndex;

class FeedRefresherTest {

    private static final String DATE = "Tue, 13 May 2025 09:00:00 GMT";

    @TempDir
    Path tmp;

    LocalWeb web;
    ArticleIndex index;
    FeedIngester ingester;
    FeedSource good;
    FeedSource broken;

    @BeforeEach
    void setUp() throws Exception {
        web = new LocalWeb();
        index = ArticleIndex.open(
                tmp.resolve("index"), new CountingEmbedder(), new Chunker(60, 0), SearchSettings.defaults());
        HttpFetcher http = new HttpFetcher(
                new FetchSettings("TradetalkBot/0.1 (test)", Duration.ofSeconds(5), 200_000, 3),
                HostPolicy.only(Set.of("127.0.0.1")),
                u -> {});
        ingester = new FeedIngester(
                http,
                new PageFetcher(http, new Robots(http)),
                index,
                FeedState.load(tmp.resolve("index").resolve(FeedState.FILE_NAME)));
        web.text("/a", "text/html", Fixtures.page("Truce", "Wire", "2025-05-13", Fixtures.TRUCE));
        web.feed("/good.rss", "application/rss+xml", "\"g\"", Fixtures.rss("Good", new String[] {
            "g1", web.base() + "/a", "Truce", "Truce.", DATE
        }));
        web.route("/broken.rss", ex -> LocalWeb.send(ex, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        broken = new FeedSource(web.url("/broken.rss"), "Broken feed", Duration.ofMinutes(5), "");
        good = new FeedSource(web.url("/good.rss"), "Good feed", Duration.ofMinutes(5), "");
    }

    @AfterEach
    void tearDown() {
        index.close();
        web.close();
    }

    @Test
    void given_a_failing_feed_first_when_all_are_refreshed_then_the_others_still_run() {
        FeedRefresher r = new FeedRefresher(
                ingester,
                index,
                List.of(broken, good),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                null,
                Clock.systemUTC());

        List<FeedResult> results = r.refreshAll(IngestProgress.none());

        assertThat(results).extracting(FeedResult::feed).containsExactly("Broken feed", "Good feed");
        assertThat(results.get(0).ok()).isFalse();
        assertThat(results.get(0).error()).contains("Broken feed", "HTTP 500");
        assertThat(results.get(1).run().ingest().added()).isEqualTo(1);
        assertThat(r.failures(broken)).isEqualTo(1);
        assertThat(index.articleCount()).isEqualTo(1);
    }

    @Test
    void given_a_started_refresher_when_a_feed_fails_then_it_is_retried_with_backoff_while_the_others_work() {
        FeedRefresher r = new FeedRefresher(
                ingester,
                index,
                List.of(broken, good),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)),
                null,
                Clock.systemUTC());
        try {
            r.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> web.count("/broken.rss") >= 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> index.articleCount() == 1);
            assertThat(r.failures(broken)).isGreaterThanOrEqualTo(3);
            assertThat(web.count("/good.rss"))
                    .as("the good feed waits for its interval")
                    .isEqualTo(1);
        } finally {
            r.stop();
        }
        assertThat(r.running()).isFalse();
    }

    @Test
    void given_a_refresh_in_progress_when_stopped_then_the_current_item_is_indexed_from_its_full_page()
            throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        web.gated("/slow-page", gate, "text/html", Fixtures.page("Truce", "Wire", "2025-05-13", Fixtures.TRUCE));
        web.feed("/slow.rss", "application/rss+xml", "\"s\"", Fixtures.rss("Slow", new String[] {
            "s1", web.base() + "/slow-page", "Truce", "Truce.", DATE
        }));
        FeedSource slow = new FeedSource(web.url("/slow.rss"), "Slow feed", Duration.ofMinutes(5), "");
        FeedRefresher r = new FeedRefresher(
                ingester,
                index,
                List.of(slow),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                null,
                Clock.systemUTC());
        r.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> web.count("/slow-page") == 1);

        // when: stop() is called while the page is still downloading
        Thread stopper = new Thread(r::stop, "stopper");
        stopper.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stopper.getState() == Thread.State.TIMED_WAITING || !stopper.isAlive());
        gate.countDown();
        stopper.join(Duration.ofSeconds(40));

        // then
        assertThat(stopper.isAlive()).isFalse();
        assertThat(r.running()).isFalse();
        String id = ArticleIds.forUrl(web.base() + "/slow-page");
        assertThat(index.article(id))
                .hasValueSatisfying(a -> assertThat(a.body())
                        .as("indexed from the page, not from the feed's one-word description")
                        .contains("Negotiators from the United States and China agreed on Tuesday"));
    }

    @Test
    void given_a_max_age_when_retention_runs_then_older_articles_are_removed_and_newer_kept() {
        index.ingest(List.of(
                article("Old story", LocalDate.of(2024, 1, 2)), article("New story", LocalDate.of(2025, 5, 1))));
        Clock now = Clock.fixed(Instant.parse("2025-05-14T00:00:00Z"), ZoneOffset.UTC);
        FeedRefresher r = new FeedRefresher(
                ingester,
                index,
                List.of(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                Duration.ofDays(365),
                now);

        int removed = r.applyRetention();

        assertThat(removed).isEqualTo(1);
        assertThat(index.articles()).extracting(ArticleMeta::title).containsExactly("New story");
    }

    private static Article article(String title, LocalDate date) {
        String url = "http://127.0.0.1/" + title.replace(' ', '-');
        return Article.of(
                new ArticleMeta(ArticleIds.forUrl(url), title, "Wire", date, url, "", "", ""), Fixtures.SOYBEANS);
    }
}
