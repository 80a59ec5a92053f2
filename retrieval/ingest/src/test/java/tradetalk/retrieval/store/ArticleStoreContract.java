package tradetalk.retrieval.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.SearchRequest.Mode;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.RandomEmbedder;

/**
 * What every {@link ArticleStore} does, whatever keeps the articles: ingest (idempotent, replacing changed articles),
 * removal, retention, lookups, also_in, idf, counts and search with its date filters and date signals. A store's test
 * extends this and says how to make an empty store; nothing here knows which engine is behind it.
 */
public abstract class ArticleStoreContract {

    static final String NOV18 = "000_75e7d6d2605e1b51.txt";
    static final String OCT25 = "001_094b3742853613a8.txt";
    static final String NOV26 = "002_a3e20f71e49fec1f.txt";

    private final List<ArticleStore> opened = new ArrayList<>();

    /** A new, empty store with these parts; each call gives another store. */
    protected abstract ArticleStore newStore(Embedder embedder, Chunker chunker, SearchSettings settings);

    /** Makes the writes so far visible to reads, for a store where they are not on return; a no-op by default. */
    protected void afterWrite(ArticleStore store) {}

    @AfterEach
    void closeStores() {
        opened.forEach(ArticleStore::close);
    }

    private ArticleStore store(Chunker chunker, SearchSettings settings) {
        ArticleStore s = newStore(new RandomEmbedder(16), chunker, settings);
        opened.add(s);
        return s;
    }

    private ArticleStore store() {
        return store(new Chunker(120, 0), SearchSettings.defaults());
    }

    private IngestReport ingest(ArticleStore s, List<Article> articles) {
        IngestReport r = s.ingest(articles);
        afterWrite(s);
        return r;
    }

    private static List<Article> seeds() throws Exception {
        Path seedDir = Path.of(ArticleStoreContract.class.getResource("/seeds").toURI());
        ReadResult read = new ArticleReader().read(List.of(seedDir));
        assertThat(read.rejected()).isEmpty();
        return read.articles();
    }

    private static Article seed(List<Article> seeds, String file) {
        return seeds.stream()
                .filter(a -> a.meta().path().endsWith(file))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> files(List<SearchHit> hits) {
        return hits.stream()
                .map(h -> Path.of(h.passage().article().path()).getFileName().toString())
                .collect(Collectors.toSet());
    }

    @Test
    void given_new_articles_when_ingested_then_they_are_counted_and_listed_newest_first_with_metadata()
            throws Exception {
        ArticleStore s = store();

        IngestReport r = ingest(s, seeds());

        assertThat(r.added()).isEqualTo(3);
        assertThat(s.articleCount()).isEqualTo(3);
        assertThat(s.passageCount()).isEqualTo(r.passages()).isGreaterThan(3);
        List<ArticleMeta> list = s.articles();
        assertThat(list)
                .extracting(ArticleMeta::publishedAt)
                .containsExactly(LocalDate.of(2019, 11, 26), LocalDate.of(2019, 11, 18), LocalDate.of(2019, 10, 25));
        assertThat(list.get(1).source()).isEqualTo("Bloomberg");
        assertThat(s.article(list.get(2).id()))
                .get()
                .satisfies(a -> assertThat(a.body()).contains("Asia-Pacific Economic Cooperation summit in Santiago"));
        assertThat(s.passages(list.get(2).id()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.article()).isEqualTo(list.get(2)))
                .extracting(Passage::ordinal)
                .isSorted();
        assertThat(s.article("missing")).isEmpty();
        assertThat(s.passages("missing")).isEmpty();
    }

    @Test
    void given_the_same_articles_when_ingested_again_then_nothing_changes() throws Exception {
        ArticleStore s = store();
        List<Article> seeds = seeds();
        ingest(s, seeds);
        int passages = s.passageCount();

        IngestReport again = ingest(s, seeds);

        assertThat(again.added()).isZero();
        assertThat(again.replaced()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.passages()).isZero();
        assertThat(s.articleCount()).isEqualTo(3);
        assertThat(s.passageCount()).isEqualTo(passages);
    }

    @Test
    void given_a_changed_article_when_ingested_then_it_replaces_the_old_passages() throws Exception {
        ArticleStore s = store();
        Article original = seeds().getFirst();
        ingest(s, List.of(original));
        Article changed = Article.of(original.meta(), original.body() + "\n\nA zebra correction was appended.");

        IngestReport r = ingest(s, List.of(changed));

        assertThat(r.replaced()).isEqualTo(1);
        assertThat(s.articleCount()).isEqualTo(1);
        assertThat(s.search(SearchRequest.of("zebra correction", 5).withMode(Mode.BM25)))
                .isNotEmpty();
        assertThat(s.article(original.id()))
                .get()
                .extracting(Article::body)
                .asString()
                .contains("zebra");
        assertThat(s.passages(original.id())).extracting(Passage::id).doesNotHaveDuplicates();
        assertThat(s.passageCount()).isEqualTo(s.passages(original.id()).size());
    }

    @Test
    void given_a_long_and_a_short_version_of_one_article_far_apart_in_one_ingest_then_the_later_is_stored_alone() {
        // far apart: the long version is written (possibly still being written) while the short one is read and
        // written; a store that pipelines its writes must still end with the later version's passages only
        ArticleStore s = store(new Chunker(50, 0), SearchSettings.defaults());
        String sentence = "Negotiators resumed tariff talks in Geneva on soybeans and steel, the agency reported. ";
        List<Article> batch = new ArrayList<>();
        batch.add(Article.of(meta("changing", LocalDate.of(2019, 11, 1)), sentence.repeat(40)));
        for (int i = 0; i < 450; i++) {
            batch.add(story("filler-" + i, LocalDate.of(2019, 10, 1 + i % 28)));
        }
        Article shorter = Article.of(meta("changing", LocalDate.of(2019, 11, 2)), "A zebra correction. " + sentence);
        batch.add(shorter);

        ingest(s, batch);

        assertThat(s.articleCount()).isEqualTo(451);
        assertThat(s.article("changing")).get().extracting(Article::body).isEqualTo(shorter.body());
        List<Passage> passages = s.passages("changing");
        assertThat(passages).hasSize(1);
        assertThat(passages.getFirst().text()).contains("zebra");
        assertThat(s.passageCount()).isEqualTo(451);
    }

    @Test
    void given_a_rare_word_when_searching_bm25_then_only_passages_containing_it_match() throws Exception {
        ArticleStore s = store();
        List<Article> seeds = seeds();
        ingest(s, seeds);

        List<SearchHit> hits = s.search(SearchRequest.of("Kudlow", 10).withMode(Mode.BM25));

        assertThat(hits).isNotEmpty().allSatisfy(h -> {
            assertThat(h.passage().text()).contains("Kudlow");
            assertThat(h.passage().article().path()).endsWith(NOV18);
        });
        long withWord = s.passages(seed(seeds, NOV18).id()).stream()
                .filter(p -> p.text().contains("Kudlow"))
                .count();
        assertThat(hits).hasSize((int) withWord);
    }

    @Test
    void given_date_bounds_or_an_as_of_date_when_searching_then_articles_outside_them_are_excluded() throws Exception {
        ArticleStore s = store();
        ingest(s, seeds());
        SearchRequest q = SearchRequest.of("phase one trade deal", 100); // k above the passage count: every match

        for (Mode mode : List.of(Mode.HYBRID, Mode.BM25, Mode.DENSE)) {
            SearchRequest m = q.withMode(mode);
            assertThat(files(s.search(m))).containsExactlyInAnyOrder(NOV18, OCT25, NOV26);
            assertThat(files(s.search(m.withDates(LocalDate.of(2019, 11, 1), null))))
                    .containsExactlyInAnyOrder(NOV18, NOV26);
            assertThat(files(s.search(m.withDates(null, LocalDate.of(2019, 11, 18)))))
                    .containsExactlyInAnyOrder(NOV18, OCT25);
            assertThat(files(s.search(m.withAsOf(LocalDate.of(2019, 11, 20))))).containsExactlyInAnyOrder(NOV18, OCT25);
            assertThat(s.search(m.withDates(LocalDate.of(2020, 1, 1), null))).isEmpty();
        }
    }

    @Test
    void given_an_article_when_removed_then_it_and_its_passages_are_gone() throws Exception {
        ArticleStore s = store();
        List<Article> seeds = seeds();
        ingest(s, seeds);
        Article gone = seed(seeds, NOV18);
        int passages = s.passageCount() - s.passages(gone.id()).size();

        boolean removed = s.remove(gone.id());
        afterWrite(s);

        assertThat(removed).isTrue();
        assertThat(s.article(gone.id())).isEmpty();
        assertThat(s.passages(gone.id())).isEmpty();
        assertThat(s.articleCount()).isEqualTo(2);
        assertThat(s.passageCount()).isEqualTo(passages);
        assertThat(s.search(SearchRequest.of("Kudlow", 10).withMode(Mode.BM25))).isEmpty();
        assertThat(s.remove(gone.id())).isFalse();
        assertThat(s.remove("never-there")).isFalse();
    }

    @Test
    void given_a_cutoff_when_retention_runs_then_older_articles_go_and_newer_and_undated_stay() throws Exception {
        ArticleStore s = store();
        List<Article> seeds = new ArrayList<>(seeds());
        Article undated = Article.of(
                new ArticleMeta("undated", "Undated note", "Wire", null, "https://example.test/u", "", "", ""),
                "Soybean purchases were discussed again.");
        seeds.add(undated);
        ingest(s, seeds);

        int removed = s.removeOlderThan(LocalDate.of(2019, 11, 18));
        afterWrite(s);

        assertThat(removed).isEqualTo(1);
        assertThat(s.articles())
                .extracting(ArticleMeta::id)
                .containsExactly(seed(seeds, NOV26).id(), seed(seeds, NOV18).id(), "undated");
        assertThat(s.passages(seed(seeds, OCT25).id())).isEmpty();
        assertThat(s.removeOlderThan(LocalDate.of(2019, 11, 18))).isZero();
    }

    @Test
    void given_an_article_with_also_in_when_its_text_changes_then_the_list_survives_reingest() {
        ArticleStore s = store(new Chunker(50, 0), SearchSettings.defaults());
        Article a = story("story", LocalDate.of(2025, 5, 1));
        ingest(s, List.of(a));
        assertThat(s.addAlsoIn(a.id(), "Daily http://127.0.0.1/copy")).isTrue();
        afterWrite(s);
        assertThat(s.addAlsoIn(a.id(), "Daily http://127.0.0.1/copy")).isFalse();

        ingest(s, List.of(Article.of(a.meta(), a.body() + "\n\nUpdated with a new paragraph.")));

        assertThat(s.alsoIn(a.id())).containsExactly("Daily http://127.0.0.1/copy");
        assertThat(s.passages(a.id())).isNotEmpty();
        assertThat(s.articleCount()).isEqualTo(1);
        assertThat(s.addAlsoIn("missing", "x")).isFalse();
        assertThat(s.alsoIn("missing")).isEmpty();
    }

    @Test
    void given_passages_when_asking_idf_then_it_is_the_bm25_idf_over_passages() {
        ArticleStore s = store(new Chunker(50, 0), SearchSettings.defaults());
        ingest(
                s,
                List.of(
                        story("a", LocalDate.of(2019, 5, 1)),
                        Article.of(meta("b", LocalDate.of(2019, 5, 2)), "The steel tariff stays in place."),
                        Article.of(meta("c", LocalDate.of(2019, 5, 3)), "The yuan weakened against the dollar.")));

        // log(1 + (n - df + 0.5) / (df + 0.5)) with n = 3 passages
        assertThat(s.idf("soybean")).isCloseTo(Math.log(1 + 2.5 / 1.5), within(1e-12));
        assertThat(s.idf("steel")).isCloseTo(Math.log(1 + 1.5 / 2.5), within(1e-12));
        assertThat(s.idf("zebra")).isCloseTo(Math.log(1 + 3.5 / 0.5), within(1e-12));
    }

    @Test
    void given_passages_when_asking_the_idf_of_several_terms_at_once_then_each_is_its_single_term_idf() {
        ArticleStore s = store(new Chunker(50, 0), SearchSettings.defaults());
        ingest(
                s,
                List.of(
                        story("a", LocalDate.of(2019, 5, 1)),
                        Article.of(meta("b", LocalDate.of(2019, 5, 2)), "The steel tariff stays in place.")));

        Map<String, Double> idf = s.idf(List.of("soybean", "steel", "zebra", "steel"));

        assertThat(idf).containsOnlyKeys("soybean", "steel", "zebra");
        idf.forEach((t, v) -> assertThat(v).isCloseTo(s.idf(t), within(1e-12)));
        assertThat(s.prefetch(List.of("steel")).applyAsDouble("zebra")).isCloseTo(s.idf("zebra"), within(1e-12));
        assertThat(s.idf(List.of())).isEmpty();
    }

    @Test
    void given_ingested_articles_then_the_store_reports_the_bytes_it_takes() throws Exception {
        ArticleStore s = store();

        ingest(s, seeds());

        assertThat(s.storeBytes()).isPositive();
    }

    @Test
    void given_also_in_locations_added_one_after_another_then_each_is_listed_once_in_order() {
        ArticleStore s = store(new Chunker(50, 0), SearchSettings.defaults());
        Article a = story("story", LocalDate.of(2025, 5, 1));
        ingest(s, List.of(a));

        assertThat(s.addAlsoIn(a.id(), "Daily http://127.0.0.1/1")).isTrue();
        assertThat(s.addAlsoIn(a.id(), "Weekly http://127.0.0.1/2")).isTrue();
        assertThat(s.addAlsoIn(a.id(), "Daily http://127.0.0.1/1")).isFalse();
        afterWrite(s);

        assertThat(s.alsoIn(a.id())).containsExactly("Daily http://127.0.0.1/1", "Weekly http://127.0.0.1/2");
        assertThat(s.articleCount()).isEqualTo(1);
        assertThat(s.remove(a.id())).isTrue();
        afterWrite(s);
        assertThat(s.alsoIn(a.id())).isEmpty();
    }

    // the date signals of search over equally relevant coverage (same text, different days): recency measured from
    // the as-of date, and the boost for the period a question names

    private static ArticleMeta meta(String id, LocalDate date) {
        return new ArticleMeta(id, "Tariff talks resume", "Wire", date, "https://example.test/" + id, "", "", "");
    }

    private static Article story(String id, LocalDate date) {
        return Article.of(meta(id, date), "Negotiators resumed tariff talks in Geneva on soybeans and steel.");
    }

    private List<String> ranking(double recency, double dateBoost, String question, LocalDate asOf) {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings settings = new SearchSettings(
                d.candidates(),
                d.denseWeight(),
                d.lexicalWeight(),
                d.titleBoost(),
                recency,
                30,
                d.fusion(),
                dateBoost,
                d.weights());
        ArticleStore s = store(new Chunker(50, 0), settings);
        ingest(
                s,
                List.of(
                        story("a-may", LocalDate.of(2019, 5, 1)),
                        story("b-oct", LocalDate.of(2019, 10, 1)),
                        story("c-nov", LocalDate.of(2019, 11, 20))));
        return s.search(SearchRequest.of(question, 3).withAsOf(asOf)).stream()
                .map(SearchHit::passage)
                .map(p -> p.article().id())
                .toList();
    }

    @Test
    void given_no_date_signal_then_equal_coverage_keeps_its_plain_order() {
        assertThat(ranking(0, 0, "tariff talks soybeans in November 2019", null))
                .containsExactly("a-may", "b-oct", "c-nov");
        assertThat(ranking(0, 0.5, "tariff talks soybeans", null)).containsExactly("a-may", "b-oct", "c-nov");
    }

    @Test
    void given_a_recency_weight_when_stories_are_equally_relevant_then_the_newest_comes_first() {
        assertThat(ranking(0.2, 0, "tariff talks soybeans", LocalDate.of(2019, 12, 1)))
                .containsExactly("c-nov", "b-oct", "a-may");
    }

    @Test
    void given_an_archive_and_no_as_of_date_then_recency_counts_from_its_newest_article_not_from_today() {
        // counted from today (2026 or later) both 2019 stories would be years old and their recency ~0, so the better
        // match (a-may) would stay first
        assertThat(rankingWithBetterOldMatch(null)).containsExactly("c-nov", "a-may");
    }

    @Test
    void given_an_as_of_date_after_a_quiet_spell_then_the_newest_story_before_it_gets_most_of_the_recency_weight() {
        // BM25 alone: a-may matches better (z +1 against -1). As of 2019-12-01 the newest story (c-nov) is 11 days
        // old: its recency is the full 3 for being the newest, less for the index lagging the day by 11 days
        // (3 * 0.5^(11/30) = 2.3), still more than the gap of 2
        assertThat(rankingWithBetterOldMatch(LocalDate.of(2019, 12, 1))).containsExactly("c-nov", "a-may");
    }

    @Test
    void given_no_as_of_date_then_recency_applies_as_it_does_with_one() {
        // one rule for every question: none given is ranked like one asked on the newest story's day
        assertThat(rankingWithBetterOldMatch(null, "soybeans tariff"))
                .isEqualTo(rankingWithBetterOldMatch(LocalDate.of(2019, 11, 20), "soybeans tariff"))
                .containsExactly("c-nov", "a-may");
    }

    @Test
    void given_an_archive_asked_years_later_then_it_ranks_by_content_unless_the_latest_is_asked_for() {
        LocalDate years = LocalDate.of(2026, 12, 7);
        assertThat(rankingWithBetterOldMatch(years, "soybeans tariff")).containsExactly("a-may", "c-nov");
        assertThat(rankingWithBetterOldMatch(years, "latest soybeans tariff")).containsExactly("c-nov", "a-may");
    }

    @Test
    void given_a_question_naming_a_past_year_then_recency_does_not_weigh() {
        assertThat(rankingWithBetterOldMatch(LocalDate.of(2019, 11, 20), "soybeans tariff 2018"))
                .containsExactly("a-may", "c-nov");
    }

    private List<String> rankingWithBetterOldMatch(LocalDate asOf) {
        return rankingWithBetterOldMatch(asOf, "soybeans tariff");
    }

    private List<String> rankingWithBetterOldMatch(LocalDate asOf, String question) {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings settings = new SearchSettings(
                d.candidates(), 0.0, 1.0, d.titleBoost(), 3.0, 30, d.fusion(), 0, SearchSettings.Weights.FIXED);
        ArticleStore s = store(new Chunker(50, 0), settings);
        ingest(
                s,
                List.of(
                        Article.of(
                                meta("a-may", LocalDate.of(2019, 5, 1)),
                                "Negotiators resumed tariff talks in Geneva on soybeans, soybeans and soybeans."),
                        story("c-nov", LocalDate.of(2019, 11, 20))));
        return s.search(SearchRequest.of(question, 2).withAsOf(asOf)).stream()
                .map(h -> h.passage().article().id())
                .toList();
    }

    @Test
    void given_an_as_of_date_then_later_articles_do_not_exist_and_recency_is_measured_from_it() {
        assertThat(ranking(0.2, 0, "tariff talks soybeans", LocalDate.of(2019, 10, 15)))
                .containsExactly("b-oct", "a-may");
    }

    @Test
    void given_a_question_naming_a_period_when_searching_then_its_coverage_comes_first() {
        assertThat(ranking(0, 0.5, "tariff talks soybeans in October", null).getFirst())
                .isEqualTo("b-oct");
        assertThat(ranking(0, 0.5, "tariff talks soybeans in November 2019", null)
                        .getFirst())
                .isEqualTo("c-nov");
    }
}
