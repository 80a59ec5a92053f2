package tradetalk.retrieval.feed;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs the fetcher may contact. By default only hosts on public addresses: a feed item, a redirect or a
 * Discord admin's {@code /ingest url:} must not make the bot read the operator's internal network (loopback, private
 * ranges, link-local cloud metadata at 169.254.169.254). Operators list internal hosts explicitly; tests allow only
 * loopback so that a feed item pointing elsewhere is never fetched.
 */
@FunctionalInterface
public interface HostPolicy {

    /** True when {@code url} may be requested. */
    boolean allows(URI url);

    /** Why {@code url} is not allowed, naming the settings that would allow it. */
    default String refusal(URI url) {
        if (!isHttp(url)) {
            return "only http and https URLs are fetched";
        }
        return "host " + url.getHost() + " is not allowed (see feeds.allow-hosts and feeds.allow-private-addresses)";
    }

    /** Any http or https URL with a host. */
    static HostPolicy anyHttp() {
        return url -> isHttp(url);
    }

    /**
     * Any http(s) URL whose host resolves only to public addresses. A host that does not resolve is let through so
     * that the fetch reports the DNS failure itself.
     */
    static HostPolicy publicHosts() {
        return new HostPolicy() {
            @Override
            public boolean allows(URI url) {
                return isHttp(url) && resolvesToPublic(url.getHost());
            }

            @Override
            public String refusal(URI url) {
                return !isHttp(url)
                        ? HostPolicy.super.refusal(url)
                        : "host " + url.getHost()
                                + " has a loopback, private or link-local address; list it in feeds.allow-hosts, or set "
                                + "feeds.allow-private-addresses: true";
            }
        };
    }

    /** Only http(s) URLs whose host is one of {@code hosts} (case-insensitive). */
    static HostPolicy only(Set<String> hosts) {
        Set<String> lower = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new HostPolicy() {
            @Override
            public boolean allows(URI url) {
                return isHttp(url) && lower.contains(url.getHost().toLowerCase(Locale.ROOT));
            }

            @Override
            public String refusal(URI url) {
                return !isHttp(url)
                        ? HostPolicy.super.refusal(url)
                        : "host " + url.getHost() + " is not in feeds.allow-hosts " + new java.util.TreeSet<>(lower);
            }
        };
    }

    private static boolean resolvesToPublic(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!isPublic(a)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** False for loopback, unspecified, link-local, private (RFC 1918, fc00::/7), carrier-grade NAT and multicast. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return false; // 100.64.0.0/10
        }
        if (b.length == 4 && (b[0] & 0xff) == 0) {
            return false; // 0.0.0.0/8
        }
        return !(b.length == 16 && (b[0] & 0xfe) == 0xfc); // fc00::/7
    }

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }
}
