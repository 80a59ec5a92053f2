package tradetalk.answer.summary;

import java.util.List;
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
 */
public record Summary(String subject, String text, List<Citation> citations, boolean empty, String backend,
                      String fallback, Usage usage) {

    public Summary {
        citations = List.copyOf(citations);
    }
}
