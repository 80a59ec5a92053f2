package tradetalk.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits English news text into sentences, keeping abbreviations such as "U.S." and "Mr." inside their sentence. */
public final class Sentences {

    private static final Pattern BOUNDARY =
            Pattern.compile("[.!?]+[\"'”’)\\]]*(?=\\s+[\"'“‘(\\[]?[\\p{Lu}\\p{N}])|\\n\\s*\\n");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "rev", "lt", "col", "capt",
            "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "no", "vs", "etc", "e.g", "i.e", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m");

    private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)+\\p{L}");

    /** A quotation longer than this is split into sentences anyway. */
    private static final int MAX_QUOTED_SENTENCE = 600;

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
        int start = 0;
        while (m.find()) {
            int end = m.end();
            boolean paragraph = m.group().contains("\n");
            if (!paragraph && (isAbbreviation(text, m.start()) || insideQuote(text, start, end))) {
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
    private static boolean insideQuote(String text, int start, int end) {
        if (end - start > MAX_QUOTED_SENTENCE) {
            return false;
        }
        String seg = text.substring(start, end);
        int curly = count(seg, "“") - count(seg, "”") - count(seg, "’’");
        boolean straight = count(seg, "\"") % 2 == 1;
        if (curly <= 0 && !straight) {
            return false;
        }
        int para = text.indexOf("\n\n", end);
        String rest = text.substring(end, para < 0 ? text.length() : para);
        return curly > 0 ? rest.contains("”") || rest.contains("’’") : rest.contains("\"");
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
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        String word = text.substring(i, dot).toLowerCase(Locale.ROOT).replaceAll("^[\"'“‘(]+", "");
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        // initials such as "J." in "John J. Smith" or "T.J." in "T.J. Watt"
        return word.length() == 1 && Character.isLetter(word.charAt(0)) || INITIALS.matcher(word).matches();
    }

    private static void add(List<String> out, String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
