package tradetalk.ingest.parse;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.retrieval.DateWords;

/**
 * Publication dates as news sources write them: {@code 2019-11-18}; ISO date-times with or without an offset, with
 * {@code Z}, {@code +00:00}, {@code -0500} or {@code +08}, with or without fractional seconds
 * ({@code 2019-11-18T10:00:00.000+0000}); RFC 1123 / RFC 822 with or without a time and with a numeric offset or a
 * zone name ({@code Tue, 26 Nov 2019 10:00:00 GMT}, {@code 18 Nov 2019 21:00 EST}, {@code 26 Nov 2019}).
 * <p>
 * The rule for date-times: the publisher's own calendar day, i.e. the date as written in the publisher's offset,
 * never converted to UTC ({@code 2019-11-18T21:00:00-05:00} is 18 November). Feeds follow the same rule
 * ({@code FeedReader} parses the raw feed date with this class). A text that starts with a real {@code YYYY-MM-DD}
 * followed by a non-digit is that day even when the rest is in no known form. Parsing is strict about the day:
 * {@code 2019-02-30} is refused, never rounded to another day.
 */
public final class Dates {

    private static final Pattern ISO_PREFIX = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:\\D.*)?");
    private static final Pattern RFC_DATE = Pattern.compile(
            "(?:([A-Za-z]{3})[a-z]*,?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{4})(?:\\s.*)?");
    /** Publication dates before this are refused as mistakes (year 0, 1 January 1 and the like). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private Dates() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The calendar date of a date or date-time, as written (a date-time keeps the day of its own offset).
     *
     * @return the date, or null when the text is null or blank (a missing date is allowed)
     * @throws MalformedArticleException "impossible date '…'" when the fields name no real day, or
     *                                   "unrecognised date '…'" when the text is in no supported format (or an
     *                                   RFC 1123 weekday does not match the day)
     */
    public static LocalDate parse(String text) throws MalformedArticleException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        Matcher iso = ISO_PREFIX.matcher(s);
        if (iso.matches()) {
            // the date part is the publisher's day whatever follows (offset, fraction, zone name)
            return real(s, iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3));
        }
        Matcher rfc = RFC_DATE.matcher(s);
        if (rfc.matches()) {
            // the three letters RFC_DATE keeps of the month and weekday names
            Optional<Month> month = DateWords.month(rfc.group(3));
            if (month.isEmpty()) {
                throw unrecognised(s);
            }
            LocalDate date = real(s, rfc.group(4), month.get().getValue(), rfc.group(2));
            if (rfc.group(1) != null) {
                DayOfWeek written = DateWords.weekday(rfc.group(1)).orElse(null);
                if (written == null || written != date.getDayOfWeek()) {
                    throw new MalformedArticleException("unrecognised date '" + s + "' (" + date + " is a "
                            + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT) + ")");
                }
            }
            return date;
        }
        throw unrecognised(s);
    }

    /**
     * Why a publication date cannot be right, or null when it can (or is null): before {@link #EARLIEST}, or more than
     * a day after today by {@code clock} (the day allows for time zones ahead of the clock's).
     */
    public static String implausible(LocalDate date, Clock clock) {
        if (date == null) {
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            return "before " + EARLIEST;
        }
        LocalDate latest = LocalDate.now(clock).plusDays(1);
        if (date.isAfter(latest)) {
            return "after " + latest + ", more than a day ahead of today";
        }
        return null;
    }

    private static LocalDate real(String s, String year, int month, String day) throws MalformedArticleException {
        try {
            return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new MalformedArticleException("impossible date '" + s + "'");
        }
    }

    private static MalformedArticleException unrecognised(String s) {
        return new MalformedArticleException(
                "unrecognised date '" + s + "' (expected YYYY-MM-DD, an ISO date-time or RFC 1123)");
    }
}
