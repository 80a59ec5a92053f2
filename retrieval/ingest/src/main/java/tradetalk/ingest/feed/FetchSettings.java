package tradetalk.ingest.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on every HTTP fetch.
 *
 * @param userAgent    sent with every request; also the name robots.txt rules are matched against
 * @param timeout      connect timeout, and the limit on the whole exchange (headers and body)
 * @param maxBytes     larger bodies are refused
 * @param maxRedirects redirects followed before giving up
 */
public record FetchSettings(String userAgent, Duration timeout, long maxBytes, int maxRedirects) {

    /** The user agent Tradetalk sends unless configured otherwise. */
    public static final String DEFAULT_USER_AGENT =
            "TradetalkBot/0.1 (news indexer; operators put their contact URL in feeds.user-agent)";

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("user agent must not be empty");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("max bytes must be at least 1024, got " + maxBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("max redirects must be 0 to 20, got " + maxRedirects);
        }
    }

    /** Defaults: 10 s, 5 MB, 5 redirects. */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), 5_000_000, 5);
    }

    /** The product token of the user agent ("TradetalkBot"), which robots.txt groups name. */
    public String robotName() {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.isEmpty() ? "tradetalkbot" : token;
    }
}
