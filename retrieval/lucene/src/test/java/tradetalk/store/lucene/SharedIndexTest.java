package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/** Two openers of one index (the bot and a `tradetalk ingest` beside it) see each other's commits. */
class SharedIndexTest {

    @TempDir
    Path dir;

    private ArticleIndex open() {
        return ArticleIndex.open(dir, new RandomEmbedder(16), new Chunker(50, 0), SearchSettings.defaults());
    }

    private static Article article(String id, String body) {
        return Article.of(
                new ArticleMeta(
                        id,
                        "Title " + id,
                        "Wire",
                        LocalDate.of(2019, 11, 18),
                        "https://example.test/" + id,
                        "",
                        "",
                        ""),
                body);
    }

    @Test
    void given_another_opener_ingests_when_this_one_reads_then_it_sees_the_new_articles() {
        try (ArticleIndex bot = open();
                ArticleIndex cli = open()) {
            assertThat(bot.articleCount()).isZero();

            cli.ingest(List.of(article("a", "Tariff talks resumed in Geneva on Monday.")));

            assertThat(bot.articleCount()).isEqualTo(1);
            assertThat(bot.articles()).extracting(ArticleMeta::id).containsExactly("a");
        }
    }

    @Test
    void given_another_opener_ingests_when_idf_is_looked_up_then_it_is_as_of_the_last_search_until_the_next() {
        try (ArticleIndex bot = open();
                ArticleIndex cli = open()) {
            cli.ingest(List.of(article("a", "Tariff talks resumed in Geneva on Monday.")));
            bot.search(SearchRequest.of("tariff", 3));
            double unseen = bot.idf("soybean");

            cli.ingest(List.of(article("b", "Soybean purchases were discussed.")));

            // an answer's dozens of term lookups are weighed against the commit its passages came from ...
            assertThat(bot.idf("soybean")).isEqualTo(unseen);
            // ... and the next search sees the new commit
            assertThat(bot.search(SearchRequest.of("soybean", 3))).isNotEmpty();
            assertThat(bot.idf("soybean")).isLessThan(unseen);
        }
    }

    @Test
    void given_another_opener_replaced_an_article_when_recording_an_outlet_then_the_new_text_is_kept() {
        try (ArticleIndex bot = open();
                ArticleIndex cli = open()) {
            bot.ingest(List.of(article("a", "Old text about tariff talks.")));
            assertThat(bot.article("a")).isPresent();
            cli.ingest(List.of(article("a", "New text about tariff talks in Geneva.")));

            bot.addAlsoIn("a", "https://other.test/a");

            assertThat(cli.article("a"))
                    .get()
                    .extracting(Article::body)
                    .isEqualTo("New text about tariff talks in Geneva.");
            assertThat(cli.alsoIn("a")).containsExactly("https://other.test/a");
            assertThat(bot.ingest(List.of(article("a", "New text about tariff talks in Geneva.")))
                            .unchanged())
                    .isEqualTo(1);
        }
    }
}
