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
        ArticleMeta m = new ArticleMeta(id, "Tariff talks resume", "Wire", date, "https://example.test/" + id, "",
                "", "");
        return Article.of(m, "Negotiators resumed tariff talks in Geneva on soybeans and steel.");
    }

    private List<String> ranking(double recency, double dateBoost, String question, LocalDate asOf) {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings s = new SearchSettings(d.candidates(), d.denseWeight(), d.lexicalWeight(), d.titleBoost(),
                recency, 30, d.fusion(), dateBoost);
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("idx"), new RandomEmbedder(16), new Chunker(50, 0),
                s)) {
            index.ingest(List.of(story("a-may", LocalDate.of(2019, 5, 1)), story("b-oct", LocalDate.of(2019, 10, 1)),
                    story("c-nov", LocalDate.of(2019, 11, 20))));
            return index.search(SearchRequest.of(question, 3).withAsOf(asOf)).stream().map(SearchHit::passage)
                    .map(p -> p.article().id()).toList();
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
    void given_an_as_of_date_then_later_articles_do_not_exist_and_recency_is_measured_from_it() {
        assertThat(ranking(0.2, 0, "tariff talks soybeans", LocalDate.of(2019, 10, 15)))
                .containsExactly("b-oct", "a-may");
    }

    @Test
    void given_a_question_naming_a_period_when_searching_then_its_coverage_comes_first() {
        assertThat(ranking(0, 0.5, "tariff talks soybeans in October", null).getFirst()).isEqualTo("b-oct");
        assertThat(ranking(0, 0.5, "tariff talks soybeans in November 2019", null).getFirst()).isEqualTo("c-nov");
    }
}
