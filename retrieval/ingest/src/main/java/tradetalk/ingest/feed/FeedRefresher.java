package tradetalk.ingest.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.store.ArticleStore;

/**
 * Keeps the index current from feeds: {@link #start()} refreshes every feed now and then every {@code interval};
 * a feed that fails is logged with its name and retried with exponential back-off while the others go on. Feeds run
 * one at a time on a single background thread; {@link #stop()} lets the refresh in progress finish. Optional retention removes articles older than {@code maxAge}.
 * {@link #refreshAll} refreshes every feed once, in the caller's thread.
 */
public final class FeedRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedRefresher.class);
    private static final Duration RETENTION_EVERY = Duration.ofHours(6);
    private static final int STOP_WAIT_SECONDS = 30;

    private final FeedIngester ingester;
    private final ArticleStore index;
    private final List<FeedSource> feeds;
    private final Backoff backoff;
    private final Duration maxAge;
    private final Clock clock;
    private final FeedListener listener;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, LastRefresh> last = new ConcurrentHashMap<>();
    private ScheduledThreadPoolExecutor scheduler;
    /** Set by {@link #stop()}; checked before each scheduled feed refresh so that no new one starts. */
    private volatile boolean stopping;

    /**
     * @param maxAge articles older than this are removed; null keeps them forever
     */
    public FeedRefresher(
            FeedIngester ingester,
            ArticleStore index,
            List<FeedSource> feeds,
            Backoff backoff,
            Duration maxAge,
            Clock clock) {
        this(ingester, index, feeds, backoff, maxAge, clock, FeedListener.NONE);
    }

    /**
     * @param maxAge   articles older than this are removed; null keeps them forever
     * @param listener hears the end of every feed refresh
     */
    public FeedRefresher(
            FeedIngester ingester,
            ArticleStore index,
            List<FeedSource> feeds,
            Backoff backoff,
            Duration maxAge,
            Clock clock,
            FeedListener listener) {
        this.listener = listener;
        this.ingester = ingester;
        this.index = index;
        this.feeds = List.copyOf(feeds);
        this.backoff = backoff;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public List<FeedSource> feeds() {
        return feeds;
    }

    /**
     * A feed's last refresh, for health reports.
     *
     * @param feed          the feed's name
     * @param at            when it ended; null when the feed was not refreshed yet
     * @param ok            whether it worked
     * @param error         why it failed; empty when it worked
     * @param failuresInRow its consecutive failures
     */
    public record LastRefresh(String feed, Instant at, boolean ok, String error, int failuresInRow) {}

    /** The last refresh of each configured feed, in configuration order. */
    public List<LastRefresh> lastRefreshes() {
        return feeds.stream()
                .map(f -> last.getOrDefault(f.url().toString(), new LastRefresh(f.name(), null, false, "", 0)))
                .toList();
    }

    /** Starts refreshing in the background; does nothing when already started or when no feed is configured. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        if (feeds.isEmpty() && maxAge == null) {
            log.info("No feeds configured; the feed refresher stays idle");
            return;
        }
        stopping = false;
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "feed-refresher");
            t.setDaemon(true);
            return t;
        });
        // at shutdown, refreshes waiting for their time are dropped; only the one running finishes
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        for (FeedSource feed : feeds) {
            scheduler.schedule(() -> runScheduled(feed), 0, TimeUnit.MILLISECONDS);
        }
        if (maxAge != null) {
            scheduler.scheduleWithFixedDelay(
                    this::retentionQuietly, 0, RETENTION_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("Feed refresher started: {} feed(s)", feeds.size());
    }

    /** True while started. */
    public synchronized boolean running() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /**
     * Stops refreshing: no new feed refresh starts, and a refresh in progress finishes normally (its pages are
     * fetched and indexed, not interrupted). Waits up to {@value #STOP_WAIT_SECONDS} s for it; only then is the
     * background thread interrupted.
     */
    public void stop() {
        ScheduledExecutorService s;
        synchronized (this) {
            stopping = true;
            s = scheduler;
            scheduler = null;
        }
        if (s == null) {
            return;
        }
        s.shutdown();
        try {
            if (!s.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn(
                        "The feed refresher did not finish its refresh within {} s; interrupting it",
                        STOP_WAIT_SECONDS);
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("Feed refresher stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** Refreshes every feed once, in this thread; one failing feed does not stop the others. */
    public List<FeedResult> refreshAll(IngestProgress progress) {
        List<FeedResult> out = new ArrayList<>();
        for (FeedSource feed : feeds) {
            out.add(refreshOne(feed, progress));
        }
        applyRetention();
        return out;
    }

    /**
     * Refreshes one feed, catching its failure into the result (the caller reports it: a one-shot command in its
     * output, the scheduled refresh in the log).
     */
    public FeedResult refreshOne(FeedSource feed, IngestProgress progress) {
        FeedResult result = refreshCaught(feed, progress);
        last.put(
                feed.url().toString(),
                new LastRefresh(feed.name(), clock.instant(), result.ok(), result.error(), failures(feed)));
        try {
            listener.refreshed(feed, result);
        } catch (RuntimeException e) {
            log.warn("Feed {}: the refresh listener failed: {}", feed.name(), e.toString());
        }
        return result;
    }

    private FeedResult refreshCaught(FeedSource feed, IngestProgress progress) {
        try {
            FeedRun run = ingester.refresh(feed, progress, () -> stopping);
            if (failures.remove(feed.url().toString()) != null) {
                log.info("Feed {} works again", feed.name());
            }
            return new FeedResult(feed.name(), run, "");
        } catch (FetchException | RuntimeException e) {
            int n = failures.merge(feed.url().toString(), 1, Integer::sum);
            log.debug("Feed {} failed ({} in a row): {}", feed.name(), n, e.getMessage());
            log.debug("Feed {} failure", feed.name(), e);
            return new FeedResult(feed.name(), null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Consecutive failures of a feed so far. */
    public int failures(FeedSource feed) {
        return failures.getOrDefault(feed.url().toString(), 0);
    }

    /**
     * Removes articles older than the maximum age, if one is set.
     *
     * @return how many were removed
     */
    public int applyRetention() {
        if (maxAge == null) {
            return 0;
        }
        LocalDate cutoff = LocalDate.now(clock).minusDays(Math.max(1, maxAge.toDays()));
        int removed = index.removeOlderThan(cutoff);
        if (removed > 0) {
            log.info("Retention: removed {} articles published before {}", removed, cutoff);
            ingester.resync();
        }
        return removed;
    }

    private void retentionQuietly() {
        try {
            applyRetention();
        } catch (RuntimeException e) {
            log.warn("Retention failed: {}", e.getMessage());
        }
    }

    private void runScheduled(FeedSource feed) {
        if (stopping || Thread.currentThread().isInterrupted()) {
            return;
        }
        FeedResult r = refreshOne(feed, IngestProgress.none());
        Duration next = r.ok() ? feed.interval() : backoff.delay(failures(feed));
        if (!r.ok()) {
            log.warn(
                    "Feed {} failed ({} in a row): {}; retrying in {} s",
                    feed.name(),
                    failures(feed),
                    r.error(),
                    next.toSeconds());
        }
        synchronized (this) {
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.schedule(() -> runScheduled(feed), next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
