package tradetalk.answer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.support.SentenceVerifier;
import tradetalk.answer.support.UnsupportedPolicy;
import tradetalk.answer.support.Verdict;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Sentences;

/**
 * Checks a model's reply against the numbered sources it was given, so every sentence the member sees is cited.
 *
 * <ul>
 *   <li>Markers {@code [1]}, {@code [2,3]}, {@code [1-3]}, {@code [1][3]} and {@code [Source 2]} are recognised; a
 *       marker written after the full stop ({@code rose. [1]}) counts for the sentence before it.</li>
 *   <li>Numbers outside 1..sources are removed; a sentence left without a valid marker is dropped.</li>
 *   <li>Cited sources are renumbered 1..m in order of first use and markers rewritten as {@code [1][2]}; the
 *       citations list holds only cited sources.</li>
 *   <li>The reply abstains when it contains {@link #ABSTAIN}, when it opens by saying the sources do not answer,
 *       or when no sentence survives.</li>
 *   <li>Each cited sentence is checked against the passages it cites by a {@link SentenceVerifier}; one they do not
 *       support is dropped ({@link UnsupportedPolicy#DROP}) or kept and reported unsupported
 *       ({@link UnsupportedPolicy#MARK}). When no supported sentence is left, the reply abstains.</li>
 * </ul>
 * Line breaks are kept, so status timelines (one cited line per event) survive. Used by answers, status and summaries.
 */
public final class CitationChecker {

    /** What the prompts tell the model to reply, alone, when the sources do not answer. */
    public static final String ABSTAIN = "NOT_IN_SOURCES";

    private static final String MARKER_TEXT = CitationMarkers.MARKER_TEXT;
    private static final Pattern MARKER = CitationMarkers.MARKER;
    /** One or more markers (with the space before them) directly after sentence-ending punctuation. */
    private static final Pattern MARKERS_AFTER_STOP =
            Pattern.compile("(?i)([.!?])((?:\\s*" + MARKER_TEXT + ")+)(?=\\s|$)");

    private static final Pattern SPACED_MARKERS = Pattern.compile("(?i)\\s*(?:" + MARKER_TEXT + ")");
    private static final Pattern NO_ANSWER = Pattern.compile("(?i)^(?:i'?m sorry[,.]?\\s*|unfortunately[,]?\\s*)?"
            + "(?:the\\s+)?(?:provided\\s+|given\\s+|available\\s+)?(?:sources|articles|context|passages)\\s+"
            + "(?:do(?:es)?\\s*n[o']t|don't|cannot|can't)\\s+"
            + "(?:answer|contain|mention|say|provide|include|address|cover|specify|state|discuss)");

    private CitationChecker() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The outcome of a check.
     *
     * @param text             the cleaned text with renumbered markers; empty when abstaining
     * @param abstained        true when the reply says, or amounts to, "the sources do not answer"
     * @param citations        the cited sources, numbered 1..m in order of first use; empty when abstaining
     * @param droppedSentences sentences removed: without a valid marker, or unsupported under {@code DROP}
     * @param droppedMarkers   citation numbers removed for being out of range
     * @param sentences        every sentence of the reply as checked, kept or not, in order
     */
    public record Result(
            String text,
            boolean abstained,
            List<Citation> citations,
            int droppedSentences,
            int droppedMarkers,
            List<CheckedSentence> sentences) {

        public Result {
            citations = List.copyOf(citations);
            sentences = List.copyOf(sentences);
        }

        /** Sentences the cited passages do not support (dropped or marked). */
        public long unsupported() {
            return sentences.stream()
                    .filter(s -> !s.supported() && !UNCITED.equals(s.reason()))
                    .count();
        }
    }

    /** The reason of a sentence without a valid marker. */
    public static final String UNCITED = "cites none of the sources it was given";

    /** A sentence on its way through the check: the old source numbers it cites, its verdict, its kept text. */
    private record Pending(String words, List<Integer> cited, Verdict verdict, String keptText) {}

    /** True when the reply is (or contains) the abstain phrase. */
    public static boolean isAbstain(String reply) {
        return reply != null && reply.toUpperCase(Locale.ROOT).replace(' ', '_').contains(ABSTAIN);
    }

    /**
     * Checks {@code reply} against {@code sources}, where {@code [n]} in the reply means {@code sources.get(n - 1)}.
     */
    public static Result check(String reply, List<Passage> sources) {
        return check(reply, sources, SentenceVerifier.NONE, UnsupportedPolicy.DROP);
    }

    /**
     * Checks {@code reply} against {@code sources} as {@link #check(String, List)} does, and each cited sentence
     * against the passages it cites with {@code verifier}, dropping or keeping the unsupported ones by
     * {@code policy}.
     */
    public static Result check(
            String reply, List<Passage> sources, SentenceVerifier verifier, UnsupportedPolicy policy) {
        if (reply == null || reply.isBlank() || isAbstain(reply)) {
            return abstain(0, 0, List.of());
        }
        String text = MARKERS_AFTER_STOP
                .matcher(reply.strip())
                .replaceAll(m -> Matcher.quoteReplacement(m.group(2) + m.group(1)));
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int droppedSentences = 0;
        int droppedMarkers = 0;
        boolean first = true;
        List<Pending> pending = new ArrayList<>();
        for (String line : text.split("\\R")) {
            List<String> kept = new ArrayList<>();
            for (String sentence : Sentences.split(line)) {
                if (first) {
                    first = false;
                    if (NO_ANSWER
                            .matcher(MARKER.matcher(sentence).replaceAll("").strip())
                            .find()) {
                        return abstain(0, 0, List.of());
                    }
                }
                List<Integer> valid = new ArrayList<>();
                Matcher m = MARKER.matcher(sentence);
                while (m.find()) {
                    for (int n : CitationMarkers.numbers(m.group(1))) {
                        if (n >= 1 && n <= sources.size()) {
                            valid.add(n);
                        } else {
                            droppedMarkers++;
                        }
                    }
                }
                String words = MARKER.matcher(sentence).replaceAll("");
                boolean hasWords = words.chars().anyMatch(Character::isLetterOrDigit);
                if (valid.isEmpty() || !hasWords) {
                    droppedSentences++;
                    if (hasWords) {
                        pending.add(new Pending(clean(words), List.of(), Verdict.unsupported(UNCITED), null));
                    }
                    continue;
                }
                List<Integer> cited = valid.stream().distinct().toList();
                Verdict verdict = verifier.verify(
                        clean(words),
                        cited.stream().map(n -> sources.get(n - 1)).toList());
                if (!verdict.supported() && policy == UnsupportedPolicy.DROP) {
                    droppedSentences++;
                    pending.add(new Pending(clean(words), cited, verdict, null));
                    continue;
                }
                for (int n : valid) {
                    renumber.computeIfAbsent(n, k -> renumber.size() + 1);
                }
                String rewritten = rewrite(sentence, sources.size(), renumber);
                kept.add(rewritten);
                pending.add(new Pending(clean(words), cited, verdict, rewritten));
            }
            if (!kept.isEmpty()) {
                lines.add(String.join(" ", kept));
            } else if (line.isBlank() && !lines.isEmpty() && !lines.getLast().isEmpty()) {
                lines.add("");
            }
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        List<CheckedSentence> sentences = new ArrayList<>();
        for (Pending p : pending) {
            List<Integer> numbers = p.cited().stream()
                    .filter(renumber::containsKey)
                    .map(renumber::get)
                    .toList();
            String shown = p.keptText() != null ? p.keptText() : p.words();
            sentences.add(new CheckedSentence(
                    shown, numbers, p.verdict().supported(), p.verdict().reason(), p.keptText() != null));
        }
        if (renumber.isEmpty() || sentences.stream().noneMatch(x -> x.kept() && x.supported())) {
            return abstain(droppedSentences, droppedMarkers, sentences);
        }
        List<Citation> citations = new ArrayList<>();
        renumber.forEach((old, n) -> {
            Passage p = sources.get(old - 1);
            citations.add(new Citation(n, p.article(), p.id(), p.text()));
        });
        return new Result(String.join("\n", lines), false, citations, droppedSentences, droppedMarkers, sentences);
    }

    private static Result abstain(int droppedSentences, int droppedMarkers, List<CheckedSentence> sentences) {
        return new Result("", true, List.of(), droppedSentences, droppedMarkers, sentences);
    }

    /** A sentence's words without markers, spaces before punctuation removed. */
    private static String clean(String words) {
        return words.replaceAll("\\s+([.,;:!?])", "$1")
                .replaceAll("\\s{2,}", " ")
                .strip();
    }

    /** Rewrites each marker group as {@code " [a][b]"} in new numbers, removing out-of-range numbers. */
    private static String rewrite(String sentence, int count, Map<Integer, Integer> renumber) {
        String out = SPACED_MARKERS
                .matcher(sentence)
                .replaceAll(m -> CitationMarkers.markers(CitationMarkers.numbers(m.group(1)).stream()
                        .filter(n -> n >= 1 && n <= count)
                        .map(renumber::get)
                        .toList()));
        // "[1] [2]" -> "[1][2]"; no space before closing punctuation
        return out.replaceAll("\\]\\s+\\[(?=\\d+\\])", "][")
                .replaceAll("\\s+([.,;:!?])", "$1")
                .strip();
    }
}
