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
 */
public record Composition(String answer, boolean abstained, List<Citation> citations, List<Citation> nearest,
                          Usage usage) {

    public Composition {
        citations = List.copyOf(citations);
        nearest = List.copyOf(nearest);
    }
}
