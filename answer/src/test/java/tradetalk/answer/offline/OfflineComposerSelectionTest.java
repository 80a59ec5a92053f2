package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tradetalk.answer.Composition;
import tradetalk.answer.SeedIndex;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.embed.CachingEmbedder;

/** Which sentences the offline composer quotes from hand-made passages (real bge-small embeddings). */
class OfflineComposerSelectionTest {

    static OfflineComposer composer;

    @BeforeAll
    static void build() {
        // every term seen in the index with the same weight, an unseen term rarer
        composer = new OfflineComposer(
                t -> t.startsWith("\u0000") ? 9 : 2,
                new CachingEmbedder(SeedIndex.embedder(), 1_000),
                OfflineSettings.defaults());
    }

    private static SearchHit hit(String id, double score, double lexical, double dense, String text) {
        ArticleMeta meta =
                new ArticleMeta(id, "", "Wire", LocalDate.of(2025, 1, 27), "https://example.com/" + id, "", "", "");
        return new SearchHit(new Passage(id + "#0", meta, 0, text), score, lexical, dense);
    }

    @ParameterizedTest(name = "{0} ranked first")
    @ValueSource(strings = {"Colombia", "Venezuela"})
    void
            given_two_passages_with_the_same_sentence_for_different_countries_then_the_one_retrieval_ranked_first_is_quoted(
                    String top) {
        String other = top.equals("Colombia") ? "Venezuela" : "Colombia";
        String question = "Which country was threatened with tariffs over deportation flights?";
        List<SearchHit> evidence = List.of(
                hit(
                        top.toLowerCase(Locale.ROOT),
                        4.0,
                        12.0,
                        0.78,
                        top + " was threatened with tariffs over deportation flights. The weather was mild."),
                hit(
                        other.toLowerCase(Locale.ROOT),
                        1.0,
                        6.0,
                        0.70,
                        other + " was threatened with tariffs over deportation flights. The market was closed."));

        Composition c = composer.compose(question, evidence, s -> {});

        // the two sentences repeat each other: one is quoted, and retrieval's ranking decides which
        assertThat(c.abstained()).as(c.answer()).isFalse();
        assertThat(c.answer()).as(c.answer()).startsWith(top).doesNotContain(other);
    }
}
