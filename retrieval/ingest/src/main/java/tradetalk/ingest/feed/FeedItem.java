package tradetalk.ingest.feed;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of a feed.
 *
 * @param guid        the RSS guid or Atom id; empty when the feed gives none
 * @param link        the article's URL as the feed gives it; empty when none
 * @param title       headline; may be empty
 * @param summary     description or summary as plain text; may be empty
 * @param content     the fullest text the feed carries (content:encoded, Atom content, else the summary), plain
 * @param publishedAt publication (else update) date; null when unknown
 * @param author      author; empty when unknown
 */
public record FeedItem(
        String guid, String link, String title, String summary, String content, LocalDate publishedAt, String author) {

    public FeedItem {
        guid = Objects.requireNonNullElse(guid, "").strip();
        link = Objects.requireNonNullElse(link, "").strip();
        title = Objects.requireNonNullElse(title, "").strip();
        summary = Objects.requireNonNullElse(summary, "").strip();
        content = Objects.requireNonNullElse(content, "").strip();
        author = Objects.requireNonNullElse(author, "").strip();
    }
}
