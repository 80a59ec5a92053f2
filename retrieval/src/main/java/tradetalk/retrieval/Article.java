package tradetalk.retrieval;

import java.util.Objects;

/**
 * A news article: its metadata and its full text.
 *
 * @param meta        metadata used for citations
 * @param body        the article text, paragraphs separated by blank lines
 * @param contentHash hash of what was indexed; re-ingesting an article with the same hash changes nothing
 */
public record Article(ArticleMeta meta, String body, String contentHash) {

    public Article {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** Builds an article, computing its content hash from the metadata and body. */
    public static Article of(ArticleMeta meta, String body) {
        return new Article(meta, body, ArticleIds.contentHash(meta, body));
    }

    public String id() {
        return meta.id();
    }
}
