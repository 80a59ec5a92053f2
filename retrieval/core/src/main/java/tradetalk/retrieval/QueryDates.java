package tradetalk.retrieval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication period a question names, if any: "on November 18, 2019", "in November 2019", "2019-11-18", "last
 * November" or "in 2019". News questions often say when something was reported; search favours articles from then.
 */
public final class QueryDates {

    /**
     * A period: {@code from}..{@code to} inclusive, or, when only a month was named, that month in any year.
     *
     * @param from  first day, or null when only a month of the year is known
     * @param to    last day, or null when only a month of the year is known
     * @param month the month of the year when no year was named, else null
     */
    public record Span(LocalDate from, LocalDate to, Month month) {

        /** True when a publication date falls in the period. */
        public boolean contains(LocalDate date) {
            if (date == null) {
                return false;
            }
            if (month != null) {
                return date.getMonth() == month;
            }
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private static final String MONTH = DateWords.MONTH;
    private static final String DAY = DateWords.DAY;
    private static final Pattern ISO = Pattern.compile(DateWords.ISO_DATE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+(?:of\\s+)?(\\d{4})\\b");
    /** A month on its own; "May" only after a preposition, since it is usually the verb. */
    private static final Pattern MONTH_ALONE = Pattern.compile("\\b(?:(?:in|since|during|of|early|late|mid|last|"
            + "this)\\s+" + MONTH + "|" + MONTH.replace("|May", "") + ")\\b(?!-)");

    private static final Pattern YEAR = Pattern.compile("\\b(?:in|of|during|since|from)\\s+((?:19|20)\\d{2})\\b");

    private QueryDates() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The period the question names, the most precise one first; empty when it names none. */
    public static Optional<Span> in(String question) {
        try {
            Matcher m = ISO.matcher(question);
            if (m.find()) {
                LocalDate d = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return Optional.of(new Span(d, d, null));
            }
            m = MONTH_DAY_YEAR.matcher(question);
            if (m.find()) {
                LocalDate d =
                        LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new Span(d, d, null));
            }
            m = DAY_MONTH_YEAR.matcher(question);
            if (m.find()) {
                LocalDate d =
                        LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
                return Optional.of(new Span(d, d, null));
            }
        } catch (DateTimeException e) {
            // "February 30, 2019": not a date; look for a coarser one
        }
        Matcher m = MONTH_YEAR.matcher(question);
        if (m.find()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
            return Optional.of(new Span(ym.atDay(1), ym.atEndOfMonth(), null));
        }
        m = MONTH_ALONE.matcher(question);
        if (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            return Optional.of(new Span(null, null, month(name)));
        }
        m = YEAR.matcher(question);
        if (m.find()) {
            int y = Integer.parseInt(m.group(1));
            return Optional.of(new Span(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), null));
        }
        return Optional.empty();
    }

    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "\\b(?!,?\\s*\\d)" + "|\\b"
            + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\b(?!,?\\s*\\d)");

    /**
     * The day of the year a question names without a year ("on November 26", "26th of November"); empty when it
     * names none or the day does not exist.
     */
    public static Optional<MonthDay> dayWithoutYear(String question) {
        Matcher m = MONTH_DAY.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return m.group(1) != null
                    ? Optional.of(MonthDay.of(month(m.group(1)), Integer.parseInt(m.group(2))))
                    : Optional.of(MonthDay.of(month(m.group(4)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Month month(String name) {
        return DateWords.month(name).orElseThrow();
    }
}
