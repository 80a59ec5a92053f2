package tradetalk.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.ingest.parse.Dates;
import tradetalk.ingest.parse.MalformedArticleException;
import tradetalk.ingest.parse.Texts;

/**
 * Parses RSS 0.9x, 1.0, 2.0 and Atom with Rome into {@link FeedItem}s. The XML encoding is taken from the HTTP
 * Content-Type and the XML prolog (Rome's XmlReader); DOCTYPEs are refused (no external entities). An item's date is
 * the publisher's own calendar day, as for pages ({@link Dates}).
 */
public final class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);
    /** Date elements in Rome's order of preference: published before updated. */
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "issued", "dc:date", "updated", "modified", "dc:modified");

    private FeedReader() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A parsed feed: its own title and its items in feed order. */
    public record Parsed(String title, List<FeedItem> items) {}

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
            StringWriter chars = new StringWriter();
            reader.transferTo(chars);
            String xml = chars.toString();
            SyndFeed feed = input.build(new StringReader(xml));
            List<String> rawDates = rawDates(xml, feed.getEntries().size());
            List<FeedItem> items = new ArrayList<>();
            for (int n = 0; n < feed.getEntries().size(); n++) {
                SyndEntry e = feed.getEntries().get(n);
                String summary = e.getDescription() == null
                        ? ""
                        : plain(e.getDescription().getValue());
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
                items.add(new FeedItem(
                        e.getUri(),
                        e.getLink(),
                        plain(e.getTitle()),
                        summary,
                        content,
                        day(e, rawDates.get(n)),
                        e.getAuthor()));
            }
            return new Parsed(feed.getTitle() == null ? "" : feed.getTitle().strip(), items);
        } catch (FeedException | IllegalArgumentException e) {
            throw FetchException.permanent("not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw FetchException.permanent("cannot read feed: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * An item's day: the publisher's own calendar day, read from the raw date text with {@link Dates#parse} (the
     * same rule as for pages: {@code Mon, 18 Nov 2019 21:00:00 EST} is 18 November, not the UTC day). When the raw
     * text is missing or unreadable, Rome's parsed instant is taken as a UTC day.
     */
    private static LocalDate day(SyndEntry e, String raw) {
        if (!raw.isEmpty()) {
            try {
                LocalDate d = Dates.parse(raw);
                if (d != null) {
                    return d;
                }
            } catch (MalformedArticleException ex) {
                log.debug("Feed item {}: {}; using the UTC day", e.getLink(), ex.getMessage());
            }
        }
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    /**
     * The raw date text of each item/entry in document order (the order Rome keeps), or empty strings when the
     * count does not match Rome's entries (then every item falls back to Rome's instant).
     */
    private static List<String> rawDates(String xml, int entries) {
        List<String> out = new ArrayList<>();
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        for (Element item : doc.select("item, entry")) {
            out.add(rawDate(item));
        }
        if (out.size() != entries) {
            log.debug("Feed has {} item elements but Rome read {} entries; using UTC days", out.size(), entries);
            return java.util.Collections.nCopies(entries, "");
        }
        return out;
    }

    private static String rawDate(Element item) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : item.children()) {
                if (child.tagName().equalsIgnoreCase(name) && !child.text().isBlank()) {
                    return child.text().strip();
                }
            }
        }
        return "";
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
