package tradetalk.retrieval;

import java.util.regex.Pattern;

/**
 * Removes what a terminal would act on from text taken from files, feeds and pages: ANSI/VT escape sequences (CSI
 * such as {@code ESC [31m}, OSC such as a window title or hyperlink, and two-character escapes) as a whole, then every
 * other C0 and C1 control character (ESC, BEL, backspace, NUL, U+0080–U+009F, ...).
 */
public final class ControlChars {

    /** CSI (ESC [ or U+009B) ... final byte; OSC (ESC ] or U+009D) ... BEL or ST; ESC and one more character. */
    private static final Pattern ESCAPES = Pattern.compile("(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]?"
            + "|(?:\\u001B]|\\u009D)[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)?"
            + "|\\u001B[ -~]?");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");
    private static final Pattern LINE_CONTROL = Pattern.compile("[\\t\\n]");

    private ControlChars() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A one-line field (title, outlet, author, URL, category): escapes and controls removed, tabs and line breaks as spaces. */
    public static String field(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String t = text(s);
        return t.indexOf('\t') < 0 && t.indexOf('\n') < 0
                ? t
                : LINE_CONTROL.matcher(t).replaceAll(" ");
    }

    /** A text: escapes and controls removed; tabs and line breaks ({@code \n}; {@code \r} is dropped) kept. */
    public static String text(String s) {
        if (s == null || s.isEmpty() || !hasControl(s)) {
            return s;
        }
        return CONTROL.matcher(ESCAPES.matcher(s).replaceAll("")).replaceAll("");
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && c <= 0x9F) {
                return true;
            }
        }
        return false;
    }
}
