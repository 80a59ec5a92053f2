package tradetalk.retrieval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.store.SearchSettings.Fusion;
import tradetalk.retrieval.store.SearchSettings.Weights;

/** The shared ranking on hand-made candidate lists: no store involved, so every store that feeds it ranks alike. */
class HybridRankerTest {

    private static final LocalDate NEWEST = LocalDate.of(2019, 11, 15);

    /**
     * A corpus that answers from fixed values and records what it was asked: every term in 10 of 1,000 passages (so
     * all weigh alike), and every passage holding the analysed terms of one text.
     */
    private static final class FakeCorpus implements HybridRanker.Corpus<Integer> {
        final List<Integer> coverageAskedFor = new ArrayList<>();
        final List<LocalDate> newestAskedFor = new ArrayList<>();
        final List<List<Integer>> passagesAskedFor = new ArrayList<>();
        final Set<String> held;

        FakeCorpus(String held) {
            this.held = Set.copyOf(TextAnalysis.terms(held));
        }

        @Override
        public TermCounts termCounts(Collection<String> terms) {
            Map<String, Long> df = new HashMap<>();
            terms.forEach(t -> df.put(t, 10L));
            return new TermCounts(1000, df);
        }

        @Override
        public Set<String> held(Integer passage, Collection<String> terms) {
            coverageAskedFor.add(passage);
            Set<String> out = new HashSet<>(terms);
            out.retainAll(held);
            return out;
        }

        @Override
        public Optional<LocalDate> newest(LocalDate day) {
            newestAskedFor.add(day);
            return Optional.of(NEWEST);
        }

        @Override
        public List<Passage> passages(List<Integer> keys) {
            passagesAskedFor.add(keys);
            return keys.stream()
                    .map(k -> new Passage(
                            "p" + k, new ArticleMeta("a" + k, "T" + k, "Wire", null, "", "", "", ""), 0, "text " + k))
                    .toList();
        }
    }

    private static SearchSettings settings(
            double dense, double lexical, double recency, double dateBoost, Weights weights) {
        return new SearchSettings(50, dense, lexical, 0.5, recency, 7, Fusion.MINMAX, dateBoost, weights);
    }

    private static HybridRanker.Candidate<Integer> c(int key, LocalDate published, double score) {
        return new HybridRanker.Candidate<>(key, published, score);
    }

    // a (key 1) and b (key 2) are BM25's; c (key 3) only the vectors'. Min-max: BM25 / 4, cosine already 0..1.
    private static final List<HybridRanker.Candidate<Integer>> LEXICAL = List.of(c(1, null, 4.0), c(2, NEWEST, 2.0));
    private static final List<HybridRanker.Candidate<Integer>> DENSE =
            List.of(c(3, NEWEST.minusDays(7), 1.0), c(2, NEWEST, 0.5), c(1, null, 0.0));

    @Test
    void hybrid_with_fixed_weights_is_the_weighted_sum_of_the_normalised_scores() throws Exception {
        FakeCorpus corpus = new FakeCorpus("");
        List<SearchHit> hits = new HybridRanker(settings(0.25, 0.75, 0, 0, Weights.FIXED))
                .rank(SearchRequest.of("trade talks", 10), LEXICAL, DENSE, corpus);

        assertThat(hits)
                .extracting(h -> h.passage().id(), SearchHit::score, SearchHit::lexical, SearchHit::dense)
                .containsExactly(
                        tuple("p1", 0.75, 4.0, 0.0), // .75 * 4/4 + .25 * 0
                        tuple("p2", 0.5, 2.0, 0.5), // .75 * 2/4 + .25 * .5
                        tuple("p3", 0.25, 0.0, 1.0)); // .25 * 1
        assertThat(corpus.coverageAskedFor).isEmpty();
        assertThat(corpus.newestAskedFor).isEmpty();
    }

    @Test
    void recency_and_the_named_period_are_added_to_dated_passages() throws Exception {
        FakeCorpus corpus = new FakeCorpus("");
        // asked on the newest passage's day, about its own month: full recency
        SearchRequest r = SearchRequest.of("trade talks in November 2019", 10).withAsOf(NEWEST);
        List<SearchHit> hits =
                new HybridRanker(settings(0.25, 0.75, 2, 0.5, Weights.FIXED)).rank(r, LEXICAL, DENSE, corpus);

        assertThat(hits)
                .extracting(h -> h.passage().id(), SearchHit::score)
                .containsExactly(
                        tuple("p2", 3.0), // .5 + 2 * 0.5^(0/7) + .5
                        tuple("p3", 1.75), // .25 + 2 * 0.5^(7/7) + .5
                        tuple("p1", 0.75)); // undated: nothing added
        assertThat(corpus.newestAskedFor).containsExactly(NEWEST);
    }

    @Test
    void adaptive_weights_take_the_coverage_of_the_best_bm25_passage() throws Exception {
        // the best BM25 passage holds 1 of the 4 terms, all of one weight: coverage .25, so
        // lexical share .5*.25 / (.5*.25 + .5*.75) = .25
        FakeCorpus corpus = new FakeCorpus("trade");
        List<SearchHit> hits = new HybridRanker(settings(0.5, 0.5, 0, 0, Weights.ADAPTIVE))
                .rank(SearchRequest.of("trade talks on tariffs and soybeans", 10), LEXICAL, DENSE, corpus);

        assertThat(hits)
                .extracting(h -> h.passage().id(), SearchHit::score)
                .containsExactly(
                        tuple("p3", 0.75), // .75 * 1
                        tuple("p2", 0.5), // .25 * .5 + .75 * .5
                        tuple("p1", 0.25)); // .25 * 1
        assertThat(corpus.coverageAskedFor).containsExactly(1);
    }

    @Test
    void bm25_alone_ranks_by_score_ties_by_key_and_reads_only_the_best_k() throws Exception {
        FakeCorpus corpus = new FakeCorpus("");
        List<HybridRanker.Candidate<Integer>> lexical =
                List.of(c(7, null, 5.0), c(3, null, 2.0), c(1, null, 2.0), c(9, null, 1.0));
        List<SearchHit> hits = new HybridRanker(settings(0.5, 0.5, 0, 0, Weights.FIXED))
                .rank(SearchRequest.of("trade", 3).withMode(SearchRequest.Mode.BM25), lexical, List.of(), corpus);

        assertThat(hits)
                .extracting(h -> h.passage().id(), SearchHit::score, SearchHit::lexical, SearchHit::dense)
                .containsExactly(tuple("p7", 5.0, 5.0, 0.0), tuple("p1", 2.0, 2.0, 0.0), tuple("p3", 2.0, 2.0, 0.0));
        assertThat(corpus.passagesAskedFor).containsExactly(List.of(7, 1, 3));
    }

    @Test
    void the_baselines_get_the_same_date_signals_as_the_hybrid() throws Exception {
        // BM25 alone on the fusion's scale (min-max: score / max) plus the same recency: p2, the newest, overtakes p1
        FakeCorpus corpus = new FakeCorpus("");
        SearchRequest r = SearchRequest.of("trade talks", 10).withAsOf(NEWEST).withMode(SearchRequest.Mode.BM25);
        List<SearchHit> hits =
                new HybridRanker(settings(0.25, 0.75, 2, 0, Weights.FIXED)).rank(r, LEXICAL, List.of(), corpus);

        assertThat(hits)
                .extracting(h -> h.passage().id(), SearchHit::score)
                .containsExactly(
                        tuple("p2", 2.5), // 1 * 2/4 + 2
                        tuple("p1", 1.0)); // 1 * 4/4, undated
        assertThat(hits).allSatisfy(h -> assertThat(h.anchor()).isEqualTo(NEWEST));
    }

    @Test
    void given_the_shipped_settings_then_recency_weighs_on_every_question() {
        assertThat(SearchSettings.defaults().recencyWeight()).isPositive();
    }
}
