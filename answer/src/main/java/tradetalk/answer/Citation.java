package tradetalk.answer;

import tradetalk.retrieval.ArticleMeta;

/**
 * A numbered source of an answer.
 *
 * @param n         the number used in the answer's {@code [n]} markers, from 1
 * @param article   the cited article
 * @param passageId the passage the cited text came from
 * @param passage   the passage text
 */
public record Citation(int n, ArticleMeta article, String passageId, String passage) {
}
