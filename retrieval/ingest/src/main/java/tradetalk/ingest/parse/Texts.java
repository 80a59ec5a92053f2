package tradetalk.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tradetalk.retrieval.ControlChars;
import tradetalk.retrieval.Sentences;

/**
 * Text clean-up shared by the readers: body whitespace, titles derived from the first sentence, outlet names.
 */
public final class Texts {

    /** Titles derived from a sentence are cut to about this many characters. */
    public static final int MAX_TITLE_CHARS = 100;

    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[\\h\\x0B\\f]*\\n\\s*");
    /** Invisible format characters (zero-width spaces and joiners, BOM, soft hyphen); controls are ControlChars'. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

    private static final Pattern SPACES = Pattern.compile("[\\s\\h\\v]+");
    private static final Set<String> ACRONYMS = Set.of(
            "AP", "AFP", "BBC", "CNBC", "CNN", "NPR", "NBC", "CBS", "ABC", "PBS", "UPI", "WSJ", "FT", "NYT", "SCMP",
            "CGTN", "CCTV", "RTHK", "DW", "RT", "US", "USA", "UK", "EU", "UN");
    private static final Set<String> MINOR_WORDS = Set.of("of", "and", "the", "for", "in", "on", "at", "a", "an");

    private Texts() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Normalises a body: unifies line breaks, drops control and zero-width characters, collapses each paragraph's
     * whitespace (line breaks inside a paragraph included) to single spaces and joins paragraphs with one blank line.
     */
    public static String normalizeBody(String text) {
        if (text == null) {
            return "";
        }
        String s = LINE_BREAKS.matcher(text).replaceAll("\n");
        s = INVISIBLE.matcher(ControlChars.text(s)).replaceAll("");
        return String.join("\n\n", paragraphs(s));
    }

    /** The non-blank paragraphs of a text (split at blank lines), each with its whitespace collapsed. */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : PARAGRAPH_BREAK.split(LINE_BREAKS.matcher(text).replaceAll("\n"))) {
            String t = SPACES.matcher(p).replaceAll(" ").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A headline for text that has none: its first sentence without a leading dateline ("WASHINGTON • ",
     * "BEIJING (Reuters) - "), without a final full stop, cut on a word boundary with "…" if longer than
     * {@value #MAX_TITLE_CHARS} characters. Empty when the text is blank.
     */
    public static String deriveTitle(String text) {
        List<String> sentences = Sentences.split(text);
        if (sentences.isEmpty()) {
            return "";
        }
        String s = Sentences.stripDateline(sentences.get(0));
        if (s.length() <= MAX_TITLE_CHARS) {
            return s.endsWith(".") && !s.endsWith("..") ? s.substring(0, s.length() - 1) : s;
        }
        int cut = s.lastIndexOf(' ', MAX_TITLE_CHARS);
        String head = cut > MAX_TITLE_CHARS / 2 ? s.substring(0, cut) : s.substring(0, MAX_TITLE_CHARS);
        return head.replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
    }

    /**
     * An outlet name as written in a byline ("BLOOMBERG", "FOX BUSINESS") in title case ("Bloomberg",
     * "Fox Business"); acronyms such as AP, CNBC and BBC stay upper case. Mixed-case names are kept as they are.
     */
    public static String outletName(String raw) {
        String s = SPACES.matcher(raw == null ? "" : raw).replaceAll(" ").strip();
        if (!s.equals(s.toUpperCase(Locale.ROOT))) {
            return s;
        }
        String[] words = s.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (ACRONYMS.contains(w.replaceAll("[^\\p{L}]", "")) || w.contains(".")) {
                out.append(w);
            } else if (i > 0 && MINOR_WORDS.contains(lower)) {
                out.append(lower);
            } else {
                out.append(capitalizeParts(lower));
            }
        }
        return out.toString();
    }

    private static String capitalizeParts(String lower) {
        StringBuilder b = new StringBuilder(lower.length());
        boolean start = true;
        for (char c : lower.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == '/' || c == '&';
        }
        return b.toString();
    }
}
