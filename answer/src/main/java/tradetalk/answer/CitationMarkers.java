package tradetalk.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of citation markers in answer text, and of the dated lines of a timeline.
 *
 * <ul>
 *   <li>Written as Tradetalk writes them: {@code " [1][3]"} after the sentence ({@link #markers}).</li>
 *   <li>Read as anyone may write them, a model included: {@code [1]}, {@code [2,3]}, {@code [1-3]}, {@code [1][3]},
 *       {@code [Source 2]} ({@link #MARKER}, {@link #cited}); a range counts at most {@value #MAX_RANGE}
 *       numbers.</li>
 *   <li>A timeline line opens with its ISO date: {@code "2019-11-26: text [1]"}, optionally after a bullet
 *       ({@link #DATED_LINE}).</li>
 * </ul>
 */
public final class CitationMarkers {

    /** The most numbers one range ({@code [1-3]}) stands for. */
    public static final int MAX_RANGE = 20;

    private static final String NUMBERS = "\\d+(?:\\s*[-–]\\s*\\d+)?(?:\\s*,\\s*\\d+(?:\\s*[-–]\\s*\\d+)?)*";

    /** One marker, to be compiled case-insensitively; its numbers ("2, 3", "1-3") are group 1. */
    public static final String MARKER_TEXT = "\\[\\s*(?:sources?\\s*)?(" + NUMBERS + ")\\s*\\]";

    /** One marker; its numbers are group 1 ({@link #numbers} reads them). */
    public static final Pattern MARKER = Pattern.compile("(?i)" + MARKER_TEXT);

    /** The start of a timeline line: a bullet or none, an ISO date, a colon or a dash. */
    public static final String DATED_LINE_PREFIX = "^\\s*(?:[-*•]\\s*)?(\\d{4}-\\d{2}-\\d{2})\\s*[:–—-]\\s*";

    /** A whole timeline line: the date is group 1, the text after it group 2. */
    public static final Pattern DATED_LINE = Pattern.compile(DATED_LINE_PREFIX + "(.+)$");

    private static final Pattern DATED_PREFIX = Pattern.compile(DATED_LINE_PREFIX);

    private CitationMarkers() {
        throw new UnsupportedOperationException("utility class");
    }

    /** {@code " [1][3]"} for the given numbers, in order, without repeats; "" for none. */
    public static String markers(List<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        for (int n : new LinkedHashSet<>(numbers)) {
            sb.append('[').append(n).append(']');
        }
        return sb.isEmpty() ? "" : " " + sb;
    }

    /** The numbers of one marker's group 1 ("2, 3", "1-3"), in order; -1 for a number too long to read. */
    public static List<Integer> numbers(String group) {
        List<Integer> out = new ArrayList<>();
        for (String part : group.split(",")) {
            String[] range = part.strip().split("\\s*[-–]\\s*");
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int n = from; n <= to && n - from < MAX_RANGE; n++) {
                    out.add(n);
                }
            } catch (NumberFormatException e) {
                out.add(-1); // absurdly long number: out of range
            }
        }
        return out;
    }

    /** Every number the markers of a text cite, in order of appearance, repeats included. */
    public static List<Integer> cited(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            out.addAll(numbers(m.group(1)));
        }
        return out;
    }

    /** The text with its markers, and the spaces before them, removed. */
    public static String strip(String text) {
        return SPACED_MARKER.matcher(text).replaceAll("");
    }

    /** The text with a timeline line's date prefix removed ("2019-11-26: Talks resumed." → "Talks resumed."). */
    public static String undated(String line) {
        return DATED_PREFIX.matcher(line).replaceFirst("");
    }

    private static final Pattern SPACED_MARKER = Pattern.compile("(?i)\\s*" + MARKER_TEXT);
}
