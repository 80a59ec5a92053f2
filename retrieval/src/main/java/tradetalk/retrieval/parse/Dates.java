package tradetalk.retrieval.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as news sources write them: {@code 2019-11-18}, ISO date-times with an offset or {@code Z}
 * ({@code 2023-09-28T12:00:00+00:00}), ISO local date-times, and RFC 1123 ({@code Tue, 26 Nov 2019 10:00:00 GMT}).
 * Parsing is strict: {@code 2019-02-30} is refused, never rounded to another day.
 */
public final class Dates {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ISO_PREFIX = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?");
    private static final Pattern RFC_DATE =
            Pattern.compile("(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})(?:\\s.*)?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private Dates() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The calendar date of a date or date-time, as written (a date-time keeps the day of its own offset).
     *
     * @return the date, or null when the text is null or blank (a missing date is allowed)
     * @throws MalformedArticleException "impossible date '…'" when the fields name no real day, or
     *                                   "unrecognised date '…'" when the text is in no supported format
     */
    public static LocalDate parse(String text) throws MalformedArticleException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        Matcher iso = ISO_PREFIX.matcher(s);
        if (iso.matches()) {
            checkReal(s, iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3));
            return parseIso(s);
        }
        Matcher rfc = RFC_DATE.matcher(s);
        if (rfc.matches()) {
            Integer month = MONTHS.get(rfc.group(2).toLowerCase(Locale.ROOT));
            if (month == null) {
                throw unrecognised(s);
            }
            checkReal(s, rfc.group(3), month, rfc.group(1));
            try {
                return ZonedDateTime.parse(s, RFC_1123).toLocalDate();
            } catch (DateTimeException e) {
                throw new MalformedArticleException("unrecognised date '" + s + "' (not RFC 1123: " + e.getMessage()
                        + ")");
            }
        }
        throw unrecognised(s);
    }

    private static LocalDate parseIso(String s) throws MalformedArticleException {
        if (s.length() == 10) {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        }
        String t = s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toLocalDate();
        } catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toLocalDate();
            } catch (DateTimeException notLocal) {
                throw new MalformedArticleException("unrecognised date-time '" + s + "' (" + notOffset.getMessage()
                        + ")");
            }
        }
    }

    private static void checkReal(String s, String year, int month, String day) throws MalformedArticleException {
        try {
            LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new MalformedArticleException("impossible date '" + s + "'");
        }
    }

    private static MalformedArticleException unrecognised(String s) {
        return new MalformedArticleException("unrecognised date '" + s
                + "' (expected YYYY-MM-DD, an ISO date-time or RFC 1123)");
    }
}
