package tradetalk.retrieval;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a citation needs to know about an article: everything but its text.
 *
 * @param id          stable id (see {@link ArticleIds})
 * @param title       headline, or one derived from the first sentence when the source has none
 * @param source      outlet, e.g. "Bloomberg"; empty when unknown
 * @param publishedAt publication date; null when unknown
 * @param url         canonical URL; empty when unknown
 * @param path        the file it was read from; empty when it came from a feed
 * @param author      author; empty when unknown
 * @param category    section or category; empty when unknown
 *                    <p>
 *                    Escape sequences and control characters are removed from the text fields (not the id and
 *                    path) when the record is made: see {@link ControlChars}.
 */
public record ArticleMeta(
        String id,
        String title,
        String source,
        LocalDate publishedAt,
        String url,
        String path,
        String author,
        String category) {

    public ArticleMeta {
        Objects.requireNonNull(id, "id");
        // text from files, feeds and pages is printed to terminals: no escape sequences or control characters
        title = ControlChars.field(Objects.requireNonNull(title, "title"));
        source = source == null ? "" : ControlChars.field(source);
        url = url == null ? "" : ControlChars.field(url);
        path = path == null ? "" : path;
        author = author == null ? "" : ControlChars.field(author);
        category = category == null ? "" : ControlChars.field(category);
    }

    /** The URL when there is one, else the file path. */
    public String location() {
        return url.isEmpty() ? path : url;
    }
}
