package tradetalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.Usage;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.TimelineItem;
import tradetalk.answer.summary.Summary;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.ControlChars;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.store.IngestReport;

/**
 * How results look on the command line: the stable {@code --json} objects and the text for people. The JSON field
 * names are a contract that scripts rely on; add fields, never rename or remove them.
 */
public final class Views {

    /** Keeps every value exact; controls (C0, DEL and C1, which some terminals act on) are written as \\u escapes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new ControlEscapes());
    }

    /** Jackson escapes C0 controls by itself; this adds DEL and U+0080–U+009F (CSI, OSC, ST as single characters). */
    private static final class ControlEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ControlEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0x9F
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", ch))
                    : null;
        }
    }

    private Views() {
        throw new UnsupportedOperationException("utility class");
    }

    /** One JSON object on one line. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The {@code ask --json} object. */
    public static Map<String, Object> answer(CitedAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", a.question());
        m.put("answer", a.answer());
        m.put("abstained", a.abstained());
        m.put("backend", a.backend());
        m.put("fallback", a.fallback());
        m.put("citations", a.citations().stream().map(Views::citation).toList());
        m.put("nearest", a.nearest().stream().map(Views::citation).toList());
        m.put("usage", usage(a.usage()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("retrieve", a.timings().retrieveMs());
        t.put("compose", a.timings().composeMs());
        t.put("total", a.timings().totalMs());
        m.put("timings_ms", t);
        m.put("as_of", a.asOf() == null ? null : a.asOf().toString());
        m.put("sentences", sentences(a.sentences()));
        return m;
    }

    /** A citation: its number, the article's metadata and the passage used. */
    public static Map<String, Object> citation(Citation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c.n());
        m.putAll(article(c.article()));
        m.put("passage", c.passage());
        return m;
    }

    /** An article's metadata. */
    public static Map<String, Object> article(ArticleMeta a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("article_id", a.id());
        m.put("title", a.title());
        m.put("source", a.source());
        m.put("published_at", a.publishedAt() == null ? null : a.publishedAt().toString());
        m.put("url", a.url());
        m.put("path", a.path());
        return m;
    }

    /** A model's sentences as checked: {@code text}, {@code citations} (numbers), {@code supported}, {@code reason}. */
    public static List<Map<String, Object>> sentences(List<CheckedSentence> sentences) {
        return sentences.stream()
                .map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("text", s.text());
                    m.put("citations", s.citations());
                    m.put("supported", s.supported());
                    m.put("reason", s.reason());
                    m.put("kept", s.kept());
                    return m;
                })
                .toList();
    }

    /** Text with each kept, unsupported sentence followed by "(not found in the cited source)". */
    public static String marked(String text, List<CheckedSentence> sentences) {
        return CheckedSentence.marked(text, sentences, s -> s + " " + CheckedSentence.NOT_FOUND);
    }

    private static Map<String, Object> usage(Usage u) {
        if (u == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", u.model());
        m.put("tokens_in", u.tokensIn());
        m.put("tokens_out", u.tokensOut());
        m.put("latency_ms", u.latencyMs());
        return m;
    }

    /** The {@code ingest --json} object. */
    public static Map<String, Object> ingest(IngestReport r, int articlesInIndex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", r.added());
        m.put("replaced", r.replaced());
        m.put("unchanged", r.unchanged());
        m.put("passages", r.passages());
        m.put("rejected", r.rejected().stream().map(Views::rejected).toList());
        m.put("skipped", r.skipped().stream().map(Views::rejected).toList());
        m.put("articles_in_index", articlesInIndex);
        m.put("millis", Math.round(r.millis()));
        return m;
    }

    /** One feed's outcome in {@code ingest --feed --json} and {@code watch --once --json}. */
    public static Map<String, Object> feedResult(tradetalk.ingest.feed.FeedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feed", r.feed());
        m.put("ok", r.ok());
        if (!r.ok()) {
            m.put("error", r.error());
            return m;
        }
        var run = r.run();
        m.put("not_modified", run.notModified());
        m.put("items", run.items());
        m.put("known", run.known());
        m.put("off_topic", run.offTopic());
        m.put("duplicates", run.duplicates());
        m.put("from_feed_text", run.fromFeed());
        m.put("added", run.ingest().added());
        m.put("replaced", run.ingest().replaced());
        m.put("rejected", run.ingest().rejected().stream().map(Views::rejected).toList());
        m.put("skipped", run.ingest().skipped().stream().map(Views::rejected).toList());
        return m;
    }

    /** One feed's outcome for people. */
    public static String feedResultText(tradetalk.ingest.feed.FeedResult r) {
        if (!r.ok()) {
            return "Feed " + r.feed() + ": failed: " + r.error();
        }
        var run = r.run();
        if (run.notModified()) {
            return "Feed " + r.feed() + ": not modified.";
        }
        return String.format(
                "Feed %s: %d items, %d already seen, %d off topic, %d duplicates; %d new, %d changed "
                        + "(%d from the feed's own text), %d rejected, %d skipped.",
                r.feed(),
                run.items(),
                run.known(),
                run.offTopic(),
                run.duplicates(),
                run.ingest().added(),
                run.ingest().replaced(),
                run.fromFeed(),
                run.ingest().rejected().size(),
                run.ingest().skipped().size());
    }

    private static Map<String, Object> rejected(Rejected r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("reason", r.reason());
        return m;
    }

    /**
     * The {@code status --json} object: the headline as {@code status}, the timeline as {@code items}, and the first
     * day of the window it was taken from as {@code reaches_back}.
     */
    public static Map<String, Object> status(StatusReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", r.topic());
        m.put("status", r.headline());
        m.put("empty", r.empty());
        m.put("items", r.items().stream().map(Views::timelineItem).toList());
        m.put("reaches_back", r.reachesBack() == null ? null : r.reachesBack().toString());
        m.put("citations", r.citations().stream().map(Views::citation).toList());
        m.put("backend", r.backend());
        m.put("fallback", r.fallback());
        m.put("usage", usage(r.usage()));
        m.put("sentences", sentences(r.sentences()));
        return m;
    }

    /** One timeline line: {@code date} (YYYY-MM-DD or null), {@code text}, and its {@code citations}. */
    public static Map<String, Object> timelineItem(TimelineItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", i.date() == null ? null : i.date().toString());
        m.put("text", i.text());
        m.put("citations", i.citations().stream().map(Views::citation).toList());
        return m;
    }

    /** The {@code summary --json} object. */
    public static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", s.subject());
        m.put("summary", s.text());
        m.put("empty", s.empty());
        m.put("citations", s.citations().stream().map(Views::citation).toList());
        m.put("backend", s.backend());
        m.put("fallback", s.fallback());
        m.put("usage", usage(s.usage()));
        m.put("sentences", sentences(s.sentences()));
        return m;
    }

    /** A status report for people: the headline, the timeline, then the numbered sources. */
    public static String statusText(StatusReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.empty() ? "" : "Status of " + r.topic() + ":\n")
                .append(marked(r.headline(), r.sentences()))
                .append('\n');
        if (!r.items().isEmpty()) {
            sb.append("\nTimeline (newest first")
                    .append(r.reachesBack() == null ? "" : ", reaching back to " + r.reachesBack())
                    .append("):\n");
            for (TimelineItem i : r.items()) {
                sb.append("  ")
                        .append(i.date() == null ? "undated   " : i.date())
                        .append("  ")
                        .append(marked(i.text(), r.sentences()))
                        .append('\n');
            }
        }
        appendFallbackAndSources(sb, r.fallback(), r.citations());
        return sb.toString();
    }

    /** A summary for people: what it summarises, the text, then the numbered sources. */
    public static String summaryText(Summary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.empty() ? "" : "Summary of " + s.subject() + ":\n")
                .append(marked(s.text(), s.sentences()))
                .append('\n');
        appendFallbackAndSources(sb, s.fallback(), s.citations());
        return sb.toString();
    }

    private static void appendFallbackAndSources(StringBuilder sb, String fallback, List<Citation> citations) {
        if (fallback != null) {
            sb.append("\n(The model could not write it: ").append(fallback).append("; written offline.)\n");
        }
        if (!citations.isEmpty()) {
            sb.append("\nSources:\n");
            for (Citation c : citations) {
                sb.append("  [")
                        .append(c.n())
                        .append("] ")
                        .append(sourceLine(c.article()))
                        .append('\n');
            }
        }
    }

    /** An answer for people: the text, then the numbered sources. */
    public static String answerText(CitedAnswer a) {
        StringBuilder sb = new StringBuilder(marked(a.answer(), a.sentences())).append('\n');
        if (a.fallback() != null) {
            sb.append("\n(The model could not answer: ").append(a.fallback()).append("; answered offline.)\n");
        }
        List<Citation> list = a.abstained() ? a.nearest() : a.citations();
        if (!list.isEmpty()) {
            sb.append('\n')
                    .append(a.abstained() ? "Nearest sources:" : "Sources:")
                    .append('\n');
            for (Citation c : list) {
                sb.append("  [")
                        .append(c.n())
                        .append("] ")
                        .append(sourceLine(c.article()))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** "Outlet, 2019-11-26, "Title" — location". */
    public static String sourceLine(ArticleMeta a) {
        StringBuilder sb = new StringBuilder();
        if (!a.source().isEmpty()) {
            sb.append(a.source()).append(", ");
        }
        if (a.publishedAt() != null) {
            sb.append(a.publishedAt()).append(", ");
        }
        sb.append('"').append(a.title()).append('"');
        // the path is the file's name as given, kept exact for lookups: cleaned here, where it is printed
        String where = a.url().isEmpty() ? ControlChars.field(displayPath(a.path())) : a.url();
        if (!where.isEmpty()) {
            sb.append(" — ").append(where);
        }
        return sb.toString();
    }

    private static String displayPath(String path) {
        if (path.isEmpty()) {
            return path;
        }
        try {
            Path p = Path.of(path);
            Path cwd = Path.of("").toAbsolutePath();
            return p.isAbsolute() && p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
        } catch (RuntimeException e) {
            return path;
        }
    }
}
