package tradetalk.answer.support;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.CitationMarkers;
import tradetalk.retrieval.DateWords;

/**
 * The checkable facts of a text in normal forms, so that "$50 billion" and "50 billion dollars" are one amount and
 * "Nov. 16-17" holds "November 16":
 * <ul>
 *   <li>dates {@code d:11-16} (month and day; a range "Nov. 16-17" gives each day), months {@code m:11} (alone, or
 *       implied by a date), weekdays {@code wd:tuesday}, ISO dates {@code 2019-11-26} (date, month, year, weekday);</li>
 *   <li>percentages {@code p:25} ("25%", "25 percent", "25 per cent");</li>
 *   <li>numbers {@code n:5.0E10} with their scale ("$50 billion", "50bn", "fifty billion"; "40 to 50 billion" gives
 *       both 40 and 50 billion), written numbers two to twenty, years;</li>
 *   <li>quoted strings (straight or curly double quotes), normalised to lower-case words.</li>
 * </ul>
 * Ordinals from "third" count as their number ("sixth week": 6); "one", "first" and "second" are not read as
 * numbers (mostly a pronoun, "phase one" / "first phase", "a second"), nor are citation markers.
 */
public final class Facts {

    private static final String MONTH = DateWords.MONTH;
    private static final String DAY = DateWords.DAY;
    private static final String RANGE = "(?:\\s*(?:-|–|to|and|through|or)\\s*" + DAY + ")?";
    private static final Pattern ISO = Pattern.compile(DateWords.ISO_DATE);
    private static final Pattern MONTH_DAY =
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "\\b" + RANGE + "(?:,?\\s+(\\d{4}))?");
    private static final Pattern DAY_MONTH =
            Pattern.compile("\\b" + DAY + RANGE + "\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?");
    private static final Pattern MONTH_ALONE = Pattern.compile("\\b" + MONTH + "(?![\\w])");
    private static final Pattern WEEKDAY = Pattern.compile("\\b" + DateWords.WEEKDAY + "\\b");
    private static final Pattern QUOTE = Pattern.compile("[\"“”]([^\"“”]{2,400}?)[\"“”]");
    private static final Pattern PERCENT =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b|percentage points?\\b)");
    private static final String SCALE = "(trillion|billion|million|thousand|tn|bn|mln|mn|m|k)\\b";
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s*" + SCALE + ")?");
    private static final Pattern WORD_NUMBER = Pattern.compile("(?i)\\b(two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
            + "|fifty|sixty|seventy|eighty|ninety|hundred|dozen|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
            + "\\b(?:\\s+" + SCALE + ")?");
    private static final Pattern CONNECTOR = Pattern.compile("\\s*(?:-|–|to|and|or)\\s*\\$?\\s*");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("hundred", 100),
            Map.entry("dozen", 12),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("sixth", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8),
            Map.entry("ninth", 9),
            Map.entry("tenth", 10));

    private final Set<String> facts;
    private final List<String> quotes;

    private Facts(Set<String> facts, List<String> quotes) {
        this.facts = facts;
        this.quotes = quotes;
    }

    /** The facts of {@code text}. */
    public static Facts of(String text) {
        Set<String> out = new LinkedHashSet<>();
        List<String> quotes = new ArrayList<>();
        Matcher q = QUOTE.matcher(text);
        while (q.find()) {
            String words = words(q.group(1));
            if (!words.isBlank()) {
                quotes.add(words);
            }
        }
        StringBuilder rest =
                new StringBuilder(CitationMarkers.MARKER.matcher(text).replaceAll(" "));
        Matcher iso = ISO.matcher(rest);
        while (iso.find()) {
            try {
                LocalDate d = LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                date(out, d.getMonthValue(), d.getDayOfMonth());
                out.add("n:" + (double) d.getYear());
                out.add("wd:"
                        + d.getDayOfWeek()
                                .getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                .toLowerCase(Locale.ROOT));
            } catch (java.time.DateTimeException e) {
                // not a date: its numbers are read below
                continue;
            }
            blank(rest, iso.start(), iso.end());
        }
        dates(rest, MONTH_DAY, 1, 2, 3, 4, out);
        dates(rest, DAY_MONTH, 3, 1, 2, 4, out);
        Matcher m = MONTH_ALONE.matcher(rest);
        while (m.find()) {
            out.add("m:" + month(m.group(1)));
            blank(rest, m.start(), m.end());
        }
        Matcher w = WEEKDAY.matcher(rest);
        while (w.find()) {
            out.add("wd:" + w.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher p = PERCENT.matcher(rest);
        while (p.find()) {
            out.add("p:" + Double.parseDouble(p.group(1)));
            blank(rest, p.start(), p.end());
        }
        numbers(rest.toString(), out);
        return new Facts(out, quotes);
    }

    /** The normal forms: {@code d:MM-DD}, {@code m:MM}, {@code wd:day}, {@code p:25.0}, {@code n:5.0E10}. */
    public Set<String> facts() {
        return facts;
    }

    /** The quoted strings, as lower-case words separated by single spaces. */
    public List<String> quotes() {
        return quotes;
    }

    /** Lower-case letters and digits, everything else one space: the form quotes are compared in. */
    public static String words(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("’", "'")
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .strip();
    }

    /** A fact in words for a reason: "November 16", "25%", "50 billion", "Tuesday". */
    public static String describe(String fact) {
        String value = fact.substring(fact.indexOf(':') + 1);
        return switch (fact.substring(0, fact.indexOf(':'))) {
            case "d" -> monthName(Integer.parseInt(value.substring(0, 2))) + " " + Integer.parseInt(value.substring(3));
            case "m" -> monthName(Integer.parseInt(value));
            case "wd" -> Character.toUpperCase(value.charAt(0)) + value.substring(1);
            case "p" -> plain(Double.parseDouble(value)) + "%";
            default -> plain(Double.parseDouble(value));
        };
    }

    private static String monthName(int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String plain(double v) {
        String[] units = {"trillion", "billion", "million"};
        double[] scales = {1e12, 1e9, 1e6};
        for (int i = 0; i < units.length; i++) {
            if (Math.abs(v) >= scales[i]) {
                return java.math.BigDecimal.valueOf(v / scales[i])
                                .stripTrailingZeros()
                                .toPlainString() + " " + units[i];
            }
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void dates(
            StringBuilder rest,
            Pattern pattern,
            int monthGroup,
            int dayGroup,
            int toGroup,
            int yearGroup,
            Set<String> out) {
        Matcher m = pattern.matcher(rest);
        while (m.find()) {
            int month = month(m.group(monthGroup));
            int from = Integer.parseInt(m.group(dayGroup));
            int to = m.group(toGroup) == null ? from : Integer.parseInt(m.group(toGroup));
            if (from < 1 || from > 31 || to < from || to > 31) {
                continue;
            }
            for (int d = from; d <= to; d++) {
                date(out, month, d);
            }
            if (m.group(yearGroup) != null) {
                out.add("n:" + Double.parseDouble(m.group(yearGroup)));
            }
            blank(rest, m.start(), m.end());
        }
    }

    private static void date(Set<String> out, int month, int day) {
        out.add(String.format(Locale.ROOT, "d:%02d-%02d", month, day));
        out.add(String.format(Locale.ROOT, "m:%02d", month));
    }

    private static void numbers(String text, Set<String> out) {
        List<double[]> found = new ArrayList<>(); // value, scale, start, end
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            double v = Double.parseDouble(n.group(1).replace(",", "") + (n.group(2) == null ? "" : "." + n.group(2)));
            found.add(new double[] {v, scale(n.group(3)), n.start(), n.end()});
        }
        Matcher w = WORD_NUMBER.matcher(text);
        while (w.find()) {
            found.add(
                    new double[] {WORDS.get(w.group(1).toLowerCase(Locale.ROOT)), scale(w.group(2)), w.start(), w.end()
                    });
        }
        found.sort((a, b) -> Double.compare(a[2], b[2]));
        for (int i = 0; i < found.size(); i++) {
            double[] f = found.get(i);
            out.add("n:" + f[0] * f[1]);
            if (f[1] == 1 && i + 1 < found.size()) {
                double[] next = found.get(i + 1);
                String gap = text.substring((int) f[3], (int) next[2]);
                if (next[1] != 1 && CONNECTOR.matcher(gap).matches()) {
                    out.add("n:" + f[0] * next[1]); // "40 to 50 billion": 40 billion too
                }
            }
        }
    }

    private static double scale(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "trillion", "tn" -> 1e12;
            case "billion", "bn" -> 1e9;
            case "million", "mln", "mn", "m" -> 1e6;
            case "thousand", "k" -> 1e3;
            default -> 1;
        };
    }

    private static int month(String name) {
        return DateWords.month(name).orElseThrow().getValue();
    }

    private static void blank(StringBuilder sb, int from, int to) {
        for (int i = from; i < to; i++) {
            sb.setCharAt(i, ' ');
        }
    }
}
