package tradetalk.answer.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.retrieval.TextAnalysis;

/**
 * The acronyms a text spells out: "Asia-Pacific Economic Cooperation" stands for APEC, "World Trade Organization"
 * for WTO, "U.S. Trade Representative" for USTR. A question that says "APEC" is about a passage that spells the name
 * out, so a passage's terms include the acronyms of its names.
 */
final class Acronyms {

    /** A run of capitalised words, parts joined by hyphens, with "of", "and", "the", "for" allowed between. */
    private static final Pattern RUN = Pattern.compile(
            "\\p{Lu}[\\p{L}.'’]*(?:-\\p{Lu}[\\p{L}.'’]*)*(?:\\s+(?:(?:of|and|for|the|on)\\s+)*\\p{Lu}[\\p{L}.'’]*"
                    + "(?:-\\p{Lu}[\\p{L}.'’]*)*)+");

    private Acronyms() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The analysed terms of a text with the acronyms of its names added. */
    static Set<String> terms(String text) {
        Set<String> out = new HashSet<>(TextAnalysis.terms(text));
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            StringBuilder letters = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            for (String word : m.group().split("[\\s-]+")) {
                if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
                    continue;
                }
                starts.add(letters.length());
                // "U.S." gives its letters; any other word its first letter
                letters.append(word.matches("(?:\\p{L}\\.)+") ? word.replace(".", "") : word.substring(0, 1));
            }
            // "Office of the U.S. Trade Representative": OUSTR, and USTR from its last words
            for (int start : starts) {
                if (letters.length() - start >= 3) {
                    out.addAll(TextAnalysis.terms(letters.substring(start).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }
}
