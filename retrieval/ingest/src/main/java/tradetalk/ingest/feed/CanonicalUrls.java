package tradetalk.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One URL per article: scheme and host lower-cased, default port, fragment and tracking parameters (utm_*, fbclid,
 * gclid, ...) removed, other parameters kept in order. Used as the article's URL and id, and for deduplication.
 */
public final class CanonicalUrls {

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "gclsrc",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "twclid",
            "igshid",
            "mc_cid",
            "mc_eid",
            "_ga",
            "_gl",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id",
            "rb_clickid",
            "s_cid",
            "cmpid",
            "ocid",
            "smid",
            "sref",
            "ncid",
            "taid",
            "ito",
            "cid",
            "ref_src");

    private CanonicalUrls() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The canonical form of {@code url}.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public static String canonical(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = u.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = cleanQuery(u.getRawQuery());
        StringBuilder b = new StringBuilder(scheme).append("://");
        if (u.getRawUserInfo() != null) {
            b.append(u.getRawUserInfo()).append('@');
        }
        b.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (port >= 0) {
            b.append(':').append(port);
        }
        b.append(path);
        if (!query.isEmpty()) {
            b.append('?').append(query);
        }
        return b.toString();
    }

    /** The canonical form, or null when {@code url} is not an http(s) URL. */
    public static String canonicalOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return canonical(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String cleanQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = (pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
