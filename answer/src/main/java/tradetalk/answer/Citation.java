package tradetalk.answer;

import java.util.List;
import tradetalk.retrieval.ArticleMeta;

/**
 * A numbered source of an answer.
 *
 * @param n          the number used in the answer's {@code [n]} markers, from 1
 * @param article    the cited article
 * @param passageIds the passages the cited text came from (one or more of the article's), in reading order
 * @param passage    the passage text (several passages joined by " … ")
 */
public record Citation(int n, ArticleMeta article, List<String> passageIds, String passage) {

    public Citation {
        passageIds = List.copyOf(passageIds);
    }

    /** A citation of one passage. */
    public Citation(int n, ArticleMeta article, String passageId, String passage) {
        this(n, article, List.of(passageId), passage);
    }
}
