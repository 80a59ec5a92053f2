package tradetalk.ingest.feed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.ingest.parse.Dates;
import tradetalk.ingest.parse.Texts;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;

/**
 * Feed items as articles: which items a refresh takes (newest first, up to a cap), the key an item is remembered by,
 * and the article the index holds for a fetched page or for the feed's own text.
 */
final class FeedArticles {

    private static final Logger log = LoggerFactory.getLogger(FeedArticles.class);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Clock clock;

    FeedArticles(Clock clock) {
        this.clock = clock;
    }

    /**
     * The items one refresh takes: the newest {@code max} (by their date, undated ones after the dated, each in feed
     * order); the others stay unseen for the next refreshes.
     */
    static List<FeedItem> newestFirst(List<FeedItem> items, int max) {
        List<FeedItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(
                FeedItem::publishedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())));
        return sorted.size() <= max ? sorted : List.copyOf(sorted.subList(0, max));
    }

    /** The article as the index should hold it: canonical URL and its id, an outlet name, a date. */
    Article normalise(Article a, String link, String feedName, FeedItem item) {
        ArticleMeta m = a.meta();
        String url = Optional.ofNullable(CanonicalUrls.canonicalOrNull(m.url())).orElse(link);
        String source = !m.source().isEmpty() ? m.source() : feedName;
        var date = date(url, m.publishedAt(), item == null ? null : item.publishedAt());
        String author = !m.author().isEmpty() ? m.author() : item == null ? "" : item.author();
        return Article.of(
                new ArticleMeta(ArticleIds.forUrl(url), m.title(), source, date, url, "", author, m.category()),
                a.body());
    }

    /**
     * The date to index: the page's, else the feed item's. A date before 1900 or more than a day ahead of today
     * (see {@link Dates#implausible}) is ignored with a warning, falling back to the item's date, else to today (the
     * day it was fetched); no date at all stays no date.
     */
    private LocalDate date(String where, LocalDate page, LocalDate feedItem) {
        LocalDate fallback = null;
        for (LocalDate d : new LocalDate[] {page, feedItem}) {
            if (d == null) {
                continue;
            }
            String why = Dates.implausible(d, clock);
            if (why == null) {
                return d;
            }
            log.warn("Ignoring the date {} of {}: {}", d, where, why);
            fallback = LocalDate.now(clock);
        }
        if (fallback != null) {
            log.warn("Dating {} {}, the day it was fetched", where, fallback);
        }
        return fallback;
    }

    /** An article from the feed's own text, or null when it is too short to be worth indexing. */
    Article fromFeed(FeedItem item, FeedSource feed, String link) {
        String body = Texts.normalizeBody(item.content());
        if (WORD.matcher(body).results().count() < FeedIngester.MIN_FEED_WORDS) {
            return null;
        }
        String title = item.title().isEmpty() ? Texts.deriveTitle(body) : item.title();
        String id = link != null
                ? ArticleIds.forUrl(link)
                : ArticleIds.forRecord(feed.name(), title, String.valueOf(item.publishedAt()));
        LocalDate date = date(link == null ? describe(item) : link, null, item.publishedAt());
        return Article.of(
                new ArticleMeta(id, title, feed.name(), date, link == null ? "" : link, "", item.author(), ""), body);
    }

    static String key(FeedItem item) {
        if (!item.guid().isEmpty()) {
            return "guid:" + item.guid();
        }
        String link = CanonicalUrls.canonicalOrNull(item.link());
        if (link != null) {
            return "url:" + link;
        }
        return "item:" + ArticleIds.sha256(item.title() + "\n" + item.content()).substring(0, 20);
    }

    static String describe(FeedItem item) {
        return !item.link().isEmpty() ? item.link() : !item.title().isEmpty() ? item.title() : item.guid();
    }
}
