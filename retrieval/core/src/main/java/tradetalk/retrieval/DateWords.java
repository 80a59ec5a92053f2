package tradetalk.retrieval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one owner of the words news text uses for dates: month and weekday names (full and abbreviated), the
 * patterns that find them, whether a sentence mentions a date at all, and the reading of a relative day ("Tuesday",
 * "last Saturday", "yesterday") against the publication date of the article that says it.
 *
 * <p>A weekday is read as news reports past events: a bare "Tuesday" is the latest Tuesday on or before the
 * publication day, "last Saturday" the latest Saturday before it, "next Friday" (or a weekday after "will") the
 * first one after it.
 */
public final class DateWords {

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY),
            Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY),
            Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH),
            Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL),
            Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE),
            Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY),
            Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST),
            Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("sep", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER),
            Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER),
            Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER),
            Map.entry("dec", Month.DECEMBER));

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("sun", DayOfWeek.SUNDAY));

    /** A month name, full or abbreviated, with an optional period; the name is group 1. */
    public static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    /** A day of the month, with an optional ordinal ending ("16", "3rd"); the number is group 1. */
    public static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

    /** An ISO date ("2019-11-26"); year, month and day are groups 1 to 3. */
    public static final String ISO_DATE = "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b";

    /** A weekday's full name; the name is group 1. */
    public static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    /** Any date mention in running text: a month, a weekday, a relative day or period, or a year. */
    private static final Pattern ANY_DATE = Pattern.compile("\\b" + MONTH + "(?!\\w)|\\b" + WEEKDAY
            + "\\b|\\b(?:yesterday|today|tomorrow|tonight|weekend)\\b|\\b(?:19|20)\\d{2}\\b"
            + "|\\b(?:last|next|this|earlier|later)\\s+(?:week|month|year)\\b");

    /** A month followed by a day, or a day followed by a month: a calendar date the sentence states itself. */
    private static final Pattern CALENDAR_DAY =
            Pattern.compile("\\b" + MONTH + "\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?" + "\\s+(?:of\\s+)?" + MONTH
                    + "(?!\\w)|\\b\\d{4}-\\d{2}-\\d{2}\\b");

    /** A weekday, with "last", "next", "this" before it and a part of the day after it, or a relative day word. */
    private static final Pattern RELATIVE_DAY = Pattern.compile("\\b(?:(last|next|this|on)\\s+)?" + WEEKDAY
            + "(?:\\s+(?:morning|afternoon|evening|night))?\\b|\\b(yesterday|today)\\b");

    private static final Pattern FUTURE =
            Pattern.compile("\\b(?:will|would|is due|are due|is set|are set|plans? to)\\b");

    private DateWords() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The month a name or abbreviation stands for ("Nov.", "september"); empty for any other word. */
    public static Optional<Month> month(String word) {
        return Optional.ofNullable(MONTHS.get(word.toLowerCase(Locale.ROOT).replace(".", "")));
    }

    /** The weekday a name or abbreviation stands for ("Tue", "Friday"); empty for any other word. */
    public static Optional<DayOfWeek> weekday(String word) {
        return Optional.ofNullable(WEEKDAYS.get(word.toLowerCase(Locale.ROOT).replace(".", "")));
    }

    /** The abbreviated month words ("jan", "sept"), lower case: every month word but the full names. */
    public static Set<String> monthAbbreviations() {
        Set<String> out = new LinkedHashSet<>();
        MONTHS.forEach((word, month) -> {
            if (!word.equals(month.name().toLowerCase(Locale.ROOT))) {
                out.add(word);
            }
        });
        return Set.copyOf(out);
    }

    /** Every month word (full and abbreviated) and weekday name, lower case. */
    public static Set<String> words() {
        Set<String> all = new LinkedHashSet<>(MONTHS.keySet());
        for (DayOfWeek d : DayOfWeek.values()) {
            all.add(d.name().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(all);
    }

    /** True when the text mentions a date or a time: a month, a weekday, "yesterday", "last week", a year. */
    public static boolean mentionsDate(String text) {
        return ANY_DATE.matcher(text).find();
    }

    /** True when the text states a calendar day itself ("Nov. 16", "26 November", "2019-11-26"). */
    public static boolean statesCalendarDay(String text) {
        return CALENDAR_DAY.matcher(text).find();
    }

    /**
     * A relative day in a sentence, read against the day it was published.
     *
     * @param start where the words start in the sentence
     * @param end   where they end
     * @param date  the day they mean
     */
    public record RelativeDay(int start, int end, LocalDate date) {}

    /**
     * The relative days a sentence names ("Tuesday", "last Saturday", "Friday morning", "yesterday"), each read
     * against the publication day; none when the publication day is unknown.
     */
    public static List<RelativeDay> relativeDays(String sentence, LocalDate published) {
        List<RelativeDay> out = new ArrayList<>();
        if (published == null) {
            return out;
        }
        Matcher m = RELATIVE_DAY.matcher(sentence);
        while (m.find()) {
            if (m.group(3) != null) {
                String w = m.group(3).toLowerCase(Locale.ROOT);
                out.add(new RelativeDay(
                        m.start(), m.end(), w.equals("yesterday") ? published.minusDays(1) : published));
                continue;
            }
            DayOfWeek day = weekday(m.group(2)).orElseThrow();
            String before = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            boolean future = before.equals("next")
                    || (!before.equals("last")
                            && FUTURE.matcher(sentence.substring(0, m.start())).find());
            LocalDate date;
            if (future) {
                date = published.with(TemporalAdjusters.next(day));
            } else if (before.equals("last")) {
                date = published.with(TemporalAdjusters.previous(day));
            } else {
                date = published.with(TemporalAdjusters.previousOrSame(day));
            }
            out.add(new RelativeDay(m.start(), m.end(), date));
        }
        return out;
    }
}
