package tradetalk.answer.summary;

import java.util.List;
import tradetalk.retrieval.ArticleMeta;

/** Summarises an article, a topic or a date range. */
public interface SummaryService {

    /**
     * The summary; {@link Summary#empty()} when nothing matches.
     *
     * @throws IllegalArgumentException when the article reference matches several articles (the message lists them)
     */
    Summary summarize(SummaryRequest request);

    /** Articles whose title contains the text (case-insensitive), newest first, at most {@code max}: autocomplete. */
    List<ArticleMeta> findArticles(String titlePart, int max);
}
