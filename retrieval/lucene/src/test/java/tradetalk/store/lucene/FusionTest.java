package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.ScoreFusion;
import tradetalk.retrieval.store.SearchSettings;

class FusionTest {

    private static final double EPS = 1e-9;

    /**
     * Two lists worked by hand below: BM25 found a (3.0) and b (1.0); the vectors give a 0.5, b 0.9 and c 0.7 (c is a
     * dense-only candidate, so for z-scores its BM25 is the lowest listed, 1.0).
     */
    private static Map<String, Double> fuse(SearchSettings.Fusion f, double lexicalWeight, double denseWeight) {
        return ScoreFusion.fuse(
                List.of(new ScoreFusion.Candidate<>("a", 3.0), new ScoreFusion.Candidate<>("b", 1.0)),
                List.of(
                        new ScoreFusion.Candidate<>("a", 0.5),
                        new ScoreFusion.Candidate<>("b", 0.9),
                        new ScoreFusion.Candidate<>("c", 0.7)),
                f,
                lexicalWeight,
                denseWeight);
    }

    @Test
    void given_two_lists_when_fused_by_zscore_then_each_signal_is_standardised_over_all_candidates() {
        // BM25 [3, 1, 1]: mean 5/3, sd sqrt(8/9) -> z = [sqrt 2, -1/sqrt 2, -1/sqrt 2]
        // cosine [0.5, 0.9, 0.7]: mean 0.7, sd 0.2 * sqrt(2/3) -> z = [-sqrt 1.5, sqrt 1.5, 0]
        Map<String, Double> z = fuse(SearchSettings.Fusion.ZSCORE, 0.5, 0.5);

        assertThat(z).containsOnlyKeys("a", "b", "c");
        assertThat(z.get("a")).isCloseTo((Math.sqrt(2) - Math.sqrt(1.5)) / 2, within(EPS)); // 0.0947343
        assertThat(z.get("b")).isCloseTo((Math.sqrt(1.5) - 1 / Math.sqrt(2)) / 2, within(EPS)); // 0.2588190
        assertThat(z.get("c")).isCloseTo(-1 / Math.sqrt(2) / 2, within(EPS)); // -0.3535534
    }

    @Test
    void given_unequal_weights_when_fused_by_zscore_then_the_standard_scores_are_weighted() {
        Map<String, Double> z = fuse(SearchSettings.Fusion.ZSCORE, 0.25, 0.75);

        assertThat(z.get("a")).isCloseTo(0.25 * Math.sqrt(2) - 0.75 * Math.sqrt(1.5), within(EPS)); // -0.5650
        assertThat(z.get("b")).isCloseTo(-0.25 / Math.sqrt(2) + 0.75 * Math.sqrt(1.5), within(EPS)); // 0.7418
        assertThat(z.get("c")).isCloseTo(-0.25 / Math.sqrt(2), within(EPS)); // -0.1768
    }

    @Test
    void given_two_lists_when_fused_by_rrf_then_each_rank_adds_weight_over_60_plus_rank() {
        // BM25 ranks a 1, b 2 (c none); cosine ranks b 1, c 2, a 3
        Map<String, Double> rrf = fuse(SearchSettings.Fusion.RRF, 0.5, 0.5);

        assertThat(rrf.get("a")).isCloseTo(0.5 / 61 + 0.5 / 63, within(EPS)); // 0.0161332
        assertThat(rrf.get("b")).isCloseTo(0.5 / 62 + 0.5 / 61, within(EPS)); // 0.0162612
        assertThat(rrf.get("c")).isCloseTo(0.5 / 62, within(EPS)); // 0.0080645
        assertThat(fuse(SearchSettings.Fusion.RRF, 1.0, 0.0).get("c")).isZero();
    }

    @Test
    void given_two_lists_when_fused_by_minmax_then_bm25_is_divided_by_its_max_and_cosines_span_0_to_1() {
        Map<String, Double> mm = fuse(SearchSettings.Fusion.MINMAX, 0.5, 0.5);

        assertThat(mm.get("a")).isCloseTo(0.5 * 1 + 0.5 * 0, within(EPS));
        assertThat(mm.get("b")).isCloseTo(0.5 / 3 + 0.5 * 1, within(EPS));
        assertThat(mm.get("c")).isCloseTo(0.5 * 0 + 0.5 * 0.5, within(EPS));
    }

    @Test
    void given_a_signal_that_does_not_vary_when_fused_by_zscore_then_it_adds_nothing() {
        Map<Integer, Double> z = ScoreFusion.fuse(
                List.of(new ScoreFusion.Candidate<>(1, 2.0), new ScoreFusion.Candidate<>(2, 2.0)),
                List.of(new ScoreFusion.Candidate<>(1, 0.8), new ScoreFusion.Candidate<>(2, 0.4)),
                SearchSettings.Fusion.ZSCORE,
                0.5,
                0.5);

        assertThat(z.get(1)).isCloseTo(0.5, within(EPS)); // cosine z = +1, BM25 z = 0
        assertThat(z.get(2)).isCloseTo(-0.5, within(EPS));
    }

    @Test
    void given_adaptive_weights_then_the_coverage_odds_multiply_the_configured_odds() {
        assertThat(ScoreFusion.lexicalShare(0.5, 0.5, 0.4)).isCloseTo(0.4, within(EPS));
        // odds 1:3 times odds 1:1 -> 1:3
        assertThat(ScoreFusion.lexicalShare(0.25, 0.75, 0.5)).isCloseTo(0.25, within(EPS));
        // odds 1:1 times 3:1 -> 3:1
        assertThat(ScoreFusion.lexicalShare(0.5, 0.5, 0.75)).isCloseTo(0.75, within(EPS));
        assertThat(ScoreFusion.lexicalShare(0.5, 0.5, 0.0)).isZero();
        assertThat(ScoreFusion.lexicalShare(0.0, 1.0, 1.0)).isZero(); // a weight of 0 stays 0
    }

    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        String[] topics = {"soybean purchases", "steel tariffs", "currency manipulation", "technology transfer"};
        for (int i = 0; i < 20; i++) {
            ArticleMeta m = new ArticleMeta(
                    "a" + i,
                    "Report " + i,
                    "Outlet",
                    LocalDate.of(2020, 1, 1).plusDays(i),
                    "https://x.example/" + i,
                    "",
                    "",
                    "");
            out.add(Article.of(m, "Negotiators discussed " + topics[i % 4] + " in round " + i + " of the talks."));
        }
        return out;
    }

    private static SearchSettings settings(SearchSettings.Fusion f) {
        // lexical weight only: with random vectors the dense signal is noise, so every fusion must follow BM25
        return new SearchSettings(50, 0.0, 1.0, 0.5, 0.0, 30, f, 0.0, SearchSettings.Weights.FIXED);
    }

    @Test
    void given_each_fusion_with_lexical_weight_only_when_searched_then_the_bm25_match_ranks_first(@TempDir Path dir) {
        for (SearchSettings.Fusion f : SearchSettings.Fusion.values()) {
            Path d = dir.resolve(f.name());
            try (ArticleIndex index = ArticleIndex.open(d, new RandomEmbedder(16), new Chunker(120, 0), settings(f))) {
                index.ingest(articles());

                List<SearchHit> hits = index.search(SearchRequest.of("round 13 currency", 5));

                assertThat(hits).as(f.name()).isNotEmpty();
                assertThat(hits.getFirst().passage().article().id())
                        .as(f.name())
                        .isEqualTo("a13");
                assertThat(hits).as(f.name()).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
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
