package tradetalk.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradetalk.answer.Citation;
import tradetalk.answer.Composition;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

class NearestSourcesTest {

    private static SearchHit hit(String article, int ordinal) {
        ArticleMeta meta = new ArticleMeta(
                article,
                "Title " + article,
                "Reuters",
                LocalDate.of(2019, 11, 26),
                "https://example.com/" + article,
                "",
                "",
                "");
        return new SearchHit(new Passage(article + "#" + ordinal, meta, ordinal, "text " + article + ordinal), 1, 1, 0);
    }

    @Test
    void given_several_passages_of_one_article_when_listing_nearest_then_each_article_appears_once() {
        List<SearchHit> evidence =
                List.of(hit("a", 2), hit("a", 0), hit("b", 1), hit("a", 1), hit("c", 0), hit("d", 0));

        List<Citation> nearest = NearestSources.of(evidence, 3);

        assertThat(nearest).extracting(c -> c.article().id()).containsExactly("a", "b", "c");
        assertThat(nearest).extracting(Citation::n).containsExactly(1, 2, 3);
        assertThat(nearest)
                .extracting(Citation::passageIds)
                .containsExactly(List.of("a#2"), List.of("b#1"), List.of("c#0"));
    }

    @Test
    void should_abstain_with_the_one_abstain_text_and_no_citations() {
        Composition c = NearestSources.abstain(List.of(hit("a", 0)), 3, null);

        assertThat(c.abstained()).isTrue();
        assertThat(c.answer()).isEqualTo(NearestSources.ABSTAIN_TEXT);
        assertThat(c.citations()).isEmpty();
        assertThat(c.nearest()).hasSize(1);
    }
}
