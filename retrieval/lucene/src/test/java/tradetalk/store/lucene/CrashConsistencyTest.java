package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;

/** Kills a real ingest process mid-way and checks that the index it leaves is usable. */
class CrashConsistencyTest {

    private static final int ARTICLES = 20_000;

    @TempDir
    Path dir;

    @Test
    void given_an_ingest_killed_mid_way_when_the_index_is_opened_then_it_holds_the_last_commit_and_can_continue()
            throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestChild.class.getName(),
                        dir.toString(),
                        String.valueOf(ARTICLES))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        AtomicInteger progress = new AtomicInteger();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("done ")) { // logback's default configuration writes debug lines here too
                        progress.set(Integer.parseInt(line.substring("done ".length())));
                    }
                }
            } catch (Exception e) {
                // the stream ends when the child is killed
            }
        });
        // past two batch commits (every 200 articles) but far from the end
        await().atMost(Duration.ofMinutes(2)).until(() -> progress.get() > 450 || !child.isAlive());
        assertThat(child.isAlive())
                .as("the child must still be ingesting when killed")
                .isTrue();
        child.destroyForcibly().waitFor();
        reader.join();

        try (ArticleIndex index =
                ArticleIndex.open(dir, new RandomEmbedder(16), new Chunker(50, 0), SearchSettings.defaults())) {
            int committed = index.articleCount();
            assertThat(committed).isGreaterThanOrEqualTo(400).isLessThan(ARTICLES);
            assertThat(committed % 200).as("only whole batches are committed").isZero();
            assertThat(index.search(SearchRequest.of("soybeans session 7", 5).withMode(SearchRequest.Mode.BM25)))
                    .isNotEmpty();

            IngestReport rest = index.ingest(IngestChild.articles(1_000));
            assertThat(rest.unchanged()).isEqualTo(Math.min(committed, 1_000));
            assertThat(index.articleCount()).isEqualTo(Math.max(committed, 1_000));
        }
    }
}
