package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RecordingEmbedder;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;

/** Ingest embeds the passages of many small articles together, in few large calls, with memory bounded. */
class IngestBatchingTest {

    @TempDir
    Path dir;

    private static List<Article> snippets(int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ArticleMeta m = new ArticleMeta(
                    "s" + i,
                    "Snippet " + i,
                    "Wire",
                    LocalDate.of(2025, 1, 1).plusDays(i),
                    "https://example.test/s" + i,
                    "",
                    "",
                    "");
            out.add(Article.of(m, "Negotiators met for round " + i + " of the trade talks on soybean tariffs."));
        }
        return out;
    }

    @Test
    void given_many_one_passage_articles_when_ingested_then_the_model_sees_few_calls_of_at_most_the_batch_size() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        List<Integer> progress = new ArrayList<>();
        try (ArticleIndex index =
                ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults(), 16)) {
            IngestReport r = index.ingest(snippets(40), List.of(), progress::add);

            assertThat(r.added()).isEqualTo(40);
            assertThat(embedder.callSizes()).containsExactly(16, 16, 8);
            assertThat(index.articleCount()).isEqualTo(40);
            assertThat(index.passageCount()).isEqualTo(40);
            assertThat(progress)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 40).boxed().toList());
            // every article got its own vector: each one is found by its own text in dense search
            assertThat(index.search(SearchRequest.of(
                                    "Snippet 37. Negotiators met for round 37 of the trade talks"
                                            + " on soybean tariffs.",
                                    1)
                            .withMode(SearchRequest.Mode.DENSE_EXACT)))
                    .extracting(h -> h.passage().article().id())
                    .containsExactly("s37");
        }
    }

    @Test
    void given_unchanged_and_empty_articles_among_new_ones_when_ingested_then_only_new_passages_are_embedded() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index =
                ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults(), 64)) {
            index.ingest(snippets(10));
            embedder.calls.clear();
            List<Article> next = new ArrayList<>(snippets(30));
            next.add(Article.of(
                    new ArticleMeta("empty", "Empty", "Wire", LocalDate.of(2025, 3, 1), "", "e.md", "", ""), " "));

            IngestReport r = index.ingest(next);

            assertThat(r.added()).isEqualTo(20);
            assertThat(r.unchanged()).isEqualTo(10);
            assertThat(r.rejected()).extracting(x -> x.reason()).containsExactly("no text to index");
            assertThat(embedder.callSizes()).containsExactly(20);
            assertThat(index.articleCount()).isEqualTo(30);
        }
    }
}
