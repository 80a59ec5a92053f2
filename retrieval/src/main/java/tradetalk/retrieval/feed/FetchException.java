package tradetalk.retrieval.feed;

/**
 * A fetch that did not produce usable content: refused by policy or robots.txt, an HTTP error, a timeout, a page
 * too large or without article text. The message names the URL and the reason.
 */
public class FetchException extends Exception {

    private final int status;

    public FetchException(String message) {
        this(message, 0, null);
    }

    public FetchException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public FetchException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status when the server answered with an error, else 0. */
    public int status() {
        return status;
    }
}
