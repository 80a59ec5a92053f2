package tradetalk.answer.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tradetalk.retrieval.TextAnalysis;

/**
 * Groups of index terms treated as the same word: irregular verb forms the stemmer cannot
 * join ("spoke", "speak") and common news paraphrases ("asked", "at the request of"). Read from
 * {@code equivalents.txt} beside this class.
 */
final class Equivalents {

    private static final Map<String, Set<String>> GROUPS = load();

    private Equivalents() {
        throw new UnsupportedOperationException("utility class");
    }

    /** True when {@code terms} contains {@code term} or a term equivalent to it. */
    static boolean containsAny(Set<String> terms, String term) {
        if (terms.contains(term)) {
            return true;
        }
        Set<String> group = GROUPS.get(term);
        if (group == null) {
            return false;
        }
        for (String t : group) {
            if (terms.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** The terms equivalent to {@code term}, itself included. */
    static Set<String> of(String term) {
        return GROUPS.getOrDefault(term, Set.of(term));
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> groups = new HashMap<>();
        try (InputStream in = Equivalents.class.getResourceAsStream("equivalents.txt")) {
            if (in == null) {
                throw new IllegalStateException("equivalents.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Set<String> group = new HashSet<>();
                for (String word : line.split(",")) {
                    group.addAll(TextAnalysis.terms(word));
                }
                for (String t : group) {
                    groups.computeIfAbsent(t, k -> new HashSet<>()).addAll(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        groups.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(groups);
    }
}
