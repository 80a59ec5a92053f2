package tradetalk.retrieval.feed;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs the fetcher may contact. Production allows any http(s) host; tests allow only loopback so that a feed
 * item pointing elsewhere is never fetched.
 */
@FunctionalInterface
public interface HostPolicy {

    /** True when {@code url} may be requested. */
    boolean allows(URI url);

    /** Any http or https URL with a host. */
    static HostPolicy anyHttp() {
        return url -> isHttp(url);
    }

    /** Only http(s) URLs whose host is one of {@code hosts} (case-insensitive). */
    static HostPolicy only(Set<String> hosts) {
        Set<String> lower = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return url -> isHttp(url) && lower.contains(url.getHost().toLowerCase(Locale.ROOT));
    }

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }
}
