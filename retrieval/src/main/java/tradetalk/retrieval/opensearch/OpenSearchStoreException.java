package tradetalk.retrieval.opensearch;

import tradetalk.retrieval.index.IndexException;

/**
 * The OpenSearch cluster cannot be reached, refused a request, or holds an index this store cannot use; the message
 * (one line, never a password) says which cluster and what failed.
 */
public class OpenSearchStoreException extends IndexException {

    public OpenSearchStoreException(String message) {
        super(message);
    }

    public OpenSearchStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
