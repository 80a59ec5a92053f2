package tradetalk.answer;

import java.time.LocalDate;
import java.util.List;

/**
 * An answer as the CLI and the bot present it.
 *
 * @param question  the question
 * @param answer    text with {@code [n]} markers
 * @param abstained true when the indexed articles do not answer the question
 * @param backend   the backend that produced the answer ("offline", "openai", ...)
 * @param fallback  why the configured model was not used, or null
 * @param citations the cited sources, numbered from 1
 * @param nearest   when abstaining, the nearest sources
 * @param timings   where the time went
 * @param usage     model usage, or null when no model answered
 * @param asOf      the date the question was answered as of (later articles were left out); null when not known
 * @param sentences a model's sentences as checked against their sources; empty when no model answered
 */
public record CitedAnswer(
        String question,
        String answer,
        boolean abstained,
        String backend,
        String fallback,
        List<Citation> citations,
        List<Citation> nearest,
        Timings timings,
        Usage usage,
        LocalDate asOf,
        List<CheckedSentence> sentences) {

    public CitedAnswer {
        citations = List.copyOf(citations);
        nearest = List.copyOf(nearest);
        sentences = List.copyOf(sentences);
    }
}
