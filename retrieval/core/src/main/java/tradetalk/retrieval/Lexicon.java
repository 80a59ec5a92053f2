package tradetalk.retrieval;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one owner of the words news text uses around names and sayings: the titles written before a name, the verbs
 * that report what someone said, and the abbreviations whose full stop ends no sentence. The words of dates (months,
 * weekdays) are {@link DateWords}'.
 */
public final class Lexicon {

    /**
     * Titles and roles written before a name ("President Xi", "Trade Representative Lighthizer", "Sen. Rubio"),
     * lower case and without a full stop. On their own they name nobody, and no name is made of them.
     */
    public static final Set<String> TITLES = Set.of(
            "mr",
            "mrs",
            "ms",
            "dr",
            "sir",
            "president",
            "vice",
            "premier",
            "prime",
            "minister",
            "secretary",
            "representative",
            "chairman",
            "chairwoman",
            "chief",
            "deputy",
            "sen",
            "senator",
            "rep",
            "gov",
            "governor",
            "ambassador",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "official",
            "officials",
            "state",
            "councilor");

    /**
     * Titles that are also words of names ("General Assembly", "Gayle King", "Queen Mary 2"): a title before a name,
     * but a word a name may hold.
     */
    public static final Set<String> TITLES_IN_NAMES = Set.of("chancellor", "general", "prince", "king", "queen");

    /**
     * Verbs that report what someone said, in the past or the third person ("Trump said", "said Kudlow", "the ministry
     * warns"); not "say", which follows plural common nouns ("Experts say") as often as names.
     */
    public static final Set<String> SAYING_VERBS = Set.of(
            "said",
            "says",
            "told",
            "tells",
            "added",
            "adds",
            "warned",
            "warns",
            "stated",
            "noted",
            "argued",
            "tweeted",
            "wrote",
            "posted",
            "insisted",
            "stressed",
            "reiterated",
            "declared",
            "vowed",
            "promised",
            "repeated",
            "urged",
            "announced",
            "claimed",
            "replied",
            "responded",
            "asserted",
            "acknowledged");

    /** Title abbreviations that take a full stop ("Mr.", "Sen.", "Gen."), lower case, without it. */
    private static final Set<String> TITLE_ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "rev", "lt", "col", "capt");

    /**
     * Words whose full stop ends no sentence, lower case and without their last full stop: title abbreviations,
     * "U.S." and its kind, company and Latin abbreviations, abbreviated months ("Nov."), "a.m.".
     */
    public static final Set<String> ABBREVIATIONS = union(
            TITLE_ABBREVIATIONS,
            Set.of(
                    "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "no", "vs", "etc", "e.g", "i.e", "a.m",
                    "p.m"),
            DateWords.monthAbbreviations());

    private Lexicon() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * A regular-expression alternation of the words, each with its first letter in upper case ("Mr|President|..."),
     * longest first so that no word stops a longer one from matching.
     */
    public static String capitalisedAlternation(Collection<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining("|"));
    }

    /** A lower-case alternation of the words, longest first ("acknowledged|announced|...|say"). */
    public static String alternation(Collection<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.joining("|"));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
