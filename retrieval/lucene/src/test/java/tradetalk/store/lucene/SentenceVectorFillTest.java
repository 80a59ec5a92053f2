package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.embed.RandomEmbedder;

/** The fill's count of articles still waiting for their sentence vectors, which progress lines read. */
class SentenceVectorFillTest {

    private static SentenceVectorFill.Work work(String id) {
        return new SentenceVectorFill.Work(id, "h-" + id, null, List.of("A sentence of " + id + "."));
    }

    @Test
    void given_submitted_articles_when_the_writes_finish_then_none_is_pending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SentenceVectorFill fill = new SentenceVectorFill(new RandomEmbedder(8), 16, (works, vectors) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            fill.submit(List.of(work("a"), work("b")));
            fill.submit(List.of(work("c")));

            assertThat(fill.pendingArticles()).isEqualTo(3);
            release.countDown();
            fill.settle();

            assertThat(fill.pendingArticles()).isZero();
        }
    }

    @Test
    void given_a_failing_write_when_settled_then_its_articles_are_no_longer_pending() {
        try (SentenceVectorFill fill = new SentenceVectorFill(new RandomEmbedder(8), 16, (works, vectors) -> {
            throw new IllegalStateException("disk full");
        })) {
            fill.submit(List.of(work("a"), work("b")));
            fill.settle();

            assertThat(fill.pendingArticles()).isZero();
        }
    }
}
