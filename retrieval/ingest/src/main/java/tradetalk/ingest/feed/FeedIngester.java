package tradetalk.ingest.feed;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.IngestReport;

/**
 * Brings feed items into the index without redoing work: a conditional GET per feed (an unchanged feed costs one
 * 304), items already handled are skipped by GUID or canonical link, off-topic items are dropped by the feed's keep
 * filter, each new item's page is fetched and extracted (the feed's own text is the fallback), and a story already
 * indexed under the same canonical URL or with a near-identical text (SimHash) is not indexed again: the kept
 * article records the other outlet in its "also_in" list. A refresh takes at most {@code maxItems} new items, the
 * newest first, and commits the articles, then the state that marks their items seen, every
 * {@value #ITEMS_PER_COMMIT} items: a refresh killed half-way keeps that work and the next one goes on.
 * Thread-safe (one run at a time).
 */
public final class FeedIngester {

    /** Feed text shorter than this is not indexed when the page itself cannot be had. */
    public static final int MIN_FEED_WORDS = 15;

    /** Items taken per refresh unless configured ({@code feeds.max-items}). */
    public static final int DEFAULT_MAX_ITEMS = 200;

    /** A refresh commits its articles and the feed state after every this many items, so a restart resumes. */
    static final int ITEMS_PER_COMMIT = 50;

    private static final Logger log = LoggerFactory.getLogger(FeedIngester.class);

    private final HttpFetcher http;
    private final ArticleFetcher pages;
    private final ArticleStore index;
    private final FeedState state;
    private final FeedArticles feedArticles;
    private final int maxItems;
    private boolean synced;

    public FeedIngester(HttpFetcher http, ArticleFetcher pages, ArticleStore index, FeedState state) {
        this(http, pages, index, state, Clock.systemUTC());
    }

    /** With the clock that says what "today" is for refusing dates ahead of it (tests fix it). */
    public FeedIngester(HttpFetcher http, ArticleFetcher pages, ArticleStore index, FeedState state, Clock clock) {
        this(http, pages, index, state, clock, DEFAULT_MAX_ITEMS);
    }

    /** Taking at most {@code maxItems} new items per refresh of a feed, newest first. */
    public FeedIngester(
            HttpFetcher http, ArticleFetcher pages, ArticleStore index, FeedState state, Clock clock, int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("max items must be at least 1, got " + maxItems);
        }
        this.http = http;
        this.pages = pages;
        this.index = index;
        this.state = state;
        this.feedArticles = new FeedArticles(clock);
        this.maxItems = maxItems;
    }

    public FeedState state() {
        return state;
    }

    /** Makes the next run compare the state with the index again (after articles were removed). */
    public synchronized void resync() {
        synced = false;
    }

    /**
     * Refreshes one feed.
     *
     * @throws FetchException when the feed itself cannot be fetched or parsed (its items are then left for the next
     *                        run); failures of single items are reported in the result instead
     */
    public FeedRun refresh(FeedSource feed, IngestProgress progress) throws FetchException {
        return refresh(feed, progress, () -> false);
    }

    /**
     * Refreshes one feed, stopping between items once {@code stop} says so: what was done is committed, the items
     * not reached stay unseen, and the feed's validators are not saved, so the next run fetches it in full again.
     *
     * @throws FetchException when the feed itself cannot be fetched or parsed
     */
    public synchronized FeedRun refresh(FeedSource feed, IngestProgress progress, BooleanSupplier stop)
            throws FetchException {
        syncWithIndex();
        String feedKey = feed.url().toString();
        FeedState.Validators v = state.validators(feedKey);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, " + "*/*;q=0.1");
        if (!v.etag().isEmpty()) {
            headers.put("If-None-Match", v.etag());
        }
        if (!v.lastModified().isEmpty()) {
            headers.put("If-Modified-Since", v.lastModified());
        }
        HttpResponseData r = http.get(feed.url(), headers);
        if (r.status() == 304) {
            log.info("Feed {}: not modified", feed.name());
            return new FeedRun(feed.name(), true, 0, 0, 0, 0, 0, IngestReport.empty());
        }
        if (r.status() != 200) {
            throw FetchException.http(
                    "feed " + feed.name() + " (" + feed.url() + ") answered HTTP " + r.status(), r.status());
        }
        FeedReader.Parsed parsed = FeedReader.parse(r.body(), r.header("Content-Type"));

        Batch batch = new Batch();
        int known = 0;
        int offTopic = 0;
        List<FeedItem> fresh = new ArrayList<>();
        for (FeedItem item : parsed.items()) {
            String key = FeedArticles.key(item);
            if (state.seen(feedKey, key)) {
                known++;
            } else if (!feed.keeps(item.title(), item.summary())) {
                offTopic++;
                batch.seenKeys.add(key);
            } else {
                fresh.add(item);
            }
        }
        List<FeedItem> taken = FeedArticles.newestFirst(fresh, maxItems);
        boolean capped = taken.size() < fresh.size();
        if (capped) {
            log.info(
                    "Feed {}: taking the newest {} of {} new items (feeds.max-items); the rest wait for the next refresh",
                    feed.name(),
                    taken.size(),
                    fresh.size());
        }
        boolean stopped = false;
        IngestReport report = IngestReport.empty();
        int duplicates = 0;
        int fromFeed = 0;
        progress.begin("fetching " + feed.name(), taken.size());
        try {
            for (int i = 0; i < taken.size(); i++) {
                FeedItem item = taken.get(i);
                if (stop.getAsBoolean()) {
                    stopped = true;
                    log.info("Feed {}: stopping; {} item(s) left for the next run", feed.name(), taken.size() - i);
                    break;
                }
                if (handle(item, feed, batch)) {
                    batch.seenKeys.add(FeedArticles.key(item));
                }
                progress.step();
                if ((i + 1) % ITEMS_PER_COMMIT == 0 && i + 1 < taken.size()) {
                    // commit as it goes: a refresh killed later keeps these items, and the state that says so
                    report = report.plus(save(feedKey, batch, IngestProgress.none()));
                    duplicates += batch.duplicates;
                    fromFeed += batch.fromFeed;
                    batch = new Batch();
                }
            }
        } finally {
            progress.end();
        }
        if (!stopped && !capped) { // else the next run fetches the feed in full again and goes on
            state.setValidators(feedKey, r.header("ETag"), r.header("Last-Modified"));
        }
        report = report.plus(save(feedKey, batch, progress));
        duplicates += batch.duplicates;
        fromFeed += batch.fromFeed;
        log.info(
                "Feed {}: {} items, {} known, {} off topic, {} duplicates, {} new, {} changed, {} from feed text, "
                        + "{} rejected, {} skipped",
                feed.name(),
                parsed.items().size(),
                known,
                offTopic,
                duplicates,
                report.added(),
                report.replaced(),
                fromFeed,
                report.rejected().size(),
                report.skipped().size());
        return new FeedRun(feed.name(), false, parsed.items().size(), known, offTopic, duplicates, fromFeed, report);
    }

    /** Commits a batch's articles, then the feed state that marks its items seen. */
    private IngestReport save(String feedKey, Batch batch, IngestProgress progress) {
        IngestReport report = commit(batch, progress);
        batch.seenKeys.forEach(k -> state.markSeen(feedKey, k));
        state.save();
        return report;
    }

    /**
     * Fetches one page and ingests it, with the same deduplication as feed items. Never throws for a page that
     * cannot be had: the report's rejected entry says why.
     */
    public synchronized IngestReport ingestUrl(URI url) {
        syncWithIndex();
        long t0 = System.nanoTime();
        String canonical = CanonicalUrls.canonicalOrNull(url.toString());
        if (canonical == null) {
            return new IngestReport(
                    0, 0, 0, 0, List.of(new Rejected(url.toString(), "not an http(s) URL")), millisSince(t0));
        }
        Article fetched;
        try {
            fetched = pages.fetch(URI.create(canonical));
        } catch (FetchException e) {
            return new IngestReport(0, 0, 0, 0, List.of(new Rejected(url.toString(), e.getMessage())), millisSince(t0));
        }
        Article a = feedArticles.normalise(fetched, canonical, "", null);
        Batch batch = new Batch();
        Optional<String> dup = duplicateOf(a, batch);
        if (dup.isPresent()) {
            recordCopy(dup.get(), a, canonical, batch);
            commit(batch, IngestProgress.none());
            state.save();
            return new IngestReport(
                    0,
                    0,
                    0,
                    0,
                    List.of(new Rejected(
                            url.toString(),
                            "same story as the indexed article " + dup.get() + "; recorded there as also_in")),
                    millisSince(t0));
        }
        batch.add(a, urlsOf(canonical, a));
        IngestReport r = commit(batch, IngestProgress.none());
        state.save();
        return r;
    }

    /**
     * Ingests articles read from files with the same deduplication as feed items: an article that is the same story as
     * one already indexed under another path or URL (or earlier in this batch) is not indexed again but recorded in
     * that article's also_in, and listed as skipped with the reason.
     *
     * @param articles        the articles read
     * @param alreadyRejected inputs the reader rejected, carried into the report
     * @param progress        told how indexing advances
     */
    public synchronized IngestReport ingestArticles(
            List<Article> articles, List<Rejected> alreadyRejected, IngestProgress progress) {
        syncWithIndex();
        Batch batch = new Batch();
        batch.rejected.addAll(alreadyRejected);
        // the first published copy is kept, as when a feed brings them one by one: asked on its day, it is found
        List<Article> oldestFirst = new ArrayList<>(articles);
        oldestFirst.sort(java.util.Comparator.comparing(
                (Article a) -> a.meta().publishedAt(),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        Set<Article> copies = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Article a : oldestFirst) {
            Optional<String> dup = duplicateOf(a, batch);
            if (dup.isPresent()) {
                recordCopy(dup.get(), a, null, batch);
                batch.skipped.add(new Rejected(
                        a.meta().location(),
                        "same story as the indexed article " + dup.get() + "; recorded there as also_in"));
                copies.add(a);
            } else {
                batch.remember(a);
            }
        }
        for (Article a : articles) {
            if (!copies.contains(a)) { // two versions of one article in a batch: both go to the store, the later wins
                batch.articles.add(a);
                batch.urls.put(a.id(), new LinkedHashSet<>(urlsOf(null, a)));
            }
        }
        IngestReport r = commit(batch, progress);
        state.save();
        return r;
    }

    /** Learns the fingerprints of indexed articles the state does not know (files, older runs), once. */
    private void syncWithIndex() {
        if (synced) {
            return;
        }
        Set<String> ids = new HashSet<>();
        int learned = 0;
        for (ArticleMeta m : index.articles()) {
            ids.add(m.id());
            if (!state.knows(m.id())) {
                Optional<Article> a = index.article(m.id());
                if (a.isPresent()) {
                    String canonical = CanonicalUrls.canonicalOrNull(m.url());
                    OptionalLong fp = SimHash.of(a.get().body());
                    state.remember(
                            m.id(),
                            canonical == null ? Set.of() : Set.of(canonical),
                            fp.isPresent() ? fp.getAsLong() : null);
                    learned++;
                }
            }
        }
        int forgotten = state.forgetArticlesExcept(ids);
        if (learned > 0 || forgotten > 0) {
            log.info("Feed state: learned {} indexed articles, forgot {} no longer indexed", learned, forgotten);
        }
        synced = true;
    }

    /**
     * Fetches, deduplicates and collects one new item.
     *
     * @return false when the item failed for a reason that may pass (timeout, server error) and should be tried
     *         again the next time the feed changes; true when it is settled
     */
    private boolean handle(FeedItem item, FeedSource feed, Batch batch) {
        String link = CanonicalUrls.canonicalOrNull(item.link());
        if (link == null
                && CanonicalUrls.canonicalOrNull(item.guid()) != null
                && !item.guid().isBlank()) {
            link = CanonicalUrls.canonicalOrNull(item.guid()); // RSS guids are often permalinks
        }
        if (link != null && state.idForUrl(link).isPresent()) {
            batch.duplicates++;
            return true;
        }
        Article a;
        try {
            if (link == null) {
                throw FetchException.permanent("the item has no link");
            }
            a = feedArticles.normalise(pages.fetch(URI.create(link)), link, feed.name(), item);
        } catch (FetchException e) {
            log.info(
                    "Feed {}: using the feed's text for {}: {}",
                    feed.name(),
                    FeedArticles.describe(item),
                    e.getMessage());
            a = feedArticles.fromFeed(item, feed, link);
            if (a == null) {
                // a teaser whose page is gone for good is not an article: skipped with the reason; a page that
                // failed for now (timeout, 5xx) is a rejected input, tried again when the feed changes
                Rejected r = new Rejected(
                        FeedArticles.describe(item), e.getMessage() + "; the feed's own text is too short");
                (e.isTransient() ? batch.rejected : batch.skipped).add(r);
                return !e.isTransient();
            }
            batch.fromFeed++;
        }
        Optional<String> dup = duplicateOf(a, batch);
        if (dup.isPresent()) {
            recordCopy(dup.get(), a, link, batch);
            batch.duplicates++;
            return true;
        }
        batch.add(a, urlsOf(link, a));
        return true;
    }

    /** The id of an article that is this one under another URL or a near-identical copy; empty when new. */
    private Optional<String> duplicateOf(Article a, Batch batch) {
        Optional<String> byUrl = a.meta().url().isEmpty()
                ? Optional.empty()
                : state.idForUrl(a.meta().url());
        if (byUrl.isPresent() && !byUrl.get().equals(a.id())) {
            return byUrl;
        }
        OptionalLong fp = SimHash.of(a.body());
        if (fp.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Long> e : batch.prints.entrySet()) {
            if (!e.getKey().equals(a.id()) && SimHash.near(e.getValue(), fp.getAsLong())) {
                return Optional.of(e.getKey());
            }
        }
        return state.nearDuplicate(fp.getAsLong()).filter(id -> !id.equals(a.id()));
    }

    private void recordCopy(String keptId, Article copy, String link, Batch batch) {
        String where = copy.meta().url().isEmpty()
                ? (link == null ? copy.meta().location() : link)
                : copy.meta().url();
        String label = copy.meta().source().isEmpty() ? where : copy.meta().source() + " " + where;
        log.info("{} is the same story as {}; recording it as also_in", where, keptId);
        batch.alsoIn.computeIfAbsent(keptId, k -> new LinkedHashSet<>()).add(label);
        batch.copyUrls.computeIfAbsent(keptId, k -> new LinkedHashSet<>()).addAll(urlsOf(link, copy));
    }

    /** The canonical URLs an article is known by: the link it was found under (may be null), then its own URL. */
    private static Set<String> urlsOf(String link, Article a) {
        Set<String> urls = new LinkedHashSet<>();
        if (link != null) {
            urls.add(link);
        }
        if (!a.meta().url().isEmpty()) {
            urls.add(a.meta().url());
        }
        return urls;
    }

    private IngestReport commit(Batch batch, IngestProgress progress) {
        List<Article> articles = batch.articles;
        progress.begin("indexing", articles.size());
        IngestReport report;
        try {
            report = articles.isEmpty() && batch.rejected.isEmpty()
                    ? IngestReport.empty()
                    : index.ingest(articles, batch.rejected, n -> progress.step(), progress::detail);
        } finally {
            progress.end();
        }
        Set<String> failed = new HashSet<>();
        report.rejected().forEach(x -> failed.add(x.source()));
        for (Article a : articles) {
            if (!failed.contains(a.meta().location())) {
                state.remember(a.id(), batch.urls.get(a.id()), batch.prints.get(a.id()));
            }
        }
        batch.copyUrls.forEach((id, urls) -> state.remember(id, urls, null));
        batch.alsoIn.forEach((id, labels) -> labels.forEach(l -> index.addAlsoIn(id, l)));
        return report.withSkipped(batch.skipped);
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    /** What one run collects before it touches the index. */
    private static final class Batch {
        final List<Article> articles = new ArrayList<>();
        final List<Rejected> rejected = new ArrayList<>();
        final List<Rejected> skipped = new ArrayList<>();
        final Map<String, Set<String>> urls = new HashMap<>();
        final Map<String, Long> prints = new LinkedHashMap<>();
        final Map<String, Set<String>> alsoIn = new LinkedHashMap<>();
        final Map<String, Set<String>> copyUrls = new LinkedHashMap<>();
        final Set<String> seenKeys = new LinkedHashSet<>();
        int duplicates;
        int fromFeed;

        /** Makes the article's fingerprint known to {@link #duplicateOf} before it is added. */
        void remember(Article a) {
            OptionalLong fp = SimHash.of(a.body());
            if (fp.isPresent()) {
                prints.put(a.id(), fp.getAsLong());
            }
        }

        void add(Article a, Set<String> canonicalUrls) {
            if (urls.containsKey(a.id())) {
                duplicates++;
                return;
            }
            articles.add(a);
            urls.put(a.id(), new LinkedHashSet<>(canonicalUrls));
            remember(a);
        }
    }
}
