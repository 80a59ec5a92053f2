package tradetalk.ingest.feed;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * A completed HTTP exchange after redirects.
 *
 * @param url     the final URL (after redirects)
 * @param status  the final status (200, 304, ...)
 * @param headers the final response's headers
 * @param body    the body (empty for 304), never larger than the configured maximum
 */
public record HttpResponseData(URI url, int status, HttpHeaders headers, byte[] body) {

    /** A header's first value, or empty. */
    public String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    /** The Content-Type without parameters, lower case; empty when absent. */
    public String mediaType() {
        String ct = header("Content-Type");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The charset parameter of the Content-Type, or empty. */
    public String charset() {
        for (String part : header("Content-Type").split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").replace("'", "").strip();
            }
        }
        return "";
    }
}
