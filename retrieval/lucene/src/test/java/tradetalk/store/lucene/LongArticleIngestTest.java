package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;

class LongArticleIngestTest {

    @Test
    void given_an_article_of_a_thousand_passages_when_ingested_then_embedding_progress_is_reported_as_it_goes(
            @TempDir Path dir) {
        String body = IntStream.range(0, 2_000)
                .mapToObj(i -> "Negotiators met again for round " + i
                        + " of the talks on tariffs and farm purchases in Beijing today.")
                .collect(Collectors.joining(" "));
        Article big = Article.of(
                new ArticleMeta("big", "Long", "", LocalDate.of(2019, 11, 26), "", "/a/big.txt", "", ""), body);
        Article small = Article.of(
                new ArticleMeta("small", "Short", "", LocalDate.of(2019, 11, 26), "", "/a/small.txt", "", ""),
                "Only a few words here.");
        List<String> reports = new ArrayList<>();
        try (ArticleIndex index =
                ArticleIndex.open(dir, new RandomEmbedder(8), new Chunker(30, 0), SearchSettings.defaults())) {

            IngestReport r = index.ingest(
                    List.of(small, big),
                    List.of(),
                    n -> {},
                    (location, done, total) -> reports.add(location + " " + done + "/" + total));

            assertThat(r.added()).isEqualTo(2);
            int passages = index.passages("big").size();
            assertThat(passages).isGreaterThan(3 * ArticleIndex.DEFAULT_INGEST_BATCH);
            assertThat(reports).first().isEqualTo("/a/big.txt " + ArticleIndex.DEFAULT_INGEST_BATCH + "/" + passages);
            assertThat(reports).last().isEqualTo("/a/big.txt " + passages + "/" + passages);
            assertThat(reports)
                    .hasSize((passages + ArticleIndex.DEFAULT_INGEST_BATCH - 1) / ArticleIndex.DEFAULT_INGEST_BATCH);
        }
    }
}
