package tradetalk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;

/** The recency signal: equally relevant coverage ranks newest first, measured from the as-of date. */
class RecencyTest {

    @TempDir
    Path dir;

    private static Article story(String id, LocalDate date) {
        ArticleMeta m = new ArticleMeta(id, "Tariff talks resume", "Wire", date, "https://example.test/" + id, "",
                "", "");
        return Article.of(m, "Negotiators resumed tariff talks in Geneva on soybeans and steel.");
    }

    private List<String> ranking(SearchSettings settings, LocalDate asOf) {
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("idx"), new RandomEmbedder(16), new Chunker(50, 0),
                settings)) {
            index.ingest(List.of(story("old", LocalDate.of(2019, 5, 1)), story("mid", LocalDate.of(2019, 10, 1)),
                    story("new", LocalDate.of(2019, 11, 20))));
            return index.search(SearchRequest.of("tariff talks soybeans", 3).withAsOf(asOf)).stream()
                    .map(SearchHit::passage).map(p -> p.article().id()).toList();
        }
    }

    private static SearchSettings withRecency(double weight) {
        SearchSettings d = SearchSettings.defaults();
        return new SearchSettings(d.candidates(), d.denseWeight(), d.lexicalWeight(), d.titleBoost(), weight, 30,
                d.fusion(), 0.0);
    }

    @Test
    void given_a_recency_weight_when_stories_are_equally_relevant_then_the_newest_comes_first() {
        assertThat(ranking(withRecency(0.2), LocalDate.of(2019, 12, 1))).containsExactly("new", "mid", "old");
    }

    @Test
    void given_an_as_of_date_then_later_articles_do_not_exist_and_recency_is_measured_from_it() {
        assertThat(ranking(withRecency(0.2), LocalDate.of(2019, 10, 15))).containsExactly("mid", "old");
    }
}
