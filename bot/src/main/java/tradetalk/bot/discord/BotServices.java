package tradetalk.bot.discord;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import tradetalk.answer.AnswerService;
import tradetalk.answer.status.StatusService;
import tradetalk.answer.summary.SummaryService;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.index.IngestReport;

/**
 * What the bot needs from the rest of Tradetalk, as plain Java (no JDA types): the wiring class supplies the real
 * services, tests may supply doubles.
 *
 * @param answers   question answering
 * @param status    status reports
 * @param summaries summaries and article autocomplete
 * @param articles  the indexed articles, newest first
 * @param ingestUrl fetches one article page and indexes it
 * @param reindex   re-reads the configured articles and indexes what is new or changed
 * @param k         passages to retrieve per question
 */
public record BotServices(AnswerService answers, StatusService status, SummaryService summaries,
                          Supplier<List<ArticleMeta>> articles, Function<URI, IngestReport> ingestUrl,
                          Supplier<IngestReport> reindex, int k) {

    public BotServices {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(ingestUrl, "ingestUrl");
        Objects.requireNonNull(reindex, "reindex");
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("k must be 1 to 100, got " + k);
        }
    }
}
