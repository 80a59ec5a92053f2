package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.opensearch.OpenSearchArticleStore;
import tradetalk.store.opensearch.OpenSearchSettings;
import tradetalk.store.opensearch.TestIndexes;

/**
 * What {@code tradetalk watch} does while its OpenSearch cluster is unreachable: the feed fails and is retried with
 * back-off, and its items are not marked seen, so once the cluster answers they are all ingested (nothing lost).
 * The cluster "comes back" when a loopback forwarder to a real node starts listening on the port the store uses.
 */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchWatchTest {

    private static final String DATE = "Tue, 13 May 2025 09:00:00 GMT";

    @TempDir
    Path tmp;

    @Test
    void given_the_cluster_unreachable_when_a_feed_refreshes_then_it_backs_off_and_ingests_everything_once_back(
            OpenSearchTestCluster cluster) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: nothing listens there yet
        }
        OpenSearchSettings real = TestIndexes.settings(cluster.urls(), "watch", 1, 0);
        OpenSearchSettings settings = new OpenSearchSettings(
                List.of(URI.create("http://127.0.0.1:" + port)),
                real.index(),
                "",
                "",
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                OpenSearchSettings.Engine.LUCENE,
                1,
                0);
        try (LocalWeb web = new LocalWeb();
                OpenSearchArticleStore store = OpenSearchArticleStore.open(
                        settings, new CountingEmbedder(), new Chunker(60, 0), SearchSettings.defaults(), 256)) {
            HttpFetcher http = new HttpFetcher(
                    new FetchSettings("TradetalkBot/0.1 (test)", Duration.ofSeconds(5), 200_000, 3),
                    HostPolicy.only(Set.of("127.0.0.1")),
                    u -> {});
            FeedIngester ingester = new FeedIngester(
                    http,
                    new PageFetcher(http, new Robots(http)),
                    store,
                    FeedState.load(tmp.resolve(FeedState.FILE_NAME)));
            web.text("/a", "text/html", Fixtures.page("Truce", "Wire", "2025-05-13", Fixtures.TRUCE));
            web.text("/b", "text/html", Fixtures.page("Soybeans", "Wire", "2025-05-14", Fixtures.SOYBEANS));
            web.feed(
                    "/good.rss",
                    "application/rss+xml",
                    "\"g\"",
                    Fixtures.rss("Good", new String[] {"g1", web.base() + "/a", "Truce", "Truce.", DATE}, new String[] {
                        "g2", web.base() + "/b", "Tariffs", "Tariffs.", DATE
                    }));
            FeedSource feed = new FeedSource(web.url("/good.rss"), "Good feed", Duration.ofMinutes(5), "");
            Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
            FeedRefresher refresher =
                    new FeedRefresher(ingester, store, List.of(feed), backoff, null, Clock.systemUTC());

            FeedResult down = refresher.refreshOne(feed, IngestProgress.none());

            assertThat(down.ok()).isFalse();
            assertThat(down.error()).contains("unreachable");
            assertThat(refresher.failures(feed)).isEqualTo(1);
            assertThat(backoff.delay(refresher.failures(feed))).isPositive();

            URI node = cluster.urls().getFirst();
            try (Forwarder ignored = new Forwarder(port, node.getPort())) {
                FeedResult back = refresher.refreshOne(feed, IngestProgress.none());

                assertThat(back.ok()).as(back.error()).isTrue();
                assertThat(back.run().ingest().added()).isEqualTo(2);
                assertThat(store.articleCount()).isEqualTo(2);
                assertThat(refresher.failures(feed)).isZero();
                store.deleteIndex();
            }
        }
    }

    /** Forwards every connection to a loopback port to another one (a cluster that comes back). */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server;

        Forwarder(int port, int target) throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                        pipe(in, out);
                        pipe(out, in);
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        private static void pipe(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream i = from.getInputStream();
                        OutputStream o = to.getOutputStream()) {
                    i.transferTo(o);
                } catch (IOException e) {
                    // the other side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
