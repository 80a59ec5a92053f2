package tradetalk.answer.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.retrieval.DateWords;
import tradetalk.retrieval.Lexicon;

/**
 * The names (people, places, organisations) a sentence uses, found without a trained NER model: capitalised words,
 * where a word at the start of the sentence counts only when it plainly is a name (followed by another capitalised
 * word or by a reporting verb such as "said", or an acronym such as "WTO" or "U.S."). Left out: a stoplist of
 * capitalised function words, titles, months and weekdays (dates are {@link Facts}), written numbers, and any word
 * whose lower-case form the source uses in lower case (a common word, such as "Phase" for "phase").
 *
 * <p>Names are compared as single normalised tokens (lower case, no periods, no possessive "'s", hyphenated parts
 * apart), so "Lighthizer" is found in "Robert Lighthizer". Demonyms count as their country: "Chinese" as "China",
 * "American" and "United States" as "U.S.", "British" and "Britain" as "UK".
 */
public final class Names {

    /**
     * A capitalised word as news text writes a name or part of one: an upper-case letter, then letters, full stops,
     * apostrophes and hyphens ("Xi", "U.S.", "O'Brien", "China's", "Al-Assad").
     */
    public static final String CAPITALISED = "\\p{Lu}[\\p{L}.'’-]*";

    /** A word of a name in a run: a capitalised word whose apostrophe is only a possessive ("China's"). */
    private static final String RUN_WORD = "\\p{Lu}[\\p{L}.-]*(?:['’]s)?";

    /** A run of two or more capitalised words not opening a sentence or a clause after a colon: a name. */
    private static final Pattern RUN =
            Pattern.compile("(?<![.!?:]\\s)(?<=\\s)(" + RUN_WORD + "(?:\\s+" + RUN_WORD + ")+)");

    /**
     * A title before a capitalised word ("President Xi", "Sen. Rubio"), or two capitalised words of two letters or more
     * in a row that do not open the sentence ("Angela Merkel", "“Inside Out").
     */
    private static final Pattern SOMEONE = Pattern.compile("\\b(?:"
            + Lexicon.capitalisedAlternation(titlesBeforeNames()) + ")\\.?\\s+\\p{Lu}"
            + "|(?<!^)(?<![.!?]\\s)\\b\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu}[\\p{L}'’-]+");

    /** Capitalised words that are no names: function words, numbers; titles, months and weekdays are added. */
    private static final Set<String> STOP = withLexicon(Set.of(
            "a",
            "an",
            "the",
            "and",
            "but",
            "or",
            "nor",
            "so",
            "yet",
            "if",
            "as",
            "at",
            "by",
            "for",
            "from",
            "in",
            "into",
            "of",
            "on",
            "to",
            "with",
            "after",
            "before",
            "while",
            "when",
            "where",
            "since",
            "though",
            "although",
            "because",
            "however",
            "meanwhile",
            "also",
            "still",
            "both",
            "each",
            "either",
            "neither",
            "all",
            "some",
            "many",
            "most",
            "more",
            "other",
            "another",
            "such",
            "this",
            "that",
            "these",
            "those",
            "he",
            "she",
            "it",
            "they",
            "we",
            "i",
            "you",
            "his",
            "her",
            "its",
            "their",
            "our",
            "my",
            "your",
            "there",
            "here",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "why",
            "how",
            "no",
            "not",
            "yes",
            "then",
            "now",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "first",
            "second",
            "third",
            "phase"));
    /** Verbs that follow a name opening a sentence ("Mnuchin said ...", "Xi met ..."): the saying verbs and these. */
    private static final Set<String> REPORTING = withSaying(Set.of(
            "spoke",
            "speaks",
            "met",
            "meets",
            "called",
            "calls",
            "signed",
            "signs",
            "agreed",
            "agrees",
            "announces",
            "visited",
            "pledged",
            "plans",
            "planned",
            "wants",
            "wanted",
            "held",
            "hosted",
            "led",
            "leads",
            "sent",
            "asked",
            "confirmed",
            "denied",
            "declined",
            "expects",
            "expected",
            "hopes",
            "hoped",
            "threatened",
            "imposed",
            "raised",
            "cut",
            "bought",
            "buys",
            "reported"));
    /** Small words inside a name ("Bank of China", "Standard & Poor's"). */
    private static final Set<String> CONNECTORS = Set.of("of", "and", "&", "for", "the", "de");

    /** Demonyms and other forms of a country's name, as the country. */
    private static final Map<String, String> DEMONYMS = Map.ofEntries(
            Map.entry("chinese", "china"),
            Map.entry("american", "us"),
            Map.entry("americans", "us"),
            Map.entry("america", "us"),
            Map.entry("usa", "us"),
            Map.entry("russian", "russia"),
            Map.entry("russians", "russia"),
            Map.entry("ukrainian", "ukraine"),
            Map.entry("ukrainians", "ukraine"),
            Map.entry("israeli", "israel"),
            Map.entry("israelis", "israel"),
            Map.entry("iranian", "iran"),
            Map.entry("iranians", "iran"),
            Map.entry("palestinian", "palestine"),
            Map.entry("palestinians", "palestine"),
            Map.entry("canadian", "canada"),
            Map.entry("canadians", "canada"),
            Map.entry("mexican", "mexico"),
            Map.entry("mexicans", "mexico"),
            Map.entry("venezuelan", "venezuela"),
            Map.entry("venezuelans", "venezuela"),
            Map.entry("british", "uk"),
            Map.entry("britain", "uk"),
            Map.entry("japanese", "japan"),
            Map.entry("korean", "korea"),
            Map.entry("koreans", "korea"),
            Map.entry("indian", "india"),
            Map.entry("german", "germany"),
            Map.entry("french", "france"),
            Map.entry("greek", "greece"),
            Map.entry("taiwanese", "taiwan"),
            Map.entry("syrian", "syria"),
            Map.entry("european", "europe"));

    private Names() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The names of {@code sentence} given the source text it is checked against: normalised token to the word as
     * written, in order.
     */
    public static Map<String, String> of(String sentence, Set<String> sourceLowerWords) {
        List<String> words = words(sentence);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                continue;
            }
            String token = normalise(w);
            if (token.isEmpty() || STOP.contains(token) || sourceLowerWords.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (i == 0 && !plainlyName(w, i + 1 < words.size() ? words.get(i + 1) : "")) {
                continue;
            }
            out.putIfAbsent(token, w);
        }
        return out;
    }

    /**
     * Every word of a source as a name token (demonyms as their country), and the initials of its runs of
     * capitalised words, so that "APEC" is found in "Asia-Pacific Economic Cooperation" and "USTR" in "U.S. Trade
     * Representative".
     */
    public static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        List<String> run = new ArrayList<>();
        for (String w : words(text)) {
            String t = normalise(w);
            if (!t.isEmpty()) {
                out.add(t);
            }
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                run.add(w.contains(".") ? w.replace(".", "") : w.substring(0, 1));
                continue;
            }
            if (!CONNECTORS.contains(w)) {
                initials(run, out);
                run.clear();
            }
        }
        initials(run, out);
        return out;
    }

    private static void initials(List<String> run, Set<String> out) {
        for (int i = 0; i < run.size(); i++) {
            StringBuilder sb = new StringBuilder(run.get(i));
            for (int j = i + 1; j < run.size(); j++) {
                sb.append(run.get(j));
                out.add(sb.toString().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The key names of a short topic (not a sentence), each as the one token a source must hold to name it, normalised
     * as {@link #tokens} normalises a source's words. Consecutive capitalised words are one name, found by its last
     * word (a surname: "Charlie Kirk" by "Kirk", "Super Bowl" by "Bowl"; a trailing numeral is skipped: "Pope Leo XIV"
     * by "Leo"), except that acronyms and countries are names of their own ("US China trade talks" gives [us, china],
     * both needed). Function words and titles are not names.
     */
    public static List<String> inTopic(String topic) {
        Set<String> out = new java.util.LinkedHashSet<>();
        List<String> run = new ArrayList<>();
        for (String w : words(topic)) {
            String token = w.isEmpty() ? "" : normalise(w);
            boolean name = !token.isEmpty() && Character.isUpperCase(w.charAt(0)) && !STOP.contains(token);
            if (!name) {
                head(run, out);
                continue;
            }
            boolean acronym = w.length() >= 2 && w.replace(".", "").chars().allMatch(Character::isUpperCase);
            if ((acronym && !NUMERAL.matcher(w).matches()) || COUNTRIES.contains(token)) {
                head(run, out);
                out.add(token);
            } else {
                run.add(token);
            }
        }
        head(run, out);
        return List.copyOf(out);
    }

    private static final Pattern NUMERAL = Pattern.compile("[IVX]+|\\d+");
    private static final Set<String> COUNTRIES = Set.copyOf(DEMONYMS.values());

    /** Adds the head of a run of capitalised words (its last word other than a numeral) and empties the run. */
    private static void head(List<String> run, Set<String> out) {
        for (int i = run.size() - 1; i >= 0; i--) {
            if (!run.get(i).matches("[ivx]+|\\d+")) {
                out.add(run.get(i));
                break;
            }
        }
        run.clear();
    }

    /**
     * The runs of two or more capitalised words in a text that do not open a sentence ("Angela Merkel", "European
     * Union", "Hong Kong Marathon"), in order: the names a question or sentence gives in full.
     */
    public static List<String> runs(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * True when a sentence most likely names someone: a title before a name ("Sen. Rubio"), or two capitalised words
     * in a row that do not open the sentence. Organisations and titles of works count too ("the European Union",
     * "“Inside Out 2”"): without a trained model they look alike.
     */
    public static boolean namesSomeone(String sentence) {
        return SOMEONE.matcher(sentence).find();
    }

    /** The words a source uses in lower case (to tell "Phase" the common word from a name). */
    public static Set<String> lowerCaseWords(String text) {
        Set<String> out = new HashSet<>();
        for (String w : words(text)) {
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean plainlyName(String word, String next) {
        boolean acronym = word.length() >= 2 && word.replace(".", "").chars().allMatch(Character::isUpperCase);
        boolean nextCapitalised =
                !next.isEmpty() && Character.isUpperCase(next.charAt(0)) && !STOP.contains(normalise(next));
        return acronym || word.contains(".") || nextCapitalised || REPORTING.contains(next);
    }

    /** Words split on spaces and hyphens, surrounding punctuation and possessives removed, "United States" as US. */
    private static List<String> words(String text) {
        String t = text.replace('’', '\'')
                .replace("United States", "U.S.")
                .replace("Standard & Poor's", "S&P")
                .replace("Standard and Poor's", "S&P");
        List<String> out = new ArrayList<>();
        for (String raw : t.split("[\\s\\-–—/]+")) {
            String w = raw.replaceAll("^[^\\p{L}\\p{N}]+", "").replaceAll("[^\\p{L}\\p{N}.]+$", "");
            w = w.replaceAll("'s?$", "");
            if (w.endsWith(".") && !w.matches("(?:\\p{L}\\.)+")) {
                w = w.substring(0, w.length() - 1); // a full stop, not an abbreviation such as U.S.
            }
            out.add(w);
        }
        return out;
    }

    private static String normalise(String word) {
        String t = word.toLowerCase(Locale.ROOT).replace(".", "").replace("'", "");
        return DEMONYMS.getOrDefault(t, t);
    }

    private static Set<String> withLexicon(Set<String> words) {
        Set<String> all = new HashSet<>(words);
        all.addAll(Lexicon.TITLES);
        all.addAll(DateWords.words());
        return Set.copyOf(all);
    }

    private static Set<String> titlesBeforeNames() {
        Set<String> all = new HashSet<>(Lexicon.TITLES);
        all.addAll(Lexicon.TITLES_IN_NAMES);
        return all;
    }

    private static Set<String> withSaying(Set<String> verbs) {
        Set<String> all = new HashSet<>(verbs);
        all.addAll(Lexicon.SAYING_VERBS);
        return Set.copyOf(all);
    }
}
