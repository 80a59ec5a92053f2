package tradetalk.retrieval;

import java.util.List;

/**
 * What reading some files produced: the articles, the inputs that were rejected with their reasons, and the files
 * found in directories that were skipped as not being articles (other file types, broken links, link loops).
 */
public record ReadResult(List<Article> articles, List<Rejected> rejected, List<Rejected> skipped) {

    public ReadResult {
        articles = List.copyOf(articles);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    /** A result with nothing skipped. */
    public ReadResult(List<Article> articles, List<Rejected> rejected) {
        this(articles, rejected, List.of());
    }
}
