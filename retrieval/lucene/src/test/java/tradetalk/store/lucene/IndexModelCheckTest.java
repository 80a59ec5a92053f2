package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.ForwardingEmbedder;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.IndexException;
import tradetalk.retrieval.store.SearchSettings;

/** An index is only ever searched with vectors of the model that built it. */
class IndexModelCheckTest {

    @TempDir
    Path dir;

    /** The same vectors under another model's name. */
    private static final class Renamed extends ForwardingEmbedder {
        Renamed() {
            super(new RandomEmbedder(16));
        }

        @Override
        public String name() {
            return "another-model";
        }
    }

    @Test
    void given_an_index_built_with_one_model_when_opened_with_another_then_it_fails_naming_both() {
        RandomEmbedder model = new RandomEmbedder(16);
        try (ArticleIndex index = ArticleIndex.open(dir, model, new Chunker(120, 0), SearchSettings.defaults())) {
            index.ingest(List.of(Article.of(
                    new ArticleMeta("a", "Talks", "Wire", LocalDate.of(2025, 1, 2), "https://e.test/a", "", "", ""),
                    "Negotiators met again.")));
        }

        assertThatThrownBy(() -> ArticleIndex.open(dir, new Renamed(), new Chunker(120, 0), SearchSettings.defaults()))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining("was built with embedding model " + model.name())
                .hasMessageContaining("not another-model");
        try (ArticleIndex again = ArticleIndex.open(dir, model, new Chunker(120, 0), SearchSettings.defaults())) {
            assertThat(again.articleCount()).isEqualTo(1);
        }
    }
}
