package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.ForwardingEmbedder;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;

/** also_in written by one store while another re-ingests the same article, or adds to it too, on the real cluster. */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchAlsoInTest {

    private static final Article STORY = Article.of(
            new ArticleMeta(
                    "story",
                    "Tariff talks resume",
                    "Wire",
                    LocalDate.of(2019, 11, 20),
                    "https://example.test/story",
                    "",
                    "",
                    ""),
            "Negotiators resumed tariff talks in Geneva on soybeans and steel.");

    /** An embedder that, once armed, stops in its next passage embedding until released. */
    private static final class GatedEmbedder extends ForwardingEmbedder {
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        GatedEmbedder() {
            super(new RandomEmbedder(16));
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            if (armed.getAndSet(false)) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.embedPassages(passages);
        }
    }

    private static OpenSearchArticleStore open(OpenSearchSettings settings, Embedder embedder) {
        return OpenSearchArticleStore.open(settings, embedder, new Chunker(50, 0), SearchSettings.defaults(), 256);
    }

    @Test
    void given_a_reingest_between_its_read_and_its_write_when_another_store_adds_also_in_then_the_location_is_kept(
            OpenSearchTestCluster cluster) throws Exception {
        OpenSearchSettings settings = TestIndexes.settings(cluster.urls(), "alsoin", 2, 0);
        GatedEmbedder gated = new GatedEmbedder();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (OpenSearchArticleStore writer = open(settings, gated);
                OpenSearchArticleStore other = open(settings, new RandomEmbedder(16))) {
            writer.ingest(List.of(STORY));
            gated.armed.set(true);
            Future<IngestReport> reingest = pool.submit(
                    () -> writer.ingest(List.of(Article.of(STORY.meta(), STORY.body() + " A new paragraph."))));
            // the writer has read the article document (with no also_in) and is embedding the new text
            assertThat(gated.reached.await(60, TimeUnit.SECONDS)).isTrue();

            boolean added = other.addAlsoIn(STORY.id(), "Daily http://127.0.0.1/copy");
            gated.release.countDown();
            IngestReport r = reingest.get(60, TimeUnit.SECONDS);

            assertThat(added).isTrue();
            assertThat(r.replaced()).isEqualTo(1);
            assertThat(writer.article(STORY.id()).orElseThrow().body()).contains("A new paragraph.");
            assertThat(writer.alsoIn(STORY.id())).containsExactly("Daily http://127.0.0.1/copy");
            assertThat(other.alsoIn(STORY.id())).containsExactly("Daily http://127.0.0.1/copy");
            writer.deleteIndex();
        } finally {
            gated.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void given_two_stores_adding_also_in_to_one_article_at_once_then_every_location_is_kept(
            OpenSearchTestCluster cluster) throws Exception {
        OpenSearchSettings settings = TestIndexes.settings(cluster.urls(), "alsoin", 2, 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (OpenSearchArticleStore a = open(settings, new RandomEmbedder(16));
                OpenSearchArticleStore b = open(settings, new RandomEmbedder(16))) {
            a.ingest(List.of(STORY));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (OpenSearchArticleStore s : List.of(a, b)) {
                String name = s == a ? "a" : "b";
                runs.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 10; i++) {
                        ok += s.addAlsoIn(STORY.id(), name + " http://127.0.0.1/" + i) ? 1 : 0;
                    }
                    return ok;
                }));
            }
            start.countDown();

            int added = 0;
            for (Future<Integer> f : runs) {
                added += f.get(120, TimeUnit.SECONDS);
            }

            assertThat(added).isEqualTo(20);
            assertThat(a.alsoIn(STORY.id())).hasSize(20).doesNotHaveDuplicates();
            a.deleteIndex();
        } finally {
            pool.shutdownNow();
        }
    }
}
