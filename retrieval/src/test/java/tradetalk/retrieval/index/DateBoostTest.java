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

/** A question that names a period favours the articles published in it. */
class DateBoostTest {

    @TempDir
    Path dir;

    private static Article story(String id, LocalDate date) {
        ArticleMeta m = new ArticleMeta(id, "Tariff talks resume", "Wire", date, "https://example.test/" + id, "",
                "", "");
        return Article.of(m, "Negotiators resumed tariff talks in Geneva on soybeans and steel.");
    }

    private List<String> ranking(double boost, String question) {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings s = new SearchSettings(d.candidates(), d.denseWeight(), d.lexicalWeight(), d.titleBoost(),
                0.0, 30, d.fusion(), boost);
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("idx"), new RandomEmbedder(16), new Chunker(50, 0),
                s)) {
            index.ingest(List.of(story("a-may", LocalDate.of(2019, 5, 2)), story("b-oct", LocalDate.of(2019, 10, 25)),
                    story("c-nov", LocalDate.of(2019, 11, 18))));
            return index.search(SearchRequest.of(question, 3)).stream().map(SearchHit::passage)
                    .map(p -> p.article().id()).toList();
        }
    }

    @Test
    void given_a_question_naming_a_month_when_searching_then_that_months_coverage_comes_first() {
        assertThat(ranking(0.5, "tariff talks soybeans in October").getFirst()).isEqualTo("b-oct");
        assertThat(ranking(0.5, "tariff talks soybeans in November 2019").getFirst()).isEqualTo("c-nov");
    }

    @Test
    void given_no_period_or_no_boost_then_equal_coverage_keeps_its_plain_order() {
        assertThat(ranking(0.5, "tariff talks soybeans")).containsExactly("a-may", "b-oct", "c-nov");
        assertThat(ranking(0.0, "tariff talks soybeans in November 2019")).containsExactly("a-may", "b-oct", "c-nov");
    }
}
