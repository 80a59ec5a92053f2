package tradetalk.measure.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.Citation;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.StatusRequest;
import tradetalk.answer.status.StatusService;
import tradetalk.answer.status.TimelineItem;
import tradetalk.answer.summary.Summary;
import tradetalk.answer.summary.SummaryRequest;
import tradetalk.answer.summary.SummaryService;
import tradetalk.retrieval.ArticleMeta;

/**
 * {@code eval --status FILE}: runs {@code status} and {@code summary --topic} on labelled topics, as a member would
 * (no options), and scores them against the labels.
 *
 * <p>The file is JSON Lines, one topic a line: {@code topic}, {@code half} ({@code tune} or {@code check}),
 * {@code kind} (free text), {@code about} (URLs of the articles about the topic, judged by reading them) and
 * {@code related} (URLs of articles that mention the topic as context: citing one is not an error, and it is not
 * the topic's development). A topic with no {@code about} article is absent from the corpus: its status and summary
 * must be empty.
 *
 * <p>Per half: timeline precision (lines citing only about or related articles, over all lines; strict: only about
 * articles), on-topic headline (every headline citation about or related, over covered topics), newest first (the
 * first line cites one of the newest about articles), absent topics empty, and on-topic summary sentences.
 */
public final class StatusEval {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sentence and the markers that end it. */
    private static final Pattern CITED_SENTENCE =
            Pattern.compile("(?i)[^\\[]+?((?:" + CitationMarkers.MARKER_TEXT + ")+)");

    /** One labelled topic. */
    public record Topic(String topic, String half, String kind, Set<String> about, Set<String> related) {

        /** True when the corpus does not cover the topic. */
        public boolean absent() {
            return about.isEmpty();
        }

        boolean onTopic(ArticleMeta a) {
            return about.contains(a.url()) || related.contains(a.url());
        }
    }

    /** What one topic got: the figures' counts and the report's lines for reading. */
    public record Outcome(
            Topic topic,
            boolean statusEmpty,
            int lines,
            int onTopicLines,
            int strictLines,
            boolean headlineOnTopic,
            boolean newestFirst,
            boolean summaryEmpty,
            int summarySentences,
            int onTopicSentences,
            LocalDate reachesBack,
            List<String> offTopic) {}

    private final StatusService status;
    private final SummaryService summary;
    private final Map<String, LocalDate> dates = new java.util.HashMap<>();

    /**
     * @param status   the status service members use
     * @param summary  the summary service members use
     * @param indexed  the indexed articles (the newest labelled development is found by their dates)
     */
    public StatusEval(StatusService status, SummaryService summary, List<ArticleMeta> indexed) {
        this.status = status;
        this.summary = summary;
        for (ArticleMeta a : indexed) {
            if (a.url() != null && a.publishedAt() != null) {
                dates.put(a.url(), a.publishedAt());
            }
        }
    }

    /** Reads a labelled topics file; a malformed line is an {@link IllegalArgumentException} naming it. */
    public static List<Topic> read(Path file) throws IOException {
        List<Topic> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + n + ": not JSON: " + e.getMessage());
            }
            String topic = o.path("topic").asText("");
            String half = o.path("half").asText("");
            if (topic.isBlank() || !(half.equals("tune") || half.equals("check"))) {
                throw new IllegalArgumentException("line " + n + ": needs a topic and half tune or check");
            }
            out.add(new Topic(topic, half, o.path("kind").asText(""), urls(o.path("about")), urls(o.path("related"))));
        }
        return out;
    }

    private static Set<String> urls(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return Set.copyOf(out);
    }

    /** Runs status and summary on one topic. */
    public Outcome run(Topic t) {
        StatusReport r = status.status(new StatusRequest(t.topic(), null, StatusRequest.CONFIGURED_WINDOW, null));
        List<String> off = new ArrayList<>();
        int onTopic = 0;
        int strict = 0;
        for (TimelineItem i : r.items()) {
            boolean on = !i.citations().isEmpty() && i.citations().stream().allMatch(c -> t.onTopic(c.article()));
            boolean only = on
                    && i.citations().stream()
                            .allMatch(c -> t.about().contains(c.article().url()));
            onTopic += on ? 1 : 0;
            strict += only ? 1 : 0;
            if (!on) {
                off.add("line " + i.date() + ": " + i.text());
            }
        }
        boolean headline = !r.empty() && onTopic(r.headline(), r.citations(), t, off, "headline");
        boolean newest =
                !r.empty() && !r.items().isEmpty() && newestFirst(r.items().getFirst(), t);
        Summary s = summary.summarize(new SummaryRequest(null, t.topic(), null, null, SummaryRequest.Length.SHORT));
        int sentences = 0;
        int onTopicSentences = 0;
        if (!s.empty()) {
            Matcher m = CITED_SENTENCE.matcher(s.text());
            while (m.find()) {
                sentences++;
                if (onTopic(m.group(), s.citations(), t, off, "summary")) {
                    onTopicSentences++;
                }
            }
        }
        return new Outcome(
                t,
                r.empty(),
                r.items().size(),
                onTopic,
                strict,
                headline,
                newest,
                s.empty(),
                sentences,
                onTopicSentences,
                r.reachesBack(),
                off);
    }

    /** True when every citation marker of {@code text} cites an on-topic article (and it has one). */
    private static boolean onTopic(String text, List<Citation> citations, Topic t, List<String> off, String what) {
        boolean any = false;
        for (int n : CitationMarkers.cited(text)) {
            if (n < 1 || n > citations.size() || !t.onTopic(citations.get(n - 1).article())) {
                off.add(what + ": " + text.strip());
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The first line cites one of the topic's about articles that has the newest date of them all. */
    private boolean newestFirst(TimelineItem first, Topic t) {
        LocalDate newest = t.about().stream()
                .map(dates::get)
                .filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(null);
        return newest != null
                && first.citations().stream()
                        .anyMatch(c -> t.about().contains(c.article().url())
                                && newest.equals(c.article().publishedAt()));
    }

    /** The figures of one half (or of all topics) as a JSON-ready map. */
    public static Map<String, Object> figures(List<Outcome> outcomes) {
        int lines = 0;
        int onTopic = 0;
        int strict = 0;
        int covered = 0;
        int headline = 0;
        int newest = 0;
        int coveredEmpty = 0;
        int absent = 0;
        int absentEmpty = 0;
        int absentSummaryEmpty = 0;
        int sentences = 0;
        int onTopicSentences = 0;
        for (Outcome o : outcomes) {
            if (o.topic().absent()) {
                absent++;
                absentEmpty += o.statusEmpty() ? 1 : 0;
                absentSummaryEmpty += o.summaryEmpty() ? 1 : 0;
                continue;
            }
            covered++;
            coveredEmpty += o.statusEmpty() ? 1 : 0;
            lines += o.lines();
            onTopic += o.onTopicLines();
            strict += o.strictLines();
            headline += o.headlineOnTopic() ? 1 : 0;
            newest += o.newestFirst() ? 1 : 0;
            sentences += o.summarySentences();
            onTopicSentences += o.onTopicSentences();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topics", covered);
        m.put("absent_topics", absent);
        m.put("timeline_lines", lines);
        m.put("timeline_precision", share(onTopic, lines));
        m.put("timeline_precision_strict", share(strict, lines));
        m.put("headline_on_topic", share(headline, covered));
        m.put("newest_first", share(newest, covered));
        m.put("covered_but_empty", coveredEmpty);
        m.put("absent_empty", absentEmpty);
        m.put("absent_summary_empty", absentSummaryEmpty);
        m.put("summary_sentences", sentences);
        m.put("summary_on_topic", share(onTopicSentences, sentences));
        return m;
    }

    private static Double share(int n, int of) {
        return of == 0 ? null : (double) n / of;
    }

    /** The whole report: figures per half and for all topics, then each topic's outcome. */
    public static Map<String, Object> report(List<Outcome> outcomes) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String half : List.of("tune", "check")) {
            m.put(
                    half,
                    figures(outcomes.stream()
                            .filter(o -> o.topic().half().equals(half))
                            .toList()));
        }
        m.put("all", figures(outcomes));
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("topic", o.topic().topic());
            t.put("half", o.topic().half());
            t.put("kind", o.topic().kind());
            t.put("absent", o.topic().absent());
            t.put("empty", o.statusEmpty());
            t.put("lines", o.lines());
            t.put("on_topic_lines", o.onTopicLines());
            t.put("headline_on_topic", o.headlineOnTopic());
            t.put("newest_first", o.newestFirst());
            t.put(
                    "reaches_back",
                    o.reachesBack() == null ? null : o.reachesBack().toString());
            t.put("summary_empty", o.summaryEmpty());
            t.put("summary_sentences", o.summarySentences());
            t.put("summary_on_topic_sentences", o.onTopicSentences());
            t.put("off_topic", o.offTopic());
            topics.add(t);
        }
        m.put("topics", topics);
        return m;
    }

    /** The report for people. */
    @SuppressWarnings("unchecked")
    public static String text(List<Outcome> outcomes, Map<String, Object> report) {
        StringBuilder sb = new StringBuilder("Status and topic summaries on labelled topics\n");
        for (String half : List.of("tune", "check", "all")) {
            Map<String, Object> f = (Map<String, Object>) report.get(half);
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "  %-5s topics %2d: timeline precision %s (strict %s, %d lines), headline on topic %s, newest first"
                            + " %s, covered but empty %d; absent empty %d/%d (summaries %d/%d); summary sentences on"
                            + " topic %s (%d)%n",
                    half,
                    (int) f.get("topics"),
                    fmt(f.get("timeline_precision")),
                    fmt(f.get("timeline_precision_strict")),
                    (int) f.get("timeline_lines"),
                    fmt(f.get("headline_on_topic")),
                    fmt(f.get("newest_first")),
                    (int) f.get("covered_but_empty"),
                    (int) f.get("absent_empty"),
                    (int) f.get("absent_topics"),
                    (int) f.get("absent_summary_empty"),
                    (int) f.get("absent_topics"),
                    fmt(f.get("summary_on_topic")),
                    (int) f.get("summary_sentences")));
        }
        sb.append("By topic (half, lines on topic/lines, headline, newest first, reaches back, summary on topic):\n");
        for (Outcome o : outcomes) {
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "  %-5s %-40s %s%n",
                    o.topic().half(),
                    o.topic().topic(),
                    o.topic().absent()
                            ? (o.statusEmpty() && o.summaryEmpty() ? "absent: empty" : "absent: NOT EMPTY")
                            : String.format(
                                    java.util.Locale.ROOT,
                                    "%d/%d %s %s %s %d/%d",
                                    o.onTopicLines(),
                                    o.lines(),
                                    o.headlineOnTopic() ? "headline" : "HEADLINE-OFF",
                                    o.newestFirst() ? "newest" : "NOT-NEWEST",
                                    o.reachesBack(),
                                    o.onTopicSentences(),
                                    o.summarySentences())));
            for (String off : o.offTopic()) {
                sb.append("        off topic: ").append(off).append('\n');
            }
        }
        return sb.toString();
    }

    private static String fmt(Object share) {
        return share == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", (Double) share);
    }
}
