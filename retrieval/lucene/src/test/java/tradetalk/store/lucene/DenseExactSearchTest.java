package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.store.SearchSettings;

class DenseExactSearchTest {

    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ArticleMeta m = new ArticleMeta(
                    "a" + i,
                    "Title " + i,
                    "Outlet",
                    LocalDate.of(2020, 1, 1).plusDays(i),
                    "https://x.example/" + i,
                    "",
                    "",
                    "");
            out.add(Article.of(m, "Sentence number " + i + " talks about tariffs and soybeans in week " + i + "."));
        }
        return out;
    }

    private static final LocalDate ARCHIVE_ASKED = LocalDate.of(2030, 1, 1);

    @Test
    void given_an_index_when_searched_dense_exact_then_it_ranks_every_passage_by_exact_cosine(@TempDir Path dir) {
        RandomEmbedder embedder = new RandomEmbedder(16);
        List<Article> articles = articles();
        try (ArticleIndex index = ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults())) {
            index.ingest(articles);
            float[] q = embedder.embedQuery("tariffs");
            List<String> expected = articles.stream()
                    .sorted(Comparator.comparingDouble((Article a) -> -Vectors.dot(
                            q,
                            embedder.embedPassages(List.of(a.meta().title() + ". " + a.body()))
                                    .getFirst())))
                    .limit(5)
                    .map(a -> a.id() + "#0")
                    .toList();

            List<SearchHit> hits = index.search(SearchRequest.of("tariffs", 5)
                    .withMode(SearchRequest.Mode.DENSE_EXACT)
                    .withAsOf(ARCHIVE_ASKED)); // an archive asked years later: no recency, cosine alone

            assertThat(hits).extracting(h -> h.passage().id()).containsExactlyElementsOf(expected);
            // the score is the cosine on the fusion's scale (the date signals are added on it): ordered as the cosine
            assertThat(hits).extracting(SearchHit::dense).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Test
    void given_an_as_of_date_when_searched_dense_exact_then_later_articles_are_excluded(@TempDir Path dir) {
        try (ArticleIndex index =
                ArticleIndex.open(dir, new RandomEmbedder(16), new Chunker(120, 0), SearchSettings.defaults())) {
            index.ingest(articles());

            List<SearchHit> hits = index.search(SearchRequest.of("tariffs", 40)
                    .withMode(SearchRequest.Mode.DENSE_EXACT)
                    .withAsOf(LocalDate.of(2020, 1, 10)));

            assertThat(hits).hasSize(10);
            assertThat(hits)
                    .allSatisfy(h -> assertThat(h.passage().article().publishedAt())
                            .isBeforeOrEqualTo(LocalDate.of(2020, 1, 10)));
        }
    }
}
