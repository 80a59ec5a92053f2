package tradetalk.store.opensearch;

import tradetalk.retrieval.store.IndexException;

/**
 * The OpenSearch cluster cannot be reached, refused a request, or holds an index this store cannot use; the message
 * (one line, never a password) says which cluster and what failed.
 */
public class OpenSearchStoreException extends IndexException {

    private final boolean unreachable;

    public OpenSearchStoreException(String message) {
        this(message, null, false);
    }

    public OpenSearchStoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** With {@code unreachable} true when no node answered (the request may succeed later). */
    public OpenSearchStoreException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** True when no node of the cluster answered: trying again later may work. */
    public boolean unreachable() {
        return unreachable;
    }
}
