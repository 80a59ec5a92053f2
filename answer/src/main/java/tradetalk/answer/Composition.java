package tradetalk.answer;

import java.util.List;

/**
 * What a composer made of the evidence.
 *
 * @param answer    the answer text with {@code [n]} markers matching {@code citations}
 * @param abstained true when the evidence does not answer the question
 * @param citations the sources the answer cites, numbered from 1, only those it uses
 * @param nearest   when abstaining, the nearest sources (not cited); else empty
 * @param usage     model usage, or null for the offline composer
 * @param sentences a model's sentences as checked against their sources; empty for the offline composer
 */
public record Composition(
        String answer,
        boolean abstained,
        List<Citation> citations,
        List<Citation> nearest,
        Usage usage,
        List<CheckedSentence> sentences) {

    public Composition {
        citations = List.copyOf(citations);
        nearest = List.copyOf(nearest);
        sentences = List.copyOf(sentences);
    }

    /** A composition without checked sentences (the offline composer quotes the passages). */
    public Composition(
            String answer, boolean abstained, List<Citation> citations, List<Citation> nearest, Usage usage) {
        this(answer, abstained, citations, nearest, usage, List.of());
    }
}
