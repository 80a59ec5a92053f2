package tradetalk.measure.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.Citation;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.StatusService;
import tradetalk.answer.status.TimelineItem;
import tradetalk.answer.summary.Summary;
import tradetalk.answer.summary.SummaryService;
import tradetalk.retrieval.ArticleMeta;

/** {@code eval --status}'s scoring: each figure counted from fixed reports against fixed labels. */
class StatusEvalTest {

    private static ArticleMeta article(String name, String date) {
        return new ArticleMeta(name, name, "CNN", LocalDate.parse(date), "https://x/" + name, "", "", "");
    }

    static final ArticleMeta OLD = article("old", "2025-01-10");
    static final ArticleMeta NEW = article("new", "2025-03-01");
    static final ArticleMeta CONTEXT = article("context", "2025-02-01");
    static final ArticleMeta NOISE = article("noise", "2025-04-01");
    static final List<ArticleMeta> INDEXED = List.of(OLD, NEW, CONTEXT, NOISE);

    static final StatusEval.Topic COVERED =
            new StatusEval.Topic("the topic", "tune", "world", Set.of(OLD.url(), NEW.url()), Set.of(CONTEXT.url()));
    static final StatusEval.Topic ABSENT = new StatusEval.Topic("absent topic", "check", "world", Set.of(), Set.of());

    private static Citation cite(int n, ArticleMeta a) {
        return new Citation(n, a, a.id() + "#0", "text");
    }

    private static TimelineItem line(ArticleMeta a, List<Citation> cs) {
        return new TimelineItem(a.publishedAt(), "Something happened " + markers(cs) + ".", cs);
    }

    private static String markers(List<Citation> cs) {
        StringBuilder sb = new StringBuilder();
        cs.forEach(c -> sb.append('[').append(c.n()).append(']'));
        return sb.toString();
    }

    private static StatusReport report(String headline, List<TimelineItem> items, List<Citation> citations) {
        return new StatusReport(
                "t",
                headline,
                items,
                citations,
                false,
                "offline",
                null,
                null,
                List.of(),
                LocalDate.parse("2025-01-01"));
    }

    private static StatusReport empty() {
        return new StatusReport("t", "Nothing indexed on t.", List.of(), List.of(), true, "offline", null, null);
    }

    private static Summary summary(String text, List<Citation> citations) {
        return new Summary("t", text, citations, false, "offline", null, null);
    }

    private static Summary noSummary() {
        return new Summary("t", "Nothing indexed on t.", List.of(), true, "offline", null, null);
    }

    private static StatusEval eval(StatusReport r, Summary s) {
        StatusService status = request -> r;
        SummaryService summaries = new SummaryService() {
            @Override
            public Summary summarize(tradetalk.answer.summary.SummaryRequest request) {
                return s;
            }

            @Override
            public List<ArticleMeta> findArticles(String titlePart, int max) {
                return List.of();
            }
        };
        return new StatusEval(status, summaries, INDEXED);
    }

    @Test
    void given_a_report_citing_about_related_and_unrelated_articles_then_each_line_is_scored_by_its_citations() {
        Citation newC = cite(1, NEW);
        Citation noise = cite(2, NOISE);
        Citation context = cite(3, CONTEXT);
        Citation old = cite(4, OLD);
        StatusReport r = report(
                "It stands here [1].",
                List.of(line(NEW, List.of(newC)), line(NOISE, List.of(noise)), line(CONTEXT, List.of(context, old))),
                List.of(newC, noise, context, old));

        StatusEval.Outcome o = eval(r, noSummary()).run(COVERED);

        assertThat(o.lines()).isEqualTo(3);
        assertThat(o.onTopicLines()).as("about and related lines").isEqualTo(2);
        assertThat(o.strictLines()).as("about-only lines").isEqualTo(1);
        assertThat(o.headlineOnTopic()).isTrue();
        assertThat(o.newestFirst()).isTrue();
        assertThat(o.reachesBack()).isEqualTo(LocalDate.parse("2025-01-01"));
        assertThat(o.offTopic()).singleElement().asString().startsWith("line 2025-04-01");
    }

    @Test
    void given_an_off_topic_headline_and_an_older_first_line_then_both_are_counted_as_misses() {
        Citation noise = cite(1, NOISE);
        Citation old = cite(2, OLD);
        Citation newC = cite(3, NEW);
        StatusReport r = report(
                "Noise first [1]. The topic [2].",
                List.of(line(OLD, List.of(old)), line(NEW, List.of(newC))),
                List.of(noise, old, newC));

        StatusEval.Outcome o = eval(r, noSummary()).run(COVERED);

        assertThat(o.headlineOnTopic()).isFalse();
        assertThat(o.newestFirst())
                .as("the newest about article is in line 2, not line 1")
                .isFalse();
        assertThat(o.onTopicLines()).isEqualTo(2);
        assertThat(o.offTopic()).singleElement().asString().startsWith("headline: ");
    }

    @Test
    void given_a_first_line_citing_only_a_related_article_then_the_newest_development_is_not_first() {
        Citation context = cite(1, CONTEXT);
        StatusReport r = report("Context [1].", List.of(line(CONTEXT, List.of(context))), List.of(context));

        StatusEval.Outcome o = eval(r, noSummary()).run(COVERED);

        assertThat(o.headlineOnTopic()).isTrue();
        assertThat(o.newestFirst()).isFalse();
    }

    @Test
    void given_a_topic_summary_then_each_cited_sentence_is_judged_by_its_markers() {
        Citation newC = cite(1, NEW);
        Citation noise = cite(2, NOISE);
        Citation context = cite(3, CONTEXT);
        Summary s = summary(
                "The topic moved [1]. Something else [2]. Context and topic [3][1]. Mixed [1][2].",
                List.of(newC, noise, context));

        StatusEval.Outcome o = eval(report("x [1].", List.of(line(NEW, List.of(newC))), List.of(newC)), s)
                .run(COVERED);

        assertThat(o.summaryEmpty()).isFalse();
        assertThat(o.summarySentences()).isEqualTo(4);
        assertThat(o.onTopicSentences()).isEqualTo(2);
    }

    @Test
    void given_outcomes_of_both_halves_then_the_figures_are_shares_per_half_and_absent_topics_count_when_empty() {
        Citation newC = cite(1, NEW);
        Citation noise = cite(2, NOISE);
        StatusEval covered = eval(
                report("x [1].", List.of(line(NEW, List.of(newC)), line(NOISE, List.of(noise))), List.of(newC, noise)),
                summary("A [1]. B [2].", List.of(newC, noise)));
        StatusEval.Outcome tune = covered.run(COVERED);
        StatusEval.Outcome absentButShown = covered.run(ABSENT);
        StatusEval.Outcome absentEmpty = eval(empty(), noSummary()).run(ABSENT);
        StatusEval.Outcome coveredEmpty = eval(empty(), noSummary()).run(COVERED);

        Map<String, Object> report = StatusEval.report(List.of(tune, absentButShown, absentEmpty, coveredEmpty));

        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) report.get("tune");
        assertThat(t.get("topics")).isEqualTo(2);
        assertThat(t.get("timeline_lines")).isEqualTo(2);
        assertThat(t.get("timeline_precision")).isEqualTo(0.5);
        assertThat(t.get("headline_on_topic")).isEqualTo(0.5);
        assertThat(t.get("newest_first")).isEqualTo(0.5);
        assertThat(t.get("covered_but_empty")).isEqualTo(1);
        assertThat(t.get("summary_on_topic")).isEqualTo(0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) report.get("check");
        assertThat(c.get("topics")).isEqualTo(0);
        assertThat(c.get("absent_topics")).isEqualTo(2);
        assertThat(c.get("absent_empty")).isEqualTo(1);
        assertThat(c.get("absent_summary_empty")).isEqualTo(1);
        assertThat(c.get("timeline_precision")).as("no lines: no share").isNull();
        assertThat(StatusEval.text(List.of(absentButShown, absentEmpty), report))
                .contains("absent: NOT EMPTY")
                .contains("absent: empty");
    }

    @Test
    void given_a_topics_file_then_it_is_read_and_a_bad_line_is_named(@TempDir Path tmp) throws Exception {
        Path good = tmp.resolve("good.jsonl");
        Files.writeString(
                good,
                "{\"topic\": \"A\", \"half\": \"tune\", \"kind\": \"k\", \"about\": [\"u1\"], \"related\": [\"u2\"]}\n\n"
                        + "{\"topic\": \"B\", \"half\": \"check\"}\n");
        Path noHalf = tmp.resolve("nohalf.jsonl");
        Files.writeString(noHalf, "{\"topic\": \"A\", \"half\": \"tune\"}\n{\"topic\": \"B\", \"half\": \"dev\"}\n");
        Path notJson = tmp.resolve("notjson.jsonl");
        Files.writeString(notJson, "{\"topic\": \"A\", \"half\": \"tune\"\n");

        List<StatusEval.Topic> topics = StatusEval.read(good);

        assertThat(topics).extracting(StatusEval.Topic::topic).containsExactly("A", "B");
        assertThat(topics.get(0).about()).containsExactly("u1");
        assertThat(topics.get(0).related()).containsExactly("u2");
        assertThat(topics.get(1).absent()).isTrue();
        assertThatThrownBy(() -> StatusEval.read(noHalf)).hasMessageStartingWith("line 2: needs a topic and half");
        assertThatThrownBy(() -> StatusEval.read(notJson)).hasMessageStartingWith("line 1: not JSON");
    }
}
