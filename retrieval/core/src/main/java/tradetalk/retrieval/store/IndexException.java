package tradetalk.retrieval.store;

/** The index cannot be opened, read or written; the message says which index and why. */
public class IndexException extends RuntimeException {

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
