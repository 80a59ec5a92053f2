package tradetalk.ingest.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt rules per origin, parsed by crawler-commons and cached for an hour. A missing robots.txt (4xx) allows
 * everything; a server error or an unreachable robots.txt disallows the origin for now (crawler convention).
 */
public final class Robots {

    private static final Logger log = LoggerFactory.getLogger(Robots.class);

    private final HttpFetcher http;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Cache<String, BaseRobotRules> rules = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    public Robots(HttpFetcher http) {
        this.http = http;
    }

    /** True when the robots.txt of {@code url}'s origin lets our user agent fetch it. */
    public boolean allows(URI url) {
        String origin = origin(url);
        return rules.get(origin, this::load).isAllowed(url.toString());
    }

    private BaseRobotRules load(String origin) {
        URI robots = URI.create(origin + "/robots.txt");
        try {
            HttpResponseData r = http.get(robots, Map.of());
            if (r.status() >= 200 && r.status() < 300) {
                return parser.parseContent(
                        robots.toString(),
                        r.body(),
                        r.header("Content-Type"),
                        List.of(http.settings().robotName().toLowerCase(Locale.ROOT)));
            }
            log.debug("{} answered {}", robots, r.status());
            return parser.failedFetch(r.status());
        } catch (FetchException e) {
            log.info("robots.txt of {} unavailable ({}); not fetching pages there for now", origin, e.getMessage());
            return parser.failedFetch(503);
        }
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
