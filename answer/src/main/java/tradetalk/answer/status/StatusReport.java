package tradetalk.answer.status;

import java.time.LocalDate;
import java.util.List;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.Usage;

/**
 * Where a topic stands: a headline paragraph, then a dated timeline, newest first.
 *
 * @param topic     the topic reported on
 * @param headline  one paragraph with {@code [n]} markers; when {@code empty}, an honest "nothing indexed" message
 * @param items     the timeline, newest first
 * @param citations every source cited by the headline or the timeline, numbered from 1
 * @param empty     true when nothing indexed covers the topic (in the window)
 * @param backend   the composer that wrote it ("offline", "openai", ...)
 * @param fallback  why the configured model was not used, or null
 * @param usage     model usage, or null
 * @param sentences a model's sentences as checked against their sources; empty when written offline
 * @param reachesBack the first day of the window the timeline was taken from (how far back it reaches); null when
 *                  empty
 */
public record StatusReport(
        String topic,
        String headline,
        List<TimelineItem> items,
        List<Citation> citations,
        boolean empty,
        String backend,
        String fallback,
        Usage usage,
        List<CheckedSentence> sentences,
        LocalDate reachesBack) {

    public StatusReport {
        items = List.copyOf(items);
        citations = List.copyOf(citations);
        sentences = List.copyOf(sentences);
    }

    /** A report without checked sentences. */
    public StatusReport(
            String topic,
            String headline,
            List<TimelineItem> items,
            List<Citation> citations,
            boolean empty,
            String backend,
            String fallback,
            Usage usage) {
        this(topic, headline, items, citations, empty, backend, fallback, usage, List.of(), null);
    }
}
