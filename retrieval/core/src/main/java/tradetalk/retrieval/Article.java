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

    /**
     * Builds an article, computing its content hash from the metadata and body; escape sequences and control
     * characters other than tab and line feed are removed from the body first (see {@link ControlChars}).
     */
    public static Article of(ArticleMeta meta, String body) {
        String clean = ControlChars.text(Objects.requireNonNull(body, "body"));
        return new Article(meta, clean, ArticleIds.contentHash(meta, clean));
    }

    public String id() {
        return meta.id();
    }
}
