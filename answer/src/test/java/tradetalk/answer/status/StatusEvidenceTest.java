package tradetalk.answer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradetalk.answer.extract.TopicRelevance.Match;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

class StatusEvidenceTest {

    private static SearchHit hit(String id, String date) {
        ArticleMeta meta = new ArticleMeta(id, "", "CNN", LocalDate.parse(date), "", "", "", "");
        return new SearchHit(new Passage(id + "#0", meta, 0, "text"), 1, 0, 0.7);
    }

    @Test
    void a_newer_marginal_hit_does_not_move_the_window_off_the_latest_real_development() {
        List<SearchHit> relevant = List.of(hit("negotiations", "2025-03-01"), hit("au-pairs", "2026-02-01"));
        Map<String, Match> match = Map.of("negotiations", Match.STRONG, "au-pairs", Match.MARGINAL);

        assertThat(StatusEvidence.latestDevelopment(relevant, match)).isEqualTo(LocalDate.parse("2025-03-01"));
    }

    @Test
    void without_a_strong_hit_the_newest_relevant_article_is_the_latest_development() {
        List<SearchHit> relevant = List.of(hit("older", "2025-03-01"), hit("newer", "2025-06-01"));
        Map<String, Match> match = Map.of("older", Match.MARGINAL, "newer", Match.MARGINAL);

        assertThat(StatusEvidence.latestDevelopment(relevant, match)).isEqualTo(LocalDate.parse("2025-06-01"));
    }

    @Test
    void the_newest_strong_hit_is_the_latest_development() {
        List<SearchHit> relevant = List.of(hit("a", "2025-03-01"), hit("b", "2025-09-01"), hit("c", "2025-10-01"));
        Map<String, Match> match = Map.of("a", Match.STRONG, "b", Match.STRONG, "c", Match.MARGINAL);

        assertThat(StatusEvidence.latestDevelopment(relevant, match)).isEqualTo(LocalDate.parse("2025-09-01"));
    }
}
