package tradetalk.answer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.Citation;
import tradetalk.answer.SeedIndex;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.store.lucene.ArticleIndex;

/** The offline status timeline over a real index of the three seed articles. */
class TimelineStatusServiceTest {

    static final LocalDate OCT25 = LocalDate.of(2019, 10, 25);
    static final LocalDate NOV18 = LocalDate.of(2019, 11, 18);
    static final LocalDate NOV26 = LocalDate.of(2019, 11, 26);
    static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @TempDir
    static Path dir;

    static Embedder embedder;
    static ArticleIndex index;
    static TimelineStatusService service;

    @BeforeAll
    static void buildIndex() {
        embedder = SeedIndex.embedder();
        index = SeedIndex.build(dir.resolve("index"), embedder);
        service = new TimelineStatusService(index, embedder, StatusSettings.defaults(), null);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static StatusRequest request(String topic, LocalDate since) {
        return new StatusRequest(topic, since, 60, null);
    }

    @Test
    @DisplayName("status leads with the 2019-11-26 development, then the others newest first, each line cited")
    void should_lead_with_newest_development_and_list_others_newest_first() {
        StatusReport r = service.status(request(null, null));

        assertThat(r.empty()).isFalse();
        assertThat(r.topic()).isEqualTo("US–China trade talks");
        assertThat(r.backend()).isEqualTo("offline");
        assertThat(r.items()).extracting(TimelineItem::date).containsExactly(NOV26, NOV18, OCT25);
        // the headline says where things stand now: it cites the newest article only
        assertThat(markers(r.headline())).isNotEmpty();
        assertThat(cited(r.headline(), r.citations()))
                .allMatch(c -> c.article().publishedAt().equals(NOV26));
        assertThat(r.items().getFirst().text()).contains("final throes");
        for (TimelineItem item : r.items()) {
            assertThat(item.citations()).as(item.text()).isNotEmpty();
            assertThat(item.citations()).allMatch(c -> c.article().publishedAt().equals(item.date()));
            assertThat(cited(item.text(), r.citations())).containsExactlyElementsOf(item.citations());
        }
        assertThat(r.citations()).extracting(Citation::n).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("no sentence appears twice in a status report, and datelines are stripped")
    void should_not_repeat_sentences() {
        StatusReport r = service.status(request(null, null));

        List<String> sentences =
                new ArrayList<>(Sentences.split(MARKER.matcher(r.headline()).replaceAll("")));
        r.items()
                .forEach(i -> sentences.addAll(
                        Sentences.split(MARKER.matcher(i.text()).replaceAll(""))));
        assertThat(sentences.stream().map(String::strip).toList()).doesNotHaveDuplicates();
        assertThat(String.join(" ", sentences)).doesNotContain("WASHINGTON •");
    }

    @Test
    @DisplayName("--since keeps only what changed since the date")
    void should_report_only_developments_since_date() {
        StatusReport r = service.status(request(null, LocalDate.of(2019, 11, 1)));

        assertThat(r.items()).extracting(TimelineItem::date).containsExactly(NOV26, NOV18);
        assertThat(r.citations()).allMatch(c -> !c.article().publishedAt().isBefore(LocalDate.of(2019, 11, 1)));
    }

    @Test
    @DisplayName("a request for the configured window uses status.window-days")
    void should_use_the_configured_window_when_asked() {
        StatusSettings d = StatusSettings.defaults();
        StatusSettings tenDays = new StatusSettings(
                d.defaultTopic(),
                10,
                d.maxItems(),
                d.eventDays(),
                d.sameEventSimilarity(),
                d.minCoverage(),
                d.minSimilarity(),
                d.namedSimilarity(),
                d.coveredSimilarity());

        StatusReport narrow = new TimelineStatusService(index, embedder, tenDays, null)
                .status(new StatusRequest(null, null, StatusRequest.CONFIGURED_WINDOW, null));
        StatusReport wide = service.status(new StatusRequest(null, null, StatusRequest.CONFIGURED_WINDOW, null));

        assertThat(narrow.items()).extracting(TimelineItem::date).containsExactly(NOV26, NOV18);
        assertThat(wide.items()).hasSize(3);
    }

    @Test
    @DisplayName("the window counts back from the newest relevant article")
    void should_limit_timeline_to_window() {
        StatusReport r = service.status(new StatusRequest(null, null, 10, null));

        assertThat(r.items()).extracting(TimelineItem::date).containsExactly(NOV26, NOV18);
        assertThat(r.reachesBack()).isEqualTo(NOV26.minusDays(10));
    }

    @Test
    @DisplayName("the report says how far back its timeline reaches: the window's first day, or --since")
    void should_say_how_far_back_the_timeline_reaches() {
        StatusReport configured = service.status(new StatusRequest(null, null, StatusRequest.CONFIGURED_WINDOW, null));
        StatusReport since = service.status(request(null, LocalDate.of(2019, 11, 1)));
        StatusReport asOf = service.status(new StatusRequest(null, null, 30, LocalDate.of(2019, 11, 20)));
        StatusReport nothing = service.status(request("Brexit negotiations", null));

        assertThat(configured.reachesBack()).isEqualTo(NOV26.minusDays(60));
        assertThat(since.reachesBack()).isEqualTo(LocalDate.of(2019, 11, 1));
        assertThat(asOf.reachesBack()).isEqualTo(NOV18.minusDays(30));
        assertThat(nothing.empty()).isTrue();
        assertThat(nothing.reachesBack()).isNull();
    }

    @Test
    @DisplayName("as of a date, later articles are ignored")
    void should_ignore_articles_after_as_of() {
        StatusReport r = service.status(new StatusRequest(null, null, 60, LocalDate.of(2019, 11, 20)));

        assertThat(r.items()).extracting(TimelineItem::date).containsExactly(NOV18, OCT25);
        assertThat(cited(r.headline(), r.citations()))
                .allMatch(c -> c.article().publishedAt().equals(NOV18));
    }

    @Test
    @DisplayName("a topic with no coverage gets an honest 'nothing indexed' reply")
    void should_report_nothing_indexed_for_uncovered_topic() {
        StatusReport r = service.status(request("Brexit negotiations", null));

        assertThat(r.empty()).isTrue();
        assertThat(r.headline()).isEqualTo("Nothing indexed on Brexit negotiations.");
        assertThat(r.items()).isEmpty();
        assertThat(r.citations()).isEmpty();
    }

    @Test
    @DisplayName("a named topic the articles cover is reported on")
    void should_report_on_covered_named_topic() {
        StatusReport r = service.status(request("Hong Kong human rights bill", null));

        assertThat(r.empty()).isFalse();
        assertThat(r.topic()).isEqualTo("Hong Kong human rights bill");
        assertThat(r.items()).isNotEmpty();
    }

    @Test
    @DisplayName("repeated coverage of one event by another outlet collapses into one line citing both")
    void should_collapse_repeated_coverage_into_one_line(@TempDir Path other) throws Exception {
        Path extra = other.resolve("articles");
        Files.createDirectories(extra);
        Files.writeString(extra.resolve("repeat.md"), """
                ---
                title: US and China in final throes of phase one deal, Trump says
                date: 2019-11-27
                source: Wire
                ---
                The United States and China are in the "final throes" of completing a phase one trade agreement, \
                President Donald Trump said at the White House on Tuesday, again declining to say whether he would \
                sign the Hong Kong human rights bill passed by Congress.

                Trump said he has a "very good relationship" with President Xi Jinping and that the two countries \
                are close to the deal agreed last month.
                """);
        try (ArticleIndex idx = SeedIndex.build(other.resolve("index"), embedder)) {
            idx.ingest(new ArticleReader().read(List.of(extra)).articles());
            StatusReport r = new TimelineStatusService(idx, embedder, StatusSettings.defaults(), null)
                    .status(request(null, null));

            assertThat(r.items()).extracting(TimelineItem::date).containsExactly(NOV26, NOV18, OCT25);
            TimelineItem newest = r.items().getFirst();
            assertThat(newest.citations())
                    .extracting(c -> c.article().publishedAt())
                    .containsExactly(NOV26, LocalDate.of(2019, 11, 27));
        }
    }

    @Test
    @DisplayName("of two developments on the newest day, the one most about the topic leads and gives the headline")
    void should_lead_with_the_days_most_relevant_article(@TempDir Path other) throws Exception {
        Path extra = other.resolve("articles");
        Files.createDirectories(extra);
        Files.writeString(extra.resolve("talks.md"), """
                ---
                title: US and China trade negotiators agree to resume talks
                date: 2019-11-29
                url: https://example.com/b-talks
                ---
                US and Chinese trade negotiators agreed on Friday to resume talks on the phase one trade deal next \
                week, the office of the US Trade Representative said after a call with Vice Premier Liu He.
                """);
        Files.writeString(extra.resolve("harvest.md"), """
                ---
                title: Iowa soybean farmers wait on the US-China trade talks
                date: 2019-11-29
                url: https://example.com/a-harvest
                ---
                Iowa farmers finished a late soybean harvest this week. Growers said their prices hang on the \
                US-China trade talks and on whether China resumes buying American soybeans under a phase one deal.
                """);
        try (ArticleIndex idx = SeedIndex.build(other.resolve("index"), embedder)) {
            idx.ingest(new ArticleReader().read(List.of(extra)).articles());
            StatusReport r = new TimelineStatusService(idx, embedder, StatusSettings.defaults(), null)
                    .status(request(null, null));

            LocalDate nov29 = LocalDate.of(2019, 11, 29);
            List<TimelineItem> day =
                    r.items().stream().filter(i -> i.date().equals(nov29)).toList();
            assertThat(day).as("both are about the talks, as two developments").hasSize(2);
            // without the order by relevance, the day's articles go by id: the harvest's sorts last and would lead
            assertThat(day.get(1).citations().getFirst().article().id())
                    .isGreaterThan(day.get(0).citations().getFirst().article().id());
            assertThat(r.items().getFirst().citations())
                    .extracting(c -> c.article().url())
                    .containsExactly("https://example.com/b-talks");
            assertThat(cited(r.headline(), r.citations()))
                    .extracting(c -> c.article().url())
                    .containsOnly("https://example.com/b-talks");
        }
    }

    static List<Integer> markers(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    static List<Citation> cited(String text, List<Citation> citations) {
        return markers(text).stream().distinct().map(n -> citations.get(n - 1)).toList();
    }
}
