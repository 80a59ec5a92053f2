package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.Rejected;

class JsonArticlesTest {

    private static final ArticleCheck CHECK =
            new ArticleCheck(java.time.Clock.systemUTC(), ArticleReader.DEFAULT_MAX_ARTICLE_BYTES);

    private static final Path FILE = Path.of("corpus", "multihop.json");

    @Test
    void should_read_multihop_rag_records() {
        // given
        String json = """
                [
                  {"title": "Trade truce holds", "author": "Jane Doe", "source": "Reuters",
                   "published_at": "2023-09-28T12:00:00+00:00", "category": "business",
                   "url": "https://example.com/truce", "body": "The truce held.  Markets   rose.\\n\\nAnalysts agreed."},
                  {"title": "No link here", "source": "AP", "published_at": "2023-09-29T01:00:00Z",
                   "body": "Officials met again."}
                ]""";

        // when
        ReadResult result = JsonArticles.readJson(json, FILE, CHECK);

        // then
        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles()).hasSize(2);
        Article first = result.articles().get(0);
        assertThat(first.meta().id()).isEqualTo(ArticleIds.forUrl("https://example.com/truce"));
        assertThat(first.meta().title()).isEqualTo("Trade truce holds");
        assertThat(first.meta().author()).isEqualTo("Jane Doe");
        assertThat(first.meta().source()).isEqualTo("Reuters");
        assertThat(first.meta().publishedAt()).isEqualTo(LocalDate.of(2023, 9, 28));
        assertThat(first.meta().category()).isEqualTo("business");
        assertThat(first.meta().url()).isEqualTo("https://example.com/truce");
        assertThat(first.meta().path()).isEqualTo("corpus/multihop.json");
        assertThat(first.body()).isEqualTo("The truce held. Markets rose.\n\nAnalysts agreed.");
        Article second = result.articles().get(1);
        assertThat(second.meta().id()).isEqualTo(ArticleIds.forRecord("AP", "No link here", "2023-09-29"));
        assertThat(second.meta().url()).isEmpty();
    }

    @Test
    void should_accept_field_aliases() {
        // given
        String json = """
                [{"date": "2019-11-18", "text": "From text.", "outlet": "BBC", "link": "https://e.com/1",
                  "authors": ["A. One", "B. Two"]},
                 {"date": "Tue, 26 Nov 2019 10:00:00 GMT", "content": "From content. Second sentence."}]""";

        // when
        ReadResult result = JsonArticles.readJson(json, FILE, CHECK);

        // then
        assertThat(result.rejected()).isEmpty();
        Article a = result.articles().get(0);
        Article b = result.articles().get(1);
        assertThat(a.body()).isEqualTo("From text.");
        assertThat(a.meta().source()).isEqualTo("BBC");
        assertThat(a.meta().url()).isEqualTo("https://e.com/1");
        assertThat(a.meta().author()).isEqualTo("A. One, B. Two");
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 18));
        assertThat(a.meta().title()).isEqualTo("From text");
        assertThat(b.body()).isEqualTo("From content. Second sentence.");
        assertThat(b.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 26));
        assertThat(b.meta().title()).isEqualTo("From content");
    }

    @Test
    void should_read_a_single_object_file_as_one_article() {
        ReadResult result = JsonArticles.readJson("{\"title\": \"One\", \"body\": \"Only one.\"}", FILE, CHECK);

        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles()).extracting(x -> x.meta().title()).containsExactly("One");
    }

    @Test
    void should_reject_bad_records_by_number_and_keep_the_good_ones() {
        // given
        String json = """
                [{"title": "Good", "body": "Fine."},
                 {"title": "No text", "body": "  "},
                 "not an object",
                 {"title": "Bad date", "body": "x", "published_at": "2019-02-30T00:00:00Z"},
                 {"title": "Also good", "body": "Fine too."}]""";

        // when
        ReadResult result = JsonArticles.readJson(json, FILE, CHECK);

        // then
        assertThat(result.articles()).extracting(x -> x.meta().title()).containsExactly("Good", "Also good");
        assertThat(result.rejected())
                .containsExactly(
                        new Rejected("corpus/multihop.json#2", "record has no text (no 'body', 'text' or 'content')"),
                        new Rejected("corpus/multihop.json#3", "record is not a JSON object"),
                        new Rejected("corpus/multihop.json#4", "impossible date '2019-02-30T00:00:00Z'"));
    }

    @Test
    void should_reject_a_broken_json_file_with_line_and_column() {
        ReadResult result = JsonArticles.readJson("[\n  {\"title\": \"x\",\n   \"body\": oops}\n]", FILE, CHECK);

        assertThat(result.articles()).isEmpty();
        assertThat(result.rejected()).hasSize(1);
        assertThat(result.rejected().get(0).source()).isEqualTo("corpus/multihop.json");
        assertThat(result.rejected().get(0).reason()).startsWith("broken JSON at line 3, column 12: ");
    }

    @Test
    void should_read_json_lines_rejecting_only_the_broken_line() {
        // given
        String jsonl = """
                {"title": "One", "body": "First."}

                {"title": "Two", "body": "Second."
                {"title": "Three", "body": "Third."}
                """;

        // when
        ReadResult result = JsonArticles.readJsonLines(jsonl, Path.of("feed.jsonl"), CHECK);

        // then
        assertThat(result.articles()).extracting(x -> x.meta().title()).containsExactly("One", "Three");
        assertThat(result.rejected()).hasSize(1);
        assertThat(result.rejected().get(0).source()).isEqualTo("feed.jsonl#3");
        assertThat(result.rejected().get(0).reason()).startsWith("broken JSON at column ");
    }

    @Test
    void should_reject_trailing_garbage_on_a_json_line() {
        ReadResult result = JsonArticles.readJsonLines("{\"body\": \"ok\"} extra\n", Path.of("feed.ndjson"), CHECK);

        assertThat(result.articles()).isEmpty();
        assertThat(result.rejected()).extracting(Rejected::source).containsExactly("feed.ndjson#1");
    }
}
