package tradetalk.answer.summary;

import java.util.List;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.Usage;

/**
 * A cited summary.
 *
 * @param subject   what was summarised, e.g. an article's title or "US–China trade talks, 2019-11-01 to 2019-11-30"
 * @param text      the summary with {@code [n]} markers; when {@code empty}, an honest "nothing indexed" message
 * @param citations the cited sources, numbered from 1
 * @param empty     true when nothing indexed matched
 * @param backend   the composer that wrote it
 * @param fallback  why the configured model was not used, or null
 * @param usage     model usage, or null
 * @param sentences a model's sentences as checked against their sources; empty when written offline
 */
public record Summary(
        String subject,
        String text,
        List<Citation> citations,
        boolean empty,
        String backend,
        String fallback,
        Usage usage,
        List<CheckedSentence> sentences) {

    public Summary {
        citations = List.copyOf(citations);
        sentences = List.copyOf(sentences);
    }

    /** A summary without checked sentences. */
    public Summary(
            String subject,
            String text,
            List<Citation> citations,
            boolean empty,
            String backend,
            String fallback,
            Usage usage) {
        this(subject, text, citations, empty, backend, fallback, usage, List.of());
    }
}
