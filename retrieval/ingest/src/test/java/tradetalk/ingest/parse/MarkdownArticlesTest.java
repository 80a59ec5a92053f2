package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;

class MarkdownArticlesTest {

    @TempDir
    Path dir;

    @Test
    void should_read_front_matter_and_convert_markdown_to_plain_text() throws Exception {
        // given
        String md = """
                ---
                title: "Phase one deal: what we know"
                date: 2019-12-13
                outlet: CNBC
                url: https://example.com/phase-one
                author: Jane Doe
                category: Markets
                ---
                # Phase one deal: what we know

                The **United States** and *China* agreed a [phase one deal](https://example.com/deal) on `Friday`.
                ![chart](chart.png)

                ## Tariffs

                - Tariffs of 15% on $160bn are _suspended_.
                - Existing ~~tariffs~~ duties are halved.

                > "This is a great deal," Trump said.

                ```
                tariff_rate = 7.5
                ```
                """;
        Path file = dir.resolve("deal.md");

        // when
        Article a = MarkdownArticles.parse(md, file);

        // then
        assertThat(a.meta().title()).isEqualTo("Phase one deal: what we know");
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 12, 13));
        assertThat(a.meta().source()).isEqualTo("CNBC");
        assertThat(a.meta().url()).isEqualTo("https://example.com/phase-one");
        assertThat(a.meta().id()).isEqualTo(ArticleIds.forUrl("https://example.com/phase-one"));
        assertThat(a.meta().author()).isEqualTo("Jane Doe");
        assertThat(a.meta().category()).isEqualTo("Markets");
        assertThat(a.meta().path()).isEqualTo(file.toString());
        assertThat(a.body()).isEqualTo("""
                The United States and China agreed a phase one deal on Friday.

                Tariffs

                Tariffs of 15% on $160bn are suspended.

                Existing tariffs duties are halved.

                "This is a great deal," Trump said.

                tariff_rate = 7.5""");
    }

    @Test
    void should_take_the_first_h1_as_title_when_front_matter_has_none() throws Exception {
        String md = """
                ---
                published_at: 2019-11-26T10:00:00Z
                source: Fox Business
                ---
                Intro line before the heading is fine.

                # Trump says deal in final throes

                Body text here.
                """;

        Article a = MarkdownArticles.parse(md, dir.resolve("a.md"));

        assertThat(a.meta().title()).isEqualTo("Trump says deal in final throes");
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 26));
        assertThat(a.meta().source()).isEqualTo("Fox Business");
        assertThat(a.meta().id()).isEqualTo(ArticleIds.forFile(dir.resolve("a.md")));
        assertThat(a.body())
                .isEqualTo("Intro line before the heading is fine.\n\n"
                        + "Trump says deal in final throes\n\nBody text here.");
    }

    @Test
    void should_drop_a_leading_h1_used_as_title_and_derive_title_without_headings() throws Exception {
        Article titled = MarkdownArticles.parse("# Talks stall\n\nNegotiators left Beijing.\n", dir.resolve("b.md"));
        Article untitled =
                MarkdownArticles.parse("Negotiators left Beijing. No date was set.\n", dir.resolve("c.markdown"));

        assertThat(titled.meta().title()).isEqualTo("Talks stall");
        assertThat(titled.body()).isEqualTo("Negotiators left Beijing.");
        assertThat(untitled.meta().title()).isEqualTo("Negotiators left Beijing");
        assertThat(untitled.meta().publishedAt()).isNull();
    }

    @Test
    void should_read_setext_headings_and_keep_snake_case_words() throws Exception {
        Article a = MarkdownArticles.parse(
                "Deal signed\n===========\n\nThe trade_war_tracker was updated.\n", dir.resolve("d.md"));

        assertThat(a.meta().title()).isEqualTo("Deal signed");
        assertThat(a.body()).isEqualTo("The trade_war_tracker was updated.");
    }

    @Test
    void should_refuse_impossible_front_matter_date() {
        assertThatThrownBy(() -> MarkdownArticles.parse("---\ndate: 2019-02-30\n---\nText.\n", dir.resolve("e.md")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessage("impossible date '2019-02-30'");
    }

    @Test
    void should_refuse_unclosed_or_broken_front_matter() {
        assertThatThrownBy(() -> MarkdownArticles.parse("---\ntitle: x\nText.\n", dir.resolve("f.md")))
                .hasMessage("front matter is not closed (no second '---' line)");
        assertThatThrownBy(() -> MarkdownArticles.parse("---\ntitle: [unclosed\n---\nText.\n", dir.resolve("g.md")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("broken YAML front matter at line");
    }

    @Test
    void given_a_plain_number_title_a_list_of_authors_and_a_named_source_when_parsed_then_each_is_read_as_text()
            throws Exception {
        Article a = MarkdownArticles.parse(
                "---\ntitle: 1984\nauthor: [A. One, B. Two]\nsource: {name: Reuters}\n---\nText.\n",
                dir.resolve("typed.md"));

        assertThat(a.meta().title()).isEqualTo("1984");
        assertThat(a.meta().author()).isEqualTo("A. One, B. Two");
        assertThat(a.meta().source()).isEqualTo("Reuters");
    }

    @Test
    void given_a_yaml_alias_in_a_list_when_parsed_then_it_is_refused_naming_the_field() {
        assertThatThrownBy(() -> MarkdownArticles.parse(
                        "---\nsource: &s Reuters\nauthor: [*s]\n---\nText.\n", dir.resolve("alias.md")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessage("field 'author' is a YAML alias (*s), which is not read: write the value itself");
    }

    @Test
    void should_refuse_front_matter_without_body() {
        assertThatThrownBy(() -> MarkdownArticles.parse("---\ntitle: Only a title\n---\n\n", dir.resolve("h.md")))
                .hasMessage("no article text after the front matter");
    }

    @Test
    void given_a_rule_of_20000_dashes_and_nested_quotes_when_parsed_then_they_are_read_as_markdown() throws Exception {
        String md = "# Long rule\n\nBefore.\n\n" + "-".repeat(20_000) + "\n\n> > > Quoted twice.\n";

        Article a = MarkdownArticles.parse(md, dir.resolve("rule.md"));

        assertThat(a.body()).isEqualTo("Before.\n\nQuoted twice.");
    }
}
