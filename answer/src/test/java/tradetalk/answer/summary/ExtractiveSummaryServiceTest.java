package tradetalk.answer.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tradetalk.answer.model.FakeModelServer.answer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tradetalk.answer.Citation;
import tradetalk.answer.SeedIndex;
import tradetalk.answer.model.FakeModelServer;
import tradetalk.answer.model.ModelComposer;
import tradetalk.answer.model.ModelSettings;
import tradetalk.answer.model.ModelSettings.Provider;
import tradetalk.answer.model.Prompts;
import tradetalk.answer.status.StatusSettings;
import tradetalk.answer.summary.SummaryRequest.Length;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.store.lucene.ArticleIndex;

/** Summaries over a real index of the three seed articles. */
class ExtractiveSummaryServiceTest {

    static final Pattern MARKER = Pattern.compile("\\s*\\[\\d+]");

    @TempDir
    static Path dir;

    static Embedder embedder;
    static ArticleIndex index;
    static ExtractiveSummaryService service;

    @BeforeAll
    static void buildIndex() {
        embedder = SeedIndex.embedder();
        index = SeedIndex.build(dir, embedder);
        service = new ExtractiveSummaryService(
                index, embedder, StatusSettings.defaults().thresholds(), null);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static ArticleMeta dated(String date) {
        return index.articles().stream()
                .filter(a -> a.publishedAt().equals(LocalDate.parse(date)))
                .findFirst()
                .orElseThrow();
    }

    static Summary ofArticle(String date, Length length) {
        return service.summarize(new SummaryRequest(dated(date).id(), null, null, null, length));
    }

    static List<String> sentences(Summary s) {
        return Sentences.split(MARKER.matcher(s.text()).replaceAll("")).stream()
                .map(String::strip)
                .toList();
    }

    @Test
    @DisplayName("the short summary of the 2019-10-25 article says what was agreed and where it was to be signed")
    void given_the_oct25_seed_when_summarised_short_then_it_has_the_deal_and_the_summit() {
        Summary s = ofArticle("2019-10-25", Length.SHORT);

        assertThat(sentences(s)).hasSizeLessThanOrEqualTo(Length.SHORT.sentences());
        assertThat(s.text())
                .contains("resume purchases of U.S. agricultural products")
                .contains("in return for a pause in further U.S. tariffs")
                .containsAnyOf("summit in Chile", "summit in Santiago");
    }

    @Test
    @DisplayName("the long summary of the 2019-10-25 article has the Santiago summit and purchases for a tariff pause")
    void should_summarise_oct25_article_with_key_facts() {
        Summary s = ofArticle("2019-10-25", Length.LONG);

        assertThat(s.text())
                .contains("Asia-Pacific Economic Cooperation summit in Santiago")
                .contains("resume purchases of U.S. agricultural products")
                .contains("in return for a pause in further U.S. tariffs");
        assertThat(ofArticle("2019-10-25", Length.SHORT).text())
                .contains("close to finalizing sections of the first phase of a trade deal");
    }

    @Test
    @DisplayName("the 2019-11-18 summaries have the constructive call of Liu He with Mnuchin and Lighthizer")
    void should_summarise_nov18_article_with_key_facts() {
        assertThat(ofArticle("2019-11-18", Length.SHORT).text())
                .contains("\"constructive discussions\" in a phone call");
        assertThat(ofArticle("2019-11-18", Length.LONG).text())
                .contains("\"constructive discussions\" in a phone call")
                .contains("Liu He")
                .contains("Steven Mnuchin")
                .contains("Robert Lighthizer")
                .contains("at the request of the US negotiators");
    }

    @Test
    @DisplayName("the 2019-11-26 summaries have the 'final throes' and the Hong Kong bill")
    void should_summarise_nov26_article_with_key_facts() {
        assertThat(ofArticle("2019-11-26", Length.SHORT).text())
                .contains("\"final throes\" of finalizing a phase one trade deal")
                .contains("Hong Kong human rights bill");
        assertThat(ofArticle("2019-11-26", Length.LONG).text())
                .contains("\"final throes\"")
                .contains("Liu He and other senior officials spoke by phone");
    }

    @ParameterizedTest
    @EnumSource(Length.class)
    @DisplayName("every article summary has the requested length, each sentence cited, none twice")
    void should_cite_every_sentence_once_at_requested_length(Length length) {
        for (ArticleMeta a : index.articles()) {
            Summary s = service.summarize(new SummaryRequest(a.id(), null, null, null, length));

            assertThat(s.empty()).isFalse();
            assertThat(s.subject()).isEqualTo(a.title());
            assertThat(s.backend()).isEqualTo("offline");
            assertThat(sentences(s)).hasSize(length.sentences()).doesNotHaveDuplicates();
            assertThat(s.text().split(" \\[1]", -1)).hasSize(length.sentences() + 1);
            assertThat(s.text()).endsWith("[1]");
            assertThat(s.citations()).singleElement().satisfies(c -> {
                assertThat(c.n()).isEqualTo(1);
                assertThat(c.article().id()).isEqualTo(a.id());
            });
            assertThat(s.text()).doesNotContain("WASHINGTON •");
        }
    }

    @Test
    @DisplayName("an article is found by a unique part of its title, case-insensitive, or by its file path")
    void should_resolve_article_by_title_part_or_path() {
        ArticleMeta nov26 = dated("2019-11-26");

        assertThat(service.resolve("FINAL THROES")).contains(nov26);
        assertThat(service.resolve(nov26.path())).contains(nov26);
        assertThat(service.summarize(new SummaryRequest("final throes", null, null, null, Length.SHORT))
                        .citations())
                .extracting(c -> c.article().id())
                .containsExactly(nov26.id());
    }

    @Test
    @DisplayName("a title part matching several articles is refused, listing them")
    void should_refuse_ambiguous_article_reference() {
        assertThatThrownBy(() -> service.summarize(new SummaryRequest("Trade", null, null, null, Length.SHORT)))
                .isInstanceOf(tradetalk.answer.UserError.class)
                .hasMessageContaining("'Trade' matches 3 articles")
                .hasMessageContaining(dated("2019-11-18").id())
                .hasMessageContaining("2019-10-25");
    }

    @Test
    @DisplayName("an unknown article gives an empty summary")
    void should_give_empty_summary_for_unknown_article() {
        Summary s = service.summarize(new SummaryRequest("no such headline", null, null, null, Length.SHORT));

        assertThat(s.empty()).isTrue();
        assertThat(s.text()).isEqualTo("Nothing indexed matches the article 'no such headline'.");
        assertThat(s.citations()).isEmpty();
    }

    @Test
    @DisplayName("a topic summary cites several articles in time order, without repeats")
    void should_summarise_topic_in_time_order() {
        Summary s = service.summarize(new SummaryRequest(null, "US–China trade talks", null, null, Length.LONG));

        assertThat(s.empty()).isFalse();
        assertThat(s.citations()).hasSizeGreaterThan(1);
        List<LocalDate> dates =
                s.citations().stream().map(c -> c.article().publishedAt()).toList();
        assertThat(dates).isSorted();
        assertThat(sentences(s)).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a topic with no coverage gets an honest 'nothing indexed' reply")
    void should_report_nothing_indexed_for_uncovered_topic() {
        Summary s = service.summarize(new SummaryRequest(null, "Brexit negotiations", null, null, Length.SHORT));

        assertThat(s.empty()).isTrue();
        assertThat(s.text()).isEqualTo("Nothing indexed on Brexit negotiations.");
        assertThat(s.citations()).isEmpty();
    }

    @Test
    @DisplayName("a date range summarises only the articles in it")
    void should_summarise_date_range() {
        Summary s = service.summarize(
                new SummaryRequest(null, null, LocalDate.of(2019, 11, 1), LocalDate.of(2019, 11, 30), Length.SHORT));

        assertThat(s.subject()).isEqualTo("the news, 2019-11-01 to 2019-11-30");
        assertThat(s.citations())
                .isNotEmpty()
                .extracting(c -> c.article().publishedAt())
                .allMatch(d -> d.getMonthValue() == 11);
        Summary none = service.summarize(new SummaryRequest(null, null, LocalDate.of(2020, 1, 1), null, Length.SHORT));
        assertThat(none.empty()).isTrue();
        assertThat(none.text()).isEqualTo("Nothing indexed since 2020-01-01.");
    }

    @Test
    @DisplayName("findArticles matches title parts, newest first")
    void should_find_articles_by_title_part() {
        assertThat(service.findArticles("TRADE", 10))
                .extracting(ArticleMeta::publishedAt)
                .containsExactly(LocalDate.of(2019, 11, 26), LocalDate.of(2019, 11, 18), LocalDate.of(2019, 10, 25));
        assertThat(service.findArticles("trade", 1)).hasSize(1);
        assertThat(service.findArticles("throes", 10))
                .extracting(ArticleMeta::publishedAt)
                .containsExactly(LocalDate.of(2019, 11, 26));
    }

    @Test
    @DisplayName("with a model, the summary is written from the selected passages and its citations checked")
    void should_write_summary_with_model() {
        try (FakeModelServer server = FakeModelServer.start()) {
            server.always(answer("Trump said the deal was in its final throes [1]. An uncited claim. Bad [9]."));
            ModelSettings settings = new ModelSettings(
                    Provider.OPENAI,
                    server.openAiBaseUrl(),
                    "gpt-fake",
                    null,
                    Duration.ofSeconds(5),
                    0.0,
                    256,
                    3000,
                    0);
            ExtractiveSummaryService withModel = new ExtractiveSummaryService(
                    index,
                    embedder,
                    StatusSettings.defaults().thresholds(),
                    ModelComposer.blocking(settings, Prompts.bundled()));

            Summary s =
                    withModel.summarize(new SummaryRequest(dated("2019-11-26").id(), null, null, null, Length.SHORT));

            assertThat(s.backend()).isEqualTo("openai");
            assertThat(s.text()).isEqualTo("Trump said the deal was in its final throes [1].");
            assertThat(s.citations()).extracting(Citation::n).containsExactly(1);
            assertThat(server.lastRequest().message("user"))
                    .contains("about 3 sentences")
                    .contains("final throes")
                    .contains("<topic>\n" + dated("2019-11-26").title());
        }
    }
}
