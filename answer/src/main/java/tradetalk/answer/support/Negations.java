package tradetalk.answer.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two texts disagree on a negation: one negates something ("not signed", "declined to sign", "didn't") that
 * the other states plainly ("signed"). The scope of a negation is the next three content words in its clause; they conflict when
 * the other text uses one of those words outside any negation of its own. A negation about something the other
 * text does not mention is no conflict, so a source sentence with an unrelated "not" does not sink a sentence.
 */
final class Negations {

    private static final Pattern CUE =
            Pattern.compile("(?i)\\b(?:not|no|never|neither|nor|none|nothing|without|cannot|yet to"
                    + "|(?:declin|refus|fail)(?:e|es|ed|ing|s)? to)\\b|n[’']t\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> FUNCTION = Set.of(
            "a", "an", "the", "to", "be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "do",
            "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "it", "he", "she", "they",
            "we", "i", "you", "that", "this", "if", "whether", "of", "in", "on", "at", "for", "with", "by", "and", "or",
            "yet", "so", "as", "any", "all", "his", "her", "its", "their", "our", "them", "him", "us", "say", "said",
            "says", "also", "still", "just", "even");
    private static final int SCOPE = 3;
    /** A negation's scope ends at the end of its clause. */
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:.!?“”\"]");

    private Negations() {
        throw new UnsupportedOperationException("utility class");
    }

    /** True when one text negates what the other states. */
    static boolean conflict(String a, String b) {
        return negates(a, b) || negates(b, a);
    }

    /** True when a negation in {@code a} covers a word {@code b} uses unnegated. */
    private static boolean negates(String a, String b) {
        List<Set<String>> scopes = scopes(a);
        if (scopes.isEmpty()) {
            return false;
        }
        Set<String> covered = new HashSet<>();
        scopes(b).forEach(covered::addAll);
        Set<String> words = new HashSet<>(stems(b));
        for (Set<String> scope : scopes) {
            for (String w : scope) {
                if (words.contains(w) && !covered.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The stems of the content words after each negation cue. */
    private static List<Set<String>> scopes(String text) {
        List<Set<String>> out = new ArrayList<>();
        Matcher cue = CUE.matcher(text);
        while (cue.find()) {
            Set<String> scope = new HashSet<>();
            int end = cue.end();
            Matcher stop = CLAUSE_END.matcher(text);
            int until = stop.find(end) ? stop.start() : text.length();
            Matcher w = WORD.matcher(text);
            w.region(end, until);
            while (scope.size() < SCOPE && w.find()) {
                String word = w.group().toLowerCase(Locale.ROOT);
                if (!FUNCTION.contains(word) && !CUE.matcher(word).matches()) {
                    scope.add(stem(word));
                }
            }
            out.add(scope);
        }
        return out;
    }

    private static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            out.add(stem(w.group().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The share of the content words of {@code sentence} (their stems) that {@code source} uses. */
    static double coverage(String sentence, String source) {
        Set<String> theirs = new HashSet<>(stems(source));
        int n = 0;
        int found = 0;
        Matcher w = WORD.matcher(sentence);
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (FUNCTION.contains(word) || word.length() < 3) {
                continue;
            }
            n++;
            found += theirs.contains(stem(word)) ? 1 : 0;
        }
        return n == 0 ? 0 : (double) found / n;
    }

    /** A crude English stem: "signed", "signs", "signing" → "sign"; "agreed", "agree" → "agre". */
    static String stem(String word) {
        for (String suffix : List.of("ing", "ed", "es", "s", "e")) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
