package tradetalk.opensearch.local;

/** A local cluster could not be started, reached or stopped; the message is one line meant for a person. */
public final class LocalClusterException extends RuntimeException {

    public LocalClusterException(String message) {
        super(message);
    }

    public LocalClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
