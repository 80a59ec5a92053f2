package tradetalk.retrieval;

import java.util.List;

/**
 * What reading some files produced: the articles, and the inputs that were skipped with their reasons.
 */
public record ReadResult(List<Article> articles, List<Rejected> rejected) {

    public ReadResult {
        articles = List.copyOf(articles);
        rejected = List.copyOf(rejected);
    }
}
