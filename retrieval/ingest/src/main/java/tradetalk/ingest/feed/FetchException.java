package tradetalk.ingest.feed;

/**
 * A fetch that did not produce usable content: refused by policy or robots.txt, an HTTP error, a timeout, a page
 * too large or without article text. The message names the URL and the reason; {@link #isTransient()} says whether
 * trying again later may succeed (a timeout, an unreachable server, HTTP 5xx) or not (everything else).
 */
public class FetchException extends Exception {

    private final int status;
    private final boolean transientFailure;

    private FetchException(String message, int status, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    /** A failure that trying again will not mend: policy, robots.txt, a page that is not an article. */
    public static FetchException permanent(String message) {
        return new FetchException(message, 0, false, null);
    }

    /** A failure that trying again will not mend, with its cause. */
    public static FetchException permanent(String message, Throwable cause) {
        return new FetchException(message, 0, false, cause);
    }

    /** A failure that may pass: a timeout, a server that cannot be reached, an interrupted fetch. */
    public static FetchException transientFailure(String message, Throwable cause) {
        return new FetchException(message, 0, true, cause);
    }

    /** The server answered with an error status: transient for 5xx, permanent otherwise. */
    public static FetchException http(String message, int status) {
        return new FetchException(message, status, status >= 500, null);
    }

    /** The HTTP status when the server answered with an error, else 0. */
    public int status() {
        return status;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }
}
