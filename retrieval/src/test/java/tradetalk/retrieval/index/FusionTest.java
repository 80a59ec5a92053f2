package tradetalk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;

class FusionTest {

    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        String[] topics = {"soybean purchases", "steel tariffs", "currency manipulation", "technology transfer"};
        for (int i = 0; i < 20; i++) {
            ArticleMeta m = new ArticleMeta("a" + i, "Report " + i, "Outlet", LocalDate.of(2020, 1, 1).plusDays(i),
                    "https://x.example/" + i, "", "", "");
            out.add(Article.of(m, "Negotiators discussed " + topics[i % 4] + " in round " + i + " of the talks."));
        }
        return out;
    }

    private static SearchSettings settings(SearchSettings.Fusion f) {
        // lexical weight only: with random vectors the dense signal is noise, so every fusion must follow BM25
        return new SearchSettings(50, 0.0, 1.0, 0.5, 0.0, 30, f, 0.0);
    }

    @Test
    void given_each_fusion_with_lexical_weight_only_when_searched_then_the_bm25_match_ranks_first(
            @TempDir Path dir) {
        for (SearchSettings.Fusion f : SearchSettings.Fusion.values()) {
            Path d = dir.resolve(f.name());
            try (ArticleIndex index = ArticleIndex.open(d, new RandomEmbedder(16), new Chunker(120, 0),
                    settings(f))) {
                index.ingest(articles());

                List<SearchHit> hits = index.search(SearchRequest.of("round 13 currency", 5));

                assertThat(hits).as(f.name()).isNotEmpty();
                assertThat(hits.getFirst().passage().article().id()).as(f.name()).isEqualTo("a13");
                assertThat(hits).as(f.name()).isSortedAccordingTo(
                        (x, y) -> Double.compare(y.score(), x.score()));
            }
        }
    }

    @Test
    void given_an_unknown_fusion_name_then_the_error_names_the_key() {
        assertThat(SearchSettings.Fusion.parse(" ZScore ")).isEqualTo(SearchSettings.Fusion.ZSCORE);
        assertThatThrownBy(() -> SearchSettings.Fusion.parse("borda"))
                .hasMessage("search.fusion must be minmax, zscore or rrf, got 'borda'");
    }
}
