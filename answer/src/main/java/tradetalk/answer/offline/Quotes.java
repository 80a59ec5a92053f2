package tradetalk.answer.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.Lexicon;

/** Quotations and their attribution in news sentences. */
final class Quotes {

    private static final Pattern OPENS_WITH_QUOTE = Pattern.compile("^\\s*[\"“‘']");
    /** A verb of saying ({@link Lexicon#SAYING_VERBS}, and "say"). */
    private static final String SAYING = "(?:" + Lexicon.alternation(Lexicon.SAYING_VERBS) + "|say)";

    private static final Pattern OPENS_WITH_PRONOUN_SAYING =
            Pattern.compile("^\\s*(?:He|She|They|It|We|I)\\s+(?:\\w+\\s+){0,3}?" + SAYING + "\\b");
    /** "... ," Trump said / said Kudlow / the ministry said: an attribution naming someone. */
    private static final Pattern ATTRIBUTED = Pattern.compile("[\"”’']\\s*,?\\s*(?:" + Names.CAPITALISED + "\\s+){1,4}"
            + SAYING + "\\b"
            + "|\\b" + SAYING + "\\s+(?:the\\s+)?" + Names.CAPITALISED
            + "|\\b(?:the|a)\\s+(?:\\w+\\s+){0,3}" + SAYING + "\\b|\\baccording to\\b");

    /** A verb of saying: where a sentence names whose words it reports. */
    private static final Pattern SAYING_VERB = Pattern.compile("\\b" + SAYING + "\\b");

    private static final Pattern ACCORDING_TO = Pattern.compile("\\baccording\\s+to\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"“][^\"“”]*[\"”]|‘[^‘’]*’");
    /** A short run of capitalised words: a name standing alone as a clause ("Peter Navarro,"). */
    private static final Pattern NAME_ONLY = Pattern.compile("^\\s*(?:" + Names.CAPITALISED + "\\s*){1,4}$");

    /** Words of a speaker's name that name nobody on their own: titles ("President" in "President Xi"), and these. */
    private static final Set<String> TITLES = withTitles(Set.of("the", "former", "chinese", "american", "us", "u"));

    private static final Set<String> PRONOUNS = Set.of("he", "she", "it", "we", "i", "us", "me", "they");

    private static Set<String> withTitles(Set<String> words) {
        Set<String> all = new HashSet<>(words);
        all.addAll(Lexicon.TITLES);
        all.addAll(Lexicon.TITLES_IN_NAMES);
        return Set.copyOf(all);
    }

    private Quotes() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * True when the sentence leans on an earlier one for its speaker: it opens with a quotation, or with "He said",
     * and no attribution naming the speaker follows inside it.
     */
    static boolean dangling(String sentence) {
        if (OPENS_WITH_PRONOUN_SAYING.matcher(sentence).find()) {
            return true;
        }
        return OPENS_WITH_QUOTE.matcher(sentence).find()
                && !ATTRIBUTED.matcher(sentence).find();
    }

    /**
     * True when the sentence gives the speaker's own words: a verb of saying (or "according to") whose subject
     * names the speaker ("Trump said", "said Kudlow", "Peter Navarro, a White House adviser, told", "Lighthizer's
     * office said"), not a sentence that only mentions the speaker while someone else speaks ("Trump said Xi
     * ..."). A pronoun ("he said") names nobody: such a sentence leans on another one and is not quoted alone.
     *
     * @param speaker  who is asked about, as the question names them ("Xi", "Mike Pence")
     */
    static boolean saidBy(String sentence, String speaker) {
        // words inside quotation marks are what is said, never who says it
        String plain = QUOTED.matcher(sentence)
                .replaceAll(m -> "," + " ".repeat(m.group().length() - 1));
        Matcher verb = SAYING_VERB.matcher(plain);
        while (verb.find()) {
            String subject = subjectBefore(plain, verb.start());
            if (subject.isBlank()) {
                // "..., said Kudlow" / "said the ministry"
                String object = plain.substring(verb.end()).split("[,.;:]", 2)[0];
                if (object.strip().split("\\s+").length <= 5 && names(object, speaker)) {
                    return true;
                }
            } else if (names(subject, speaker)) {
                return true;
            }
        }
        Matcher according = ACCORDING_TO.matcher(plain);
        while (according.find()) {
            String source = plain.substring(according.end()).split("[,.;:]", 2)[0];
            if (names(source, speaker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The clause that ends where a verb of saying starts: back to the previous comma or the sentence start; when
     * that clause is an apposition after a bare name ("Peter Navarro, a White House trade adviser, told"), the name
     * with it.
     */
    private static String subjectBefore(String plain, int end) {
        String[] pieces = plain.substring(0, end).split(",", -1);
        int last = pieces.length - 1;
        String subject = pieces[last];
        // "Peter Navarro, a White House trade adviser, told": the name before the apposition
        int appositive = subject.isBlank() ? last - 1 : last;
        if (appositive >= 1
                && pieces[appositive].strip().matches("(?i)(?:a|an|the)\\s.*")
                && NAME_ONLY.matcher(pieces[appositive - 1]).matches()) {
            return pieces[appositive - 1] + "," + pieces[appositive];
        }
        return subject;
    }

    /**
     * True when the text names the speaker: any capitalised word of the speaker's name ("Xi", "Pence"), or, for a
     * speaker named in lower case ("the ministry"), any of its words of four letters or more.
     */
    private static boolean names(String text, String speaker) {
        List<String> words = Arrays.asList(text.split("[^\\p{L}]+"));
        return speakerWords(speaker).stream()
                .anyMatch(w -> words.stream()
                        .anyMatch(t -> Character.isUpperCase(w.charAt(0)) ? t.equals(w) : t.equalsIgnoreCase(w)));
    }

    /**
     * The words that name the speaker: the capitalised words of the name (not titles, and not a word that is also a
     * pronoun, "He" of "Liu He", when the name has another), else its words of four letters or more.
     */
    private static List<String> speakerWords(String speaker) {
        List<String> capitalised = new ArrayList<>();
        List<String> long_ = new ArrayList<>();
        for (String w : speaker.split("[^\\p{L}]+")) {
            if (TITLES.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (w.length() >= 2 && Character.isUpperCase(w.charAt(0))) {
                capitalised.add(w);
            } else if (w.length() >= 4) {
                long_.add(w);
            }
        }
        if (capitalised.size() > 1) {
            capitalised.removeIf(w -> PRONOUNS.contains(w.toLowerCase(Locale.ROOT)));
        }
        return capitalised.isEmpty() ? long_ : capitalised;
    }
}
