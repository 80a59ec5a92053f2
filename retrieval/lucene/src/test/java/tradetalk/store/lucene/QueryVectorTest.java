package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/** Search hits carry the query vector the search computed, so that the composer need not embed the question again. */
class QueryVectorTest {

    @TempDir
    Path dir;

    private ArticleIndex index(RandomEmbedder embedder) {
        ArticleIndex index = ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults());
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ArticleMeta m = new ArticleMeta(
                    "a" + i, "Title " + i, "Outlet", LocalDate.of(2020, 1, 1).plusDays(i), "", "", "", "");
            articles.add(Article.of(m, "Tariffs on soybeans were discussed in week " + i + " of the talks."));
        }
        index.ingest(articles);
        return index;
    }

    @ParameterizedTest
    @EnumSource(
            value = SearchRequest.Mode.class,
            names = {"HYBRID", "DENSE", "DENSE_EXACT"})
    void given_a_search_that_embeds_the_query_then_every_hit_carries_its_vector(SearchRequest.Mode mode) {
        RandomEmbedder embedder = new RandomEmbedder(16);
        try (ArticleIndex index = index(embedder)) {
            List<SearchHit> hits =
                    index.search(SearchRequest.of("soybean tariffs", 5).withMode(mode));

            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.query().model()).isEqualTo(embedder.name());
                assertThat(h.query().text()).isEqualTo("soybean tariffs");
                assertThat(h.query().vector()).containsExactly(embedder.embedQuery("soybean tariffs"));
            });
            assertThat(SearchHit.queryVector(hits, embedder.name(), "soybean tariffs"))
                    .containsExactly(embedder.embedQuery("soybean tariffs"));
            assertThat(SearchHit.queryVector(hits, embedder.name(), "another question"))
                    .isNull();
            assertThat(SearchHit.queryVector(hits, "another-model", "soybean tariffs"))
                    .isNull();
        }
    }

    @Test
    void given_a_bm25_search_then_no_hit_carries_a_query_vector() {
        try (ArticleIndex index = index(new RandomEmbedder(16))) {
            List<SearchHit> hits =
                    index.search(SearchRequest.of("soybean tariffs", 5).withMode(SearchRequest.Mode.BM25));

            assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.query()).isNull());
        }
    }
}
