package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;

class HtmlArticlesTest {

    private static final String PARAGRAPH_1 = "China and the United States agreed on Friday to a phase one trade deal "
            + "that cuts some tariffs in exchange for more Chinese purchases of American farm goods.";
    private static final String PARAGRAPH_2 = "The agreement ends a period of escalation, though tariffs on about "
            + "$360 billion of Chinese imports remain in place until a second phase is negotiated.";

    static final String PAGE = """
            <!doctype html>
            <html><head>
              <title>Deal reached | Example News</title>
              <meta property="og:title" content="U.S. and China reach phase one deal">
              <meta property="og:site_name" content="Example News">
              <meta property="og:url" content="https://news.example.com/2019/12/13/deal">
              <meta property="article:published_time" content="2019-12-13T15:30:00-05:00">
              <meta property="article:section" content="Economy">
              <meta name="author" content="Jane Doe">
              <link rel="canonical" href="https://news.example.com/other">
              <script>var tracking = "do not index me";</script>
              <style>p { color: red }</style>
            </head><body>
              <header class="site-header"><a href="/">Home</a> Subscribe now</header>
              <nav><ul><li>World</li><li>Markets</li></ul></nav>
              <div class="cookie-banner">We use cookies to improve your experience.</div>
              <article>
                <h1>U.S. and China reach phase one deal</h1>
                <div class="share-buttons">Share on Twitter Share on Facebook</div>
                <p>%s</p>
                <figure><img src="x.jpg"><figcaption>Negotiators in Beijing. Photo: Reuters</figcaption></figure>
                <p>%s<script>alert('x')</script></p>
                <aside>Read more: tariffs explained</aside>
                <div class="related-stories"><p>Other story you may like about something else entirely.</p></div>
              </article>
              <footer>Copyright 2019 Example News. All rights reserved.</footer>
            </body></html>
            """.formatted(PARAGRAPH_1, PARAGRAPH_2);

    @Test
    void should_extract_metadata_and_main_text_without_page_furniture() throws Exception {
        // when
        Article a = HtmlArticles.parse(PAGE, null, Path.of("pages/deal.html"));

        // then
        assertThat(a.meta().title()).isEqualTo("U.S. and China reach phase one deal");
        assertThat(a.meta().source()).isEqualTo("Example News");
        assertThat(a.meta().url()).isEqualTo("https://news.example.com/2019/12/13/deal");
        assertThat(a.meta().id()).isEqualTo(ArticleIds.forUrl("https://news.example.com/2019/12/13/deal"));
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 12, 13));
        assertThat(a.meta().author()).isEqualTo("Jane Doe");
        assertThat(a.meta().category()).isEqualTo("Economy");
        assertThat(a.meta().path()).isEqualTo("pages/deal.html");
        assertThat(a.body()).isEqualTo(PARAGRAPH_1 + "\n\n" + PARAGRAPH_2);
    }

    @Test
    void should_fall_back_to_h1_time_element_canonical_link_and_page_url() throws Exception {
        // given
        String html = """
                <html><head><title>Page title</title><link rel="canonical" href="/story/42"></head><body>
                <main><h1>Talks resume in Washington</h1><time datetime="2019-10-10">Oct 10</time>
                <p>%s <time datetime="2019-10-09">Wednesday</time>.</p><p>%s</p></main></body></html>""".formatted(PARAGRAPH_1, PARAGRAPH_2);

        // when
        Article a = HtmlArticles.parse(html, "https://site.example/feed/item", null);

        // then
        assertThat(a.meta().title()).isEqualTo("Talks resume in Washington");
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 10, 10));
        assertThat(a.meta().url()).isEqualTo("https://site.example/story/42");
        assertThat(a.meta().path()).isEmpty();
        assertThat(a.body()).isEqualTo(PARAGRAPH_1 + " Wednesday.\n\n" + PARAGRAPH_2);
    }

    @Test
    void should_read_json_ld_date_and_pick_the_div_with_most_paragraph_text() throws Exception {
        // given
        String html = """
                <html><head><title>Soybean purchases rise</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"x"},
                  {"@type":"NewsArticle","datePublished":"2019-11-05T08:00:00Z"}]}</script></head>
                <body><div class="sidebar"><p>Short teaser.</p></div>
                <div class="content"><p>%s</p><p>%s</p></div></body></html>
                """.formatted(PARAGRAPH_1, PARAGRAPH_2);

        // when
        Article a = HtmlArticles.parse(html, "", Path.of("x.html"));

        // then
        assertThat(a.meta().title()).isEqualTo("Soybean purchases rise");
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 5));
        assertThat(a.meta().url()).isEmpty();
        assertThat(a.meta().id()).isEqualTo(ArticleIds.forFile(Path.of("x.html")));
        assertThat(a.body()).isEqualTo(PARAGRAPH_1 + "\n\n" + PARAGRAPH_2);
    }

    @Test
    void should_refuse_pages_without_enough_text() {
        String html =
                "<html><head><title>Login</title></head><body><nav>Menu</nav><p>Please sign in.</p></body></html>";

        assertThatThrownBy(() -> HtmlArticles.parse(html, "https://x.example/login", null))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessage("no usable article text (3 words, need at least 30)");
    }

    @Test
    void given_only_an_impossible_date_when_parsed_then_the_page_is_kept_without_a_date() throws Exception {
        String html = "<html><head><meta name=\"date\" content=\"2019-13-01\"></head><body><p>" + PARAGRAPH_1
                + "</p><p>" + PARAGRAPH_2 + "</p></body></html>";

        Article a = HtmlArticles.parse(html, null, null);

        assertThat(a.meta().publishedAt()).isNull();
        assertThat(a.body()).isEqualTo(PARAGRAPH_1 + "\n\n" + PARAGRAPH_2);
    }

    @Test
    void given_a_file_with_an_impossible_date_when_parsed_then_it_is_refused_naming_the_date() {
        String html = "<html><head><meta name=\"date\" content=\"2019-13-01\"></head><body><p>" + PARAGRAPH_1
                + "</p><p>" + PARAGRAPH_2 + "</p></body></html>";

        assertThatThrownBy(() -> HtmlArticles.parse(html, null, java.nio.file.Path.of("bad.html")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageContaining("impossible date '2019-13-01'");
    }

    @Test
    void given_an_unreadable_meta_date_when_parsed_then_the_next_candidate_is_used() throws Exception {
        String html = """
                <html><head>
                <meta property="article:published_time" content="Nov 18, 2019 at 10am">
                </head><body><article>
                <time datetime="10:00">10:00</time> <time datetime="PT5M">5 min read</time> <time datetime="2019-11">Nov</time>
                <time datetime="2019-11-18T21:00:00.000-0500">18 November</time>
                <p>%s</p><p>%s</p></article></body></html>
                """.formatted(PARAGRAPH_1, PARAGRAPH_2);

        Article a = HtmlArticles.parse(html, "https://x.example/a", null);

        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 18));
    }

    @Test
    void given_unreadable_meta_and_time_dates_when_parsed_then_json_ld_gives_the_date() throws Exception {
        String html = """
                <html><head>
                <meta name="date" content="yesterday">
                <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Mon, 18 Nov 2019 21:00 EST"}</script>
                </head><body><p>%s</p><p>%s</p><time datetime="PT5M">5 min read</time></body></html>
                """.formatted(PARAGRAPH_1, PARAGRAPH_2);

        Article a = HtmlArticles.parse(html, null, Path.of("x.html"));

        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 18));
    }

    @Test
    void given_only_non_date_time_values_when_parsed_then_the_page_is_kept_without_a_date() throws Exception {
        String html =
                "<html><body><p>" + PARAGRAPH_1 + " <time datetime=\"10:00\">at ten</time></p>" + "<p>" + PARAGRAPH_2
                        + "</p><time datetime=\"PT5M\">5 min</time><time datetime=\"2019-11\">November</time></body></html>";

        Article a = HtmlArticles.parse(html, null, null);

        assertThat(a.meta().publishedAt()).isNull();
    }
}
