package tradetalk.retrieval.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import tradetalk.retrieval.parse.Texts;

/**
 * Parses RSS 0.9x, 1.0, 2.0 and Atom with Rome into {@link FeedItem}s. The XML encoding is taken from the HTTP
 * Content-Type and the XML prolog (Rome's XmlReader); DOCTYPEs are refused (no external entities).
 */
public final class FeedReader {

    private FeedReader() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A parsed feed: its own title and its items in feed order. */
    public record Parsed(String title, List<FeedItem> items) {
    }

    /**
     * @param body        the feed document
     * @param contentType the HTTP Content-Type, or empty
     * @throws FetchException when the document is not a feed Rome can read
     */
    public static Parsed parse(byte[] body, String contentType) throws FetchException {
        try (XmlReader reader = contentType == null || contentType.isBlank()
                ? new XmlReader(new ByteArrayInputStream(body), true)
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            SyndFeed feed = input.build(reader);
            List<FeedItem> items = new ArrayList<>();
            for (SyndEntry e : feed.getEntries()) {
                String summary = e.getDescription() == null ? "" : plain(e.getDescription().getValue());
                String content = "";
                for (SyndContent c : e.getContents()) {
                    String text = plain(c.getValue());
                    if (text.length() > content.length()) {
                        content = text;
                    }
                }
                if (content.length() < summary.length()) {
                    content = summary;
                }
                Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
                items.add(new FeedItem(e.getUri(), e.getLink(), plain(e.getTitle()), summary, content,
                        date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC), e.getAuthor()));
            }
            return new Parsed(feed.getTitle() == null ? "" : feed.getTitle().strip(), items);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FetchException("not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new FetchException("cannot read feed: " + firstLine(e.getMessage()), e);
        }
    }

    /** HTML or text to plain text with paragraphs kept apart. */
    static String plain(String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) {
            return "";
        }
        if (!htmlOrText.contains("<")) {
            return Texts.normalizeBody(org.jsoup.parser.Parser.unescapeEntities(htmlOrText, false));
        }
        var doc = Jsoup.parseBodyFragment(htmlOrText);
        doc.select("script, style").remove();
        doc.select("p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr").forEach(el -> el.after("\n\n"));
        return Texts.normalizeBody(doc.body().wholeText());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
