package tradetalk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;

/**
 * The date signals of search over equally relevant coverage (same text, different days): recency measured from the
 * as-of date, and the boost for the period a question names.
 */
class DateSignalsTest {

    @TempDir
    Path dir;

    private static Article story(String id, LocalDate date) {
        ArticleMeta m =
                new ArticleMeta(id, "Tariff talks resume", "Wire", date, "https://example.test/" + id, "", "", "");
        return Article.of(m, "Negotiators resumed tariff talks in Geneva on soybeans and steel.");
    }

    private List<String> ranking(double recency, double dateBoost, String question, LocalDate asOf) {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings s = new SearchSettings(
                d.candidates(),
                d.denseWeight(),
                d.lexicalWeight(),
                d.titleBoost(),
                recency,
                30,
                d.fusion(),
                dateBoost,
                d.weights(),
                recency);
        try (ArticleIndex index =
                ArticleIndex.open(dir.resolve("idx"), new RandomEmbedder(16), new Chunker(50, 0), s)) {
            index.ingest(List.of(
                    story("a-may", LocalDate.of(2019, 5, 1)),
                    story("b-oct", LocalDate.of(2019, 10, 1)),
                    story("c-nov", LocalDate.of(2019, 11, 20))));
            return index.search(SearchRequest.of(question, 3).withAsOf(asOf)).stream()
                    .map(SearchHit::passage)
                    .map(p -> p.article().id())
                    .toList();
        }
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
    void given_an_as_of_date_after_a_quiet_spell_then_the_newest_story_before_it_gets_the_full_recency_weight() {
        // BM25 alone: a-may matches better (z +1 against -1). As of 2020-06-01, c-nov is 194 days old: counted from
        // the as-of date its recency would be 3 * 0.5^(194/30) = 0.03, too little to make up the gap of 2; counted
        // from the newest story up to then (c-nov itself) it is the full 3
        assertThat(rankingWithBetterOldMatch(LocalDate.of(2020, 6, 1))).containsExactly("c-nov", "a-may");
    }

    @Test
    void given_recency_only_for_dated_questions_then_an_undated_question_ranks_by_content_alone() {
        assertThat(rankingWithBetterOldMatch(null, 0.0, 3.0)).containsExactly("a-may", "c-nov");
        assertThat(rankingWithBetterOldMatch(LocalDate.of(2020, 6, 1), 0.0, 3.0))
                .containsExactly("c-nov", "a-may");
    }

    @Test
    void given_the_shipped_settings_then_recency_weighs_on_questions_asked_as_of_a_date_only() {
        assertThat(SearchSettings.defaults().recencyWeight()).isZero();
        assertThat(SearchSettings.defaults().asOfRecencyWeight()).isPositive();
    }

    private List<String> rankingWithBetterOldMatch(LocalDate asOf) {
        return rankingWithBetterOldMatch(asOf, 3.0, 3.0);
    }

    private List<String> rankingWithBetterOldMatch(LocalDate asOf, double undated, double dated) {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings s = new SearchSettings(
                d.candidates(),
                0.0,
                1.0,
                d.titleBoost(),
                undated,
                30,
                d.fusion(),
                0,
                SearchSettings.Weights.FIXED,
                dated);
        ArticleMeta old = new ArticleMeta(
                "a-may",
                "Tariff talks resume",
                "Wire",
                LocalDate.of(2019, 5, 1),
                "https://example.test/a-may",
                "",
                "",
                "");
        try (ArticleIndex index =
                ArticleIndex.open(dir.resolve("idx2"), new RandomEmbedder(16), new Chunker(50, 0), s)) {
            index.ingest(List.of(
                    Article.of(
                            old, "Negotiators resumed tariff talks in Geneva on soybeans, soybeans " + "and soybeans."),
                    story("c-nov", LocalDate.of(2019, 11, 20))));
            return index.search(SearchRequest.of("soybeans tariff", 2).withAsOf(asOf)).stream()
                    .map(h -> h.passage().article().id())
                    .toList();
        }
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
