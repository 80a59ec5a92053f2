package tradetalk.cli.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tradetalk.ingest.feed.Backoff;
import tradetalk.ingest.feed.FeedSource;
import tradetalk.ingest.feed.FetchSettings;
import tradetalk.ingest.feed.HostPolicy;

/**
 * The {@code feeds} section: how pages are fetched and which RSS/Atom feeds keep the index current.
 *
 * @param userAgent    sent with every request and matched against robots.txt
 * @param timeout      connect timeout and limit on each whole exchange
 * @param maxBytes     largest feed or page accepted
 * @param maxRedirects redirects followed per fetch
 * @param maxItems     new items taken per refresh of one feed, newest first; the others wait for the next refreshes
 * @param retryInitial wait after a feed's first failure (doubling on each further failure)
 * @param retryMax     longest wait between retries of a failing feed
 * @param allowHosts   hosts fetches may contact; empty allows any http(s) host on a public address
 * @param sources      the feeds
 * @param allowPrivateAddresses with an empty allow-list, also allow hosts on loopback, private and link-local
 *                     addresses (off: a feed or an admin's /ingest url: cannot reach the internal network)
 * @param refresh      whether {@code tradetalk discord} refreshes the feeds (and applies {@code index.max-age})
 *                     while it runs; false on bot processes that leave it to one {@code tradetalk watch}
 */
public record FeedsConfig(
        String userAgent,
        Duration timeout,
        long maxBytes,
        int maxRedirects,
        int maxItems,
        Duration retryInitial,
        Duration retryMax,
        List<String> allowHosts,
        List<Source> sources,
        boolean allowPrivateAddresses,
        boolean refresh) {

    /**
     * One feed of {@code feeds.sources}.
     *
     * @param url      the RSS or Atom feed
     * @param name     its name in logs and reports, and the outlet of articles whose pages name none
     * @param interval time between refreshes (default 30m)
     * @param keep     topic filter: comma-separated keywords, or /regex/; empty keeps everything
     */
    public record Source(String url, String name, Duration interval, String keep) {

        /** A bare URL (as in TRADETALK_FEEDS_SOURCES=url1,url2). */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Source of(String url) {
            return new Source(url, null, null, null);
        }
    }

    public FeedsConfig {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("feeds.user-agent must not be empty");
        }
        require(timeout, "feeds.timeout");
        require(retryInitial, "feeds.retry-initial");
        require(retryMax, "feeds.retry-max");
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("feeds.max-bytes must be at least 1024, got " + maxBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("feeds.max-redirects must be 0 to 20, got " + maxRedirects);
        }
        if (maxItems < 1 || maxItems > 100_000) {
            throw new IllegalArgumentException("feeds.max-items must be 1 to 100000, got " + maxItems);
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("feeds.retry-max must be at least feeds.retry-initial");
        }
        allowHosts = allowHosts == null
                ? List.of()
                : allowHosts.stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .toList();
        sources = sources == null ? List.of() : List.copyOf(sources);
        feedSources(sources); // validates each source now, naming it
    }

    /** The fetch bounds. */
    public FetchSettings fetchSettings() {
        return new FetchSettings(userAgent, timeout, maxBytes, maxRedirects);
    }

    /** Which hosts fetches may contact. */
    public HostPolicy hostPolicy() {
        if (!allowHosts.isEmpty()) {
            return HostPolicy.only(java.util.Set.copyOf(allowHosts));
        }
        return allowPrivateAddresses ? HostPolicy.anyHttp() : HostPolicy.publicHosts();
    }

    /** The back-off of failing feeds. */
    public Backoff backoff() {
        return new Backoff(retryInitial, retryMax);
    }

    /** The configured feeds. */
    public List<FeedSource> feedSources() {
        return feedSources(sources);
    }

    private static List<FeedSource> feedSources(List<Source> sources) {
        List<FeedSource> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String key = "feeds.sources[" + i + "]";
            if (s == null || s.url() == null || s.url().isBlank()) {
                throw new IllegalArgumentException(key + ".url must be set");
            }
            URI url;
            try {
                url = new URI(s.url().strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + ".url is not a URL: '" + s.url() + "'");
            }
            try {
                out.add(new FeedSource(
                        url, s.name(), s.interval() == null ? Duration.ofMinutes(30) : s.interval(), s.keep()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static void require(Duration d, String key) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration");
        }
    }
}
