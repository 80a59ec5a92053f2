package tradetalk.retrieval;

import java.util.Objects;

/**
 * A span of an article's text, the unit of retrieval. It keeps its article's metadata so a hit can be cited alone.
 *
 * @param id      article id + "#" + ordinal
 * @param article the article's metadata
 * @param ordinal position of the passage in its article, from 0
 * @param text    the passage text (whole sentences)
 */
public record Passage(String id, ArticleMeta article, int ordinal, String text) {

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(text, "text");
    }

    /** What the embedding model sees of the passage: its article's title gives it context. */
    public String embeddingText() {
        return article.title() + ". " + text;
    }
}
