package tradetalk.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits English news text into sentences, keeping abbreviations such as "U.S." and "Mr." inside their sentence. */
public final class Sentences {

    private static final Pattern BOUNDARY =
            Pattern.compile("[.!?]+[\"'”’)\\]]*(?=\\s+[\"'“‘(\\[]?[\\p{Lu}\\p{N}])|\\n\\s*\\n");

    private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)+\\p{L}");

    /** Abbreviations and initials are shorter than this. */
    private static final int MAX_ABBREVIATION_CHARS = 24;

    /** A quotation longer than this is split into sentences anyway. */
    private static final int MAX_QUOTED_SENTENCE = 600;

    /** "WASHINGTON • ", "BEIJING (Reuters) - ", "NEW YORK, Nov 18 (AP) — ". */
    private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{Lu}.'’]+(?:[ /-]\\p{Lu}[\\p{Lu}.'’]*)*"
            + "(?:,[^()•·—–\\n]{1,30})?\\s*(?:\\([^()]{1,40}\\))?\\s*[•·—–-]{1,2}\\s+");

    private static final int MAX_DATELINE_CHARS = 120;

    private Sentences() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The sentences of a text, trimmed, in order; paragraph breaks always end a sentence. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher m = BOUNDARY.matcher(text);
        Ahead ahead = new Ahead(text);
        int start = 0;
        while (m.find()) {
            int end = m.end();
            boolean paragraph = m.group().contains("\n");
            if (!paragraph && (isAbbreviation(text, m.start()) || insideQuote(text, start, end, ahead))) {
                continue;
            }
            add(out, text.substring(start, end));
            start = end;
        }
        add(out, text.substring(start));
        return out;
    }

    /**
     * True when a quotation opened since {@code start} is still open at {@code end} and closes later in the same
     * paragraph: "We had talks. That will continue," he said. stays one sentence.
     */
    private static boolean insideQuote(String text, int start, int end, Ahead ahead) {
        if (end - start > MAX_QUOTED_SENTENCE) {
            return false;
        }
        String seg = text.substring(start, end);
        int curly = count(seg, "“") - count(seg, "”") - count(seg, "’’");
        boolean straight = count(seg, "\"") % 2 == 1;
        if (curly <= 0 && !straight) {
            return false;
        }
        int para = ahead.next("\n\n", end);
        return curly > 0 ? Math.min(ahead.next("”", end), ahead.next("’’", end)) < para : ahead.next("\"", end) < para;
    }

    /**
     * The next occurrence of a few strings at or after a position that only moves forward, remembered between calls,
     * so that looking ahead costs linear time over the whole text rather than a scan of the rest of the paragraph at
     * every sentence end (which made a one-paragraph text of megabytes quadratic).
     */
    private static final class Ahead {
        private final String text;
        private final java.util.Map<String, Integer> found = new java.util.HashMap<>();

        Ahead(String text) {
            this.text = text;
        }

        /** The first index of {@code needle} at or after {@code from}, or the text's length when there is none. */
        int next(String needle, int from) {
            Integer at = found.get(needle);
            if (at == null || at < from) {
                int i = text.indexOf(needle, from);
                at = i < 0 ? text.length() : i;
                found.put(needle, at);
            }
            return at;
        }
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static boolean isAbbreviation(String text, int dot) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int i = dot;
        int limit = Math.max(0, dot - MAX_ABBREVIATION_CHARS); // a longer "word" is no abbreviation
        while (i > limit && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i == limit && limit > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        String word = text.substring(i, dot).toLowerCase(Locale.ROOT).replaceAll("^[\"'“‘(]+", "");
        if (Lexicon.ABBREVIATIONS.contains(word)) {
            return true;
        }
        // initials such as "J." in "John J. Smith" or "T.J." in "T.J. Watt"
        return word.length() == 1 && Character.isLetter(word.charAt(0))
                || INITIALS.matcher(word).matches();
    }

    private static void add(List<String> out, String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /** A sentence without its leading dateline, e.g. "WASHINGTON • Talks…" → "Talks…". */
    public static String stripDateline(String sentence) {
        String s = sentence.strip();
        // a dateline is short: look only at the sentence's start (the pattern repeats a group, and
        // java.util.regex recurses once per repetition, so a sentence of 100,000 capitalised words overflowed)
        Matcher m = DATELINE.matcher(s).region(0, Math.min(s.length(), MAX_DATELINE_CHARS));
        String stripped = m.lookingAt() ? s.substring(m.end()) : s;
        return stripped.isBlank() ? s : stripped;
    }
}
