package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tradetalk.ingest.feed.Fixtures.BAKERY;
import static tradetalk.ingest.feed.Fixtures.NEW_ROUND;
import static tradetalk.ingest.feed.Fixtures.SOYBEANS;
import static tradetalk.ingest.feed.Fixtures.TRUCE;
import static tradetalk.ingest.feed.Fixtures.atom;
import static tradetalk.ingest.feed.Fixtures.page;
import static tradetalk.ingest.feed.Fixtures.rss;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.lucene.ArticleIndex;

class FeedIngesterTest {

    private static final String RSS_DATE = "Tue, 13 May 2025 09:00:00 GMT";
    private static final String ATOM_DATE = "2025-05-13T11:00:00Z";
    private static final String FOREIGN = "http://news.example.com/story/tariffs";

    @TempDir
    Path tmp;

    LocalWeb web;
    CountingEmbedder embedder;
    ArticleIndex index;
    List<URI> requested;
    HttpFetcher http;
    FeedSource wire;
    FeedSource daily;

    @BeforeEach
    void setUp() throws Exception {
        web = new LocalWeb();
        embedder = new CountingEmbedder();
        index = ArticleIndex.open(tmp.resolve("index"), embedder, new Chunker(60, 0), SearchSettings.defaults());
        requested = new CopyOnWriteArrayList<>();
        http = new HttpFetcher(
                new FetchSettings("TradetalkBot/0.1 (test)", Duration.ofSeconds(5), 200_000, 3),
                HostPolicy.only(Set.of("127.0.0.1")),
                requested::add);

        web.text("/wire/a", "text/html; charset=utf-8", page("Tariff truce extended", "Wire", "2025-05-13", TRUCE));
        web.text(
                "/wire/b",
                "text/html; charset=utf-8",
                page("China books soybean cargoes", "Wire", "2025-05-12", SOYBEANS));
        web.text(
                "/daily/a-copy",
                "text/html; charset=utf-8",
                page("US, China extend tariff truce", "Daily", "2025-05-13", "By a staff reporter.\n\n" + TRUCE));
        web.text("/daily/bakery", "text/html; charset=utf-8", page("Bakery wins award", "Daily", "2025-05-10", BAKERY));
        web.feed("/wire.rss", "application/rss+xml", "\"v1\"", rss("Wire", wireItems()));
        web.feed(
                "/daily.atom",
                "application/atom+xml",
                "\"d1\"",
                atom(
                        "Daily",
                        new String[] {
                            "urn:daily:1",
                            web.base() + "/daily/a-copy?utm_source=feed&fbclid=x",
                            "US, China extend tariff truce",
                            "The truce holds.",
                            ATOM_DATE
                        },
                        new String[] {
                            "urn:daily:2", web.base() + "/daily/bakery", "Bakery wins award", "Bread, again.", ATOM_DATE
                        }));
        wire = new FeedSource(web.url("/wire.rss"), "Wire", Duration.ofMinutes(15), "");
        daily = new FeedSource(web.url("/daily.atom"), "Daily", Duration.ofMinutes(15), "tariff, trade talks");
    }

    private String[][] wireItems() {
        return new String[][] {
            {
                "wire-1",
                web.base() + "/wire/a?utm_source=rss&utm_medium=feed#top",
                "Tariff truce extended",
                "Talks end with a truce.",
                RSS_DATE
            },
            {"wire-2", web.base() + "/wire/b", "China books soybean cargoes", "Soybeans sail.", RSS_DATE},
            {
                "wire-3",
                FOREIGN,
                "Tariff explainer hosted elsewhere",
                "An explainer on how the tariff truce works, what it changes for importers and exporters, "
                        + "and which goods remain subject to the higher duties after the agreement.",
                RSS_DATE
            },
            {
                "wire-4",
                web.base() + "/wire/missing",
                "Page that vanished",
                "This story page no longer exists but the feed still carries a short summary of the talks "
                        + "between the two delegations about tariffs on steel and aluminium.",
                RSS_DATE
            }
        };
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
                FeedState.load(tmp.resolve("index").resolve(FeedState.FILE_NAME)));
    }

    @Test
    void given_new_feeds_when_refreshed_then_each_story_is_indexed_once_and_the_syndicated_copy_is_recorded()
            throws Exception {
        FeedIngester ingester = ingester();

        FeedRun w = ingester.refresh(wire, IngestProgress.none());
        FeedRun d = ingester.refresh(daily, IngestProgress.none());

        assertThat(w.items()).isEqualTo(4);
        assertThat(w.ingest().added()).isEqualTo(4);
        assertThat(w.fromFeed())
                .as("foreign host and 404 page fall back to the feed text")
                .isEqualTo(2);
        assertThat(d.items()).isEqualTo(2);
        assertThat(d.offTopic()).as("the bakery item is filtered by keep").isEqualTo(1);
        assertThat(d.duplicates()).as("the syndicated truce story").isEqualTo(1);
        assertThat(d.ingest().added()).isZero();

        assertThat(index.articleCount()).isEqualTo(4);
        ArticleMeta truce = index.articles().stream()
                .filter(m -> m.url().endsWith("/wire/a"))
                .findFirst()
                .orElseThrow();
        assertThat(truce.url())
                .as("canonical: no tracking parameters, no fragment")
                .isEqualTo(web.base() + "/wire/a");
        assertThat(truce.source()).isEqualTo("Wire");
        assertThat(index.alsoIn(truce.id())).containsExactly("Daily " + web.base() + "/daily/a-copy");
        assertThat(index.articles())
                .extracting(ArticleMeta::url)
                .contains(FOREIGN, web.base() + "/wire/missing")
                .doesNotContain(web.base() + "/daily/bakery", web.base() + "/daily/a-copy");
        assertThat(web.count("/daily/bakery"))
                .as("off-topic pages are not fetched")
                .isZero();
    }

    @Test
    void given_a_non_loopback_item_when_refreshed_then_only_loopback_was_ever_contacted() throws Exception {
        ingester().refresh(wire, IngestProgress.none());

        assertThat(requested)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.getHost()).isEqualTo("127.0.0.1"));
        assertThat(requested).extracting(URI::toString).doesNotContain(FOREIGN);
        assertThat(web.hits()).allSatisfy(h -> assertThat(h.userAgent()).isEqualTo("TradetalkBot/0.1 (test)"));
    }

    @Test
    void given_a_stop_after_the_first_item_when_refreshed_then_the_rest_is_left_for_a_full_next_run() throws Exception {
        FeedIngester ingester = ingester();
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();

        FeedRun stopped = ingester.refresh(wire, IngestProgress.none(), () -> checks.incrementAndGet() > 1);

        assertThat(stopped.ingest().added()).isEqualTo(1);
        assertThat(index.articleCount()).isEqualTo(1);
        FeedRun next = ingester.refresh(wire, IngestProgress.none());
        assertThat(next.notModified())
                .as("validators were not saved by the stopped run")
                .isFalse();
        assertThat(next.known()).isEqualTo(1);
        assertThat(index.articleCount()).isGreaterThan(1);
    }

    /** A feed of {@code n} items, oldest first, item i dated 2025-01-01 plus i days. */
    private FeedSource numberedFeed(int n) {
        String[][] items = new String[n][];
        for (int i = 1; i <= n; i++) {
            java.time.ZonedDateTime day =
                    java.time.LocalDate.of(2025, 1, 1).plusDays(i).atStartOfDay(java.time.ZoneOffset.UTC);
            items[i - 1] = new String[] {
                "n-" + i,
                web.base() + "/n/" + i,
                "Story " + i,
                "Summary " + i,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(day)
            };
        }
        web.feed("/numbered.rss", "application/rss+xml", "\"n" + n + "\"", rss("Numbered", items));
        return new FeedSource(web.url("/numbered.rss"), "Numbered", Duration.ofMinutes(15), "");
    }

    /** Pages with a text of their own each (no two near-duplicates); fails from the {@code failAt}-th fetch on. */
    private static ArticleFetcher numberedPages(int failAt) {
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        return url -> {
            if (fetches.incrementAndGet() >= failAt) {
                throw new IllegalStateException("the process dies here"); // nothing after this point runs
            }
            String n = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            java.util.Random words = new java.util.Random(Long.parseLong(n));
            StringBuilder body = new StringBuilder("Story " + n + " reports on the talks.");
            for (int s = 0; s < 6; s++) {
                body.append(' ');
                for (int w = 0; w < 10; w++) {
                    body.append(w == 0 ? "W" : " w").append(words.nextInt(1_000_000));
                }
                body.append('.');
            }
            return tradetalk.retrieval.Article.of(
                    new ArticleMeta("", "Story " + n, "Numbered", null, url.toString(), "", "", ""), body.toString());
        };
    }

    private FeedIngester ingester(ArticleFetcher pages, int maxItems) {
        return new FeedIngester(
                http,
                pages,
                index,
                FeedState.load(tmp.resolve("index").resolve(FeedState.FILE_NAME)),
                java.time.Clock.systemUTC(),
                maxItems);
    }

    private List<String> titles() {
        return index.articles().stream().map(ArticleMeta::title).sorted().toList();
    }

    @Test
    void given_more_new_items_than_the_cap_when_refreshed_then_the_newest_go_in_and_the_rest_follow_next_time()
            throws Exception {
        FeedSource feed = numberedFeed(7);
        FeedIngester ingester = ingester(numberedPages(Integer.MAX_VALUE), 3);

        FeedRun first = ingester.refresh(feed, IngestProgress.none());

        assertThat(first.ingest().added()).isEqualTo(3);
        assertThat(titles()).containsExactly("Story 5", "Story 6", "Story 7");
        FeedRun second = ingester.refresh(feed, IngestProgress.none());
        assertThat(second.notModified())
                .as("items were left: the feed is fetched in full again")
                .isFalse();
        assertThat(second.known()).isEqualTo(3);
        assertThat(titles()).containsExactly("Story 2", "Story 3", "Story 4", "Story 5", "Story 6", "Story 7");
        assertThat(ingester.refresh(feed, IngestProgress.none()).ingest().added())
                .isEqualTo(1);
        assertThat(ingester.refresh(feed, IngestProgress.none()).notModified())
                .as("all taken: the validators are kept")
                .isTrue();
    }

    @Test
    void given_a_refresh_that_dies_mid_feed_when_restarted_then_the_committed_items_stay_and_it_resumes()
            throws Exception {
        FeedSource feed = numberedFeed(120);

        assertThatThrownBy(() -> ingester(numberedPages(71), 200).refresh(feed, IngestProgress.none()))
                .hasMessage("the process dies here");

        assertThat(index.articleCount())
                .as("the first " + FeedIngester.ITEMS_PER_COMMIT + " items were committed before item 71")
                .isEqualTo(FeedIngester.ITEMS_PER_COMMIT);
        assertThat(titles()).contains("Story 120", "Story 71").doesNotContain("Story 70");
        FeedRun resumed = ingester(numberedPages(Integer.MAX_VALUE), 200).refresh(feed, IngestProgress.none());
        assertThat(resumed.known()).as("the saved feed state knows them").isEqualTo(50);
        assertThat(resumed.ingest().added()).isEqualTo(70);
        assertThat(index.articleCount()).isEqualTo(120);
    }

    @Test
    void given_an_unchanged_feed_when_refreshed_again_then_it_costs_one_304_and_embeds_nothing() throws Exception {
        FeedIngester ingester = ingester();
        ingester.refresh(wire, IngestProgress.none());
        int embedded = embedder.passages.get();
        long before = web.hits().size();

        FeedRun again = ingester.refresh(wire, IngestProgress.none());

        assertThat(again.notModified()).isTrue();
        assertThat(web.hits().subList((int) before, web.hits().size()))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.path()).isEqualTo("/wire.rss");
                    assertThat(h.ifNoneMatch()).isEqualTo("\"v1\"");
                });
        assertThat(embedder.passages.get()).isEqualTo(embedded);
    }

    @Test
    void given_a_changed_feed_after_a_restart_when_refreshed_then_only_the_new_item_is_fetched() throws Exception {
        ingester().refresh(wire, IngestProgress.none());
        int embedded = embedder.passages.get();
        web.text("/wire/c", "text/html", page("New round of talks", "Wire", "2025-05-14", NEW_ROUND));
        String[][] items = wireItems();
        String[][] more = java.util.Arrays.copyOf(items, items.length + 1);
        more[items.length] = new String[] {"wire-5", web.base() + "/wire/c", "New round of talks", "London.", RSS_DATE};
        web.feed("/wire.rss", "application/rss+xml", "\"v2\"", rss("Wire", more));

        FeedIngester restarted = ingester(); // state read back from the file
        FeedRun run = restarted.refresh(wire, IngestProgress.none());

        assertThat(run.known()).isEqualTo(4);
        assertThat(run.ingest().added()).isEqualTo(1);
        assertThat(web.count("/wire/a")).isEqualTo(1);
        assertThat(web.count("/wire/b")).isEqualTo(1);
        assertThat(web.count("/wire/c")).isEqualTo(1);
        assertThat(embedder.passages.get()).isGreaterThan(embedded);
        assertThat(index.articleCount()).isEqualTo(5);
        assertThat(Files.readString(tmp.resolve("index").resolve(FeedState.FILE_NAME)))
                .contains("\"etag\" : \"\\\"v2\\\"\"");
    }

    @Test
    void given_the_same_story_in_two_feeds_under_tracking_urls_when_refreshed_then_it_is_fetched_once()
            throws Exception {
        web.feed("/other.rss", "application/rss+xml", "\"o1\"", rss("Other", new String[] {
            "other-1", web.base() + "/wire/b?utm_campaign=x&gclid=abc", "Soybeans", "Soybeans sail.", RSS_DATE
        }));
        FeedIngester ingester = ingester();
        ingester.refresh(wire, IngestProgress.none());

        FeedRun other = ingester.refresh(
                new FeedSource(web.url("/other.rss"), "Other", Duration.ofMinutes(5), ""), IngestProgress.none());

        assertThat(other.duplicates()).isEqualTo(1);
        assertThat(web.count("/wire/b")).isEqualTo(1);
        assertThat(index.articleCount()).isEqualTo(4);
    }

    @Test
    void given_malformed_xml_when_refreshed_then_it_fails_naming_the_problem_and_indexes_nothing() {
        web.text("/broken.rss", "application/rss+xml", "<rss><channel><item><title>oops</channel>");

        assertThatThrownBy(() -> ingester()
                        .refresh(
                                new FeedSource(web.url("/broken.rss"), "Broken", Duration.ofMinutes(5), ""),
                                IngestProgress.none()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("not a readable RSS or Atom feed");
        assertThat(index.articleCount()).isZero();
    }

    @Test
    void given_a_feed_answering_404_when_refreshed_then_the_error_names_the_feed_and_status() {
        assertThatThrownBy(() -> ingester()
                        .refresh(
                                new FeedSource(web.url("/gone.rss"), "Gone", Duration.ofMinutes(5), ""),
                                IngestProgress.none()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("Gone")
                .hasMessageContaining("404");
    }

    @Test
    void given_a_page_url_when_ingested_then_it_is_indexed_and_a_copy_elsewhere_is_recorded_not_indexed() {
        FeedIngester ingester = ingester();

        IngestReport first = ingester.ingestUrl(web.url("/wire/a?utm_source=x"));
        IngestReport copy = ingester.ingestUrl(web.url("/daily/a-copy"));
        IngestReport again = ingester.ingestUrl(web.url("/wire/a"));

        assertThat(first.added()).isEqualTo(1);
        assertThat(copy.added()).isZero();
        assertThat(copy.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("same story"));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(index.articleCount()).isEqualTo(1);
        String id = index.articles().getFirst().id();
        assertThat(index.alsoIn(id)).containsExactly("Daily " + web.base() + "/daily/a-copy");
    }

    @Test
    void given_an_unreachable_page_when_ingested_by_url_then_the_report_says_why() {
        IngestReport r = ingester().ingestUrl(web.url("/nowhere"));

        assertThat(r.added()).isZero();
        assertThat(r.rejected())
                .singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("404"));
    }

    @Test
    void given_a_page_failing_with_a_server_error_when_the_feed_changes_then_the_item_is_tried_again()
            throws Exception {
        web.route(
                "/wire/flaky",
                ex -> LocalWeb.send(ex, 503, "text/plain", "busy".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String[] item = {"flaky-1", web.base() + "/wire/flaky", "Talks resume", "Short.", RSS_DATE};
        web.feed("/flaky.rss", "application/rss+xml", "\"f1\"", rss("Flaky", item));
        FeedSource flaky = new FeedSource(web.url("/flaky.rss"), "Flaky", Duration.ofMinutes(5), "");
        FeedIngester ingester = ingester();

        FeedRun first = ingester.refresh(flaky, IngestProgress.none());
        web.text("/wire/flaky", "text/html", page("Talks resume", "Wire", "2025-05-14", NEW_ROUND));
        web.feed("/flaky.rss", "application/rss+xml", "\"f2\"", rss("Flaky", item));
        FeedRun second = ingester.refresh(flaky, IngestProgress.none());

        assertThat(first.ingest().rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("HTTP 503"));
        assertThat(second.known()).isZero();
        assertThat(second.ingest().added()).isEqualTo(1);
        assertThat(index.articleCount()).isEqualTo(1);
    }
}
