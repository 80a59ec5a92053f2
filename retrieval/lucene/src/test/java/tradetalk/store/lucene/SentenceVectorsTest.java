package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.embed.RecordingEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/**
 * Ingest can keep each passage's sentence vectors, which answers then read instead of running the model: computed
 * once the passages are searchable, in the background ({@link ArticleIndex#settle()} waits for them).
 */
class SentenceVectorsTest {

    @TempDir
    Path dir;

    private static Article article(String id, String text) {
        return Article.of(
                new ArticleMeta(
                        id, "Title " + id, "Wire", LocalDate.of(2025, 5, 1), "https://e.test/" + id, "", "", ""),
                text);
    }

    private static final String TEXT = "Negotiators met in Geneva on Saturday. They agreed to cut tariffs. "
            + "Soybean purchases were not settled.";

    private ArticleIndex open(RecordingEmbedder embedder, boolean sentenceVectors) {
        return ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults(), 64, sentenceVectors);
    }

    @Test
    void given_sentence_vectors_on_when_ingested_then_each_sentence_has_exactly_the_models_vector() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index = open(embedder, true)) {
            index.ingest(List.of(article("a", TEXT)));
            // the ingest embedded the passage alone, and it is searchable before any sentence is embedded
            assertThat(embedder.callSizes().getFirst()).isEqualTo(1);
            assertThat(index.passageCount()).isEqualTo(1);
            index.settle();
            List<String> sentences = Sentences.split(TEXT);
            assertThat(sentences).hasSize(3);
            // then one call for its three sentences
            assertThat(embedder.callSizes()).containsExactly(1, 3);

            Map<String, float[]> found = index.sentenceVectors().find(sentences);

            assertThat(found).containsOnlyKeys(sentences);
            RandomEmbedder model = new RandomEmbedder(16);
            for (String s : sentences) {
                assertThat(found.get(s))
                        .containsExactly(model.embedPassages(List.of(s)).getFirst());
            }
            assertThat(index.sentenceVectors().find(List.of("A sentence no passage holds.")))
                    .isEmpty();
        }
    }

    @Test
    void given_sentence_vectors_off_when_ingested_then_only_passages_are_embedded_and_none_are_found() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index = open(embedder, false)) {
            index.ingest(List.of(article("a", TEXT)));

            assertThat(embedder.callSizes()).containsExactly(1);
            assertThat(index.sentenceVectors().find(Sentences.split(TEXT))).isEmpty();
        }
    }

    @Test
    void given_a_changed_article_when_reingested_then_its_old_sentences_are_gone_and_the_new_ones_found() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index = open(embedder, true)) {
            index.ingest(List.of(article("a", TEXT), article("b", "Markets rose on the news. Traders cheered.")));
            index.settle();
            String changed = "Negotiators met in Geneva on Sunday. They agreed to cut tariffs.";

            index.ingest(List.of(article("a", changed)));
            index.settle();

            assertThat(index.sentenceVectors()
                            .find(List.of(
                                    "Negotiators met in Geneva on Saturday.",
                                    "Soybean purchases were not settled.",
                                    "Negotiators met in Geneva on Sunday.",
                                    "They agreed to cut tariffs.",
                                    "Traders cheered.")))
                    .containsOnlyKeys(
                            "Negotiators met in Geneva on Sunday.", "They agreed to cut tariffs.", "Traders cheered.");
        }
    }

    @Test
    void given_a_sentence_repeated_across_articles_when_ingested_then_it_is_embedded_once_per_batch() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index = open(embedder, true)) {
            index.ingest(List.of(
                    article("a", "Markets rose on the news. Subscribe to our newsletter."),
                    article("b", "Talks stalled again. Subscribe to our newsletter.")));
            index.settle();

            assertThat(embedder.embedded()).containsOnlyOnce("Subscribe to our newsletter.");
            assertThat(index.sentenceVectors().find(List.of("Subscribe to our newsletter.")))
                    .hasSize(1);
            index.remove("a");
            // the other article still holds the sentence; the removed one's own are gone with it
            assertThat(index.sentenceVectors().find(List.of("Subscribe to our newsletter.")))
                    .hasSize(1);
            assertThat(index.sentenceVectors().find(List.of("Markets rose on the news.")))
                    .isEmpty();
        }
    }

    @Test
    void given_sentence_vectors_when_their_article_is_retired_then_they_go_with_it_and_counts_are_unchanged() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index = open(embedder, true)) {
            index.ingest(List.of(article("a", TEXT)));
            index.settle();
            assertThat(index.articleCount()).isEqualTo(1);
            assertThat(index.passageCount()).isEqualTo(1);

            assertThat(index.removeOlderThan(LocalDate.of(2025, 6, 1))).isEqualTo(1);

            assertThat(index.sentenceVectors().find(Sentences.split(TEXT))).isEmpty();
        }
    }
}
