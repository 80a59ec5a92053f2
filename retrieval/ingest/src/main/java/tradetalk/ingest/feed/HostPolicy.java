package tradetalk.ingest.feed;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
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
        String unreadable = unreadableHost(url);
        if (unreadable != null) {
            return "cannot read the host of " + url + ": " + unreadable;
        }
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
     * Any http(s) URL whose host resolves only to public addresses, judged by {@link PublicAddresses} (which also
     * looks inside IPv6 forms that carry an IPv4 address, and reads numeric hosts like {@code 0xA9FEA9FE}). A host
     * name that does not resolve is let through so that the fetch reports the DNS failure itself.
     */
    static HostPolicy publicHosts() {
        return new HostPolicy() {
            @Override
            public boolean allows(URI url) {
                return isHttp(url) && internal(url.getHost()) == null;
            }

            @Override
            public String refusal(URI url) {
                if (!isHttp(url)) {
                    return HostPolicy.super.refusal(url);
                }
                String why = internal(url.getHost());
                return why == null
                        ? "host " + url.getHost() + " is allowed"
                        : "host " + url.getHost() + " has the " + why + "; list it in feeds.allow-hosts, or set "
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

    /**
     * What is wrong with the host of an http(s) URL that {@link URI} could not read a host name from (e.g.
     * {@code http://127.1/}), or null when it has one or is not http(s).
     */
    static String unreadableHost(URI url) {
        if (url.getHost() != null || !List.of("http", "https").contains(scheme(url))) {
            return null;
        }
        String authority = url.getRawAuthority();
        if (authority == null || authority.isBlank()) {
            return "it has no host";
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        InetAddress numeric = PublicAddresses.numericIpv4(host);
        return numeric == null
                ? "'" + host + "' is not a valid host name"
                : "'" + host + "' is a shortened or non-decimal form of the IPv4 address " + numeric.getHostAddress()
                        + ", which URLs here must write in full (a.b.c.d)";
    }

    /** Why {@code host} is internal ("link-local address 169.254.169.254"), or null when all its addresses are public. */
    private static String internal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress numeric = PublicAddresses.numericIpv4(bare);
        if (numeric != null && !numeric.getHostAddress().equals(bare)) {
            // the JDK does not read these forms, but other resolvers do: refuse them by the address they name
            String why = PublicAddresses.nonPublic(numeric);
            return why != null
                    ? why
                    : "address " + numeric.getHostAddress() + " written in a form the JDK does not read";
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(bare)) {
                String why = PublicAddresses.nonPublic(a);
                if (why != null) {
                    return why;
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** False for loopback, unspecified, link-local, private, carrier-grade NAT and multicast, also when carried inside IPv6. */
    static boolean isPublic(InetAddress a) {
        return PublicAddresses.nonPublic(a) == null;
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    private static boolean isHttp(URI url) {
        return List.of("http", "https").contains(scheme(url)) && url.getHost() != null;
    }
}
