package tradetalk.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An insights report as text (the CLI and {@code /insights}) and as the CLI's {@code --json} object. */
public final class InsightsViews {

    /** Longest answer text shown with its votes. */
    static final int ANSWER_CHARS = 200;

    private InsightsViews() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Plain text, one fact a line. */
    public static String text(Insights.Report r) {
        StringBuilder sb = new StringBuilder();
        int invalid = r.days().stream().mapToInt(Insights.Day::invalid).sum();
        int failed = r.days().stream().mapToInt(Insights.Day::failed).sum();
        sb.append("Questions from ")
                .append(r.from())
                .append(" to ")
                .append(r.to())
                .append(" (UTC): ")
                .append(r.questions())
                .append(" (")
                .append(r.answered())
                .append(" answered, ")
                .append(r.declinedCount())
                .append(" declined, ")
                .append(invalid)
                .append(" invalid, ")
                .append(failed)
                .append(" failed)\n");
        for (Insights.Day d : r.days()) {
            if (d.total() > 0) {
                sb.append(String.format(
                        "  %s  %3d asked  %3d answered  %3d declined%n",
                        d.date(), d.total(), d.answered(), d.declined()));
            }
        }
        sb.append("\nDeclined questions by meaning (what the articles lack), most asked first:\n");
        if (r.declined().isEmpty()) {
            sb.append("  none")
                    .append(r.declinedWithoutText() > 0 ? " with their text" : "")
                    .append('\n');
        }
        for (DeclinedGroups.Group g : r.declined()) {
            sb.append(String.format("  %3d × %s%n", g.count(), oneLine(g.question())));
            for (String e : g.examples()) {
                sb.append("        also: ").append(oneLine(e)).append('\n');
            }
        }
        if (r.declinedWithoutText() > 0) {
            sb.append("  ")
                    .append(r.declinedWithoutText())
                    .append(" declined question(s) were logged without their text")
                    .append(
                            r.questionsKept()
                                    ? " (before insights.keep-questions was on)."
                                    : ": set insights.keep-questions: true to group them.")
                    .append('\n');
        }
        sb.append("\nFeedback on answers, most often not helpful first:\n");
        if (r.rated().isEmpty()) {
            sb.append("  no votes\n");
        }
        for (Insights.Rated a : r.rated()) {
            sb.append(String.format(
                    "  %d helpful, %d not helpful: %s%n", a.helpful(), a.notHelpful(), oneLine(a.question())));
            sb.append("        answer: ").append(cut(oneLine(a.answer()))).append('\n');
        }
        return sb.toString();
    }

    /** The {@code --json} object (a stable contract: docs/cli.md). */
    public static Map<String, Object> json(Insights.Report r, String chart) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("questions", r.questions());
        m.put("answered", r.answered());
        m.put("declined", r.declinedCount());
        m.put("questions_kept", r.questionsKept());
        List<Map<String, Object>> days = new ArrayList<>();
        for (Insights.Day d : r.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("answered", d.answered());
            day.put("declined", d.declined());
            day.put("invalid", d.invalid());
            day.put("failed", d.failed());
            days.add(day);
        }
        m.put("days", days);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DeclinedGroups.Group g : r.declined()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("count", g.count());
            group.put("question", g.question());
            group.put("examples", g.examples());
            groups.add(group);
        }
        m.put("declined_groups", groups);
        m.put("declined_without_text", r.declinedWithoutText());
        List<Map<String, Object>> rated = new ArrayList<>();
        for (Insights.Rated a : r.rated()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("question", a.question());
            x.put("answer", a.answer());
            x.put("helpful", a.helpful());
            x.put("not_helpful", a.notHelpful());
            x.put("last_vote", a.lastVote().toString());
            rated.add(x);
        }
        m.put("feedback", rated);
        m.put("chart", chart);
        return m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String s) {
        return s.length() <= ANSWER_CHARS ? s : s.substring(0, ANSWER_CHARS - 1) + "…";
    }
}
