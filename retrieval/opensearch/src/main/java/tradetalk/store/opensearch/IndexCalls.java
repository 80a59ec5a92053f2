package tradetalk.store.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.msearch.MultiSearchItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;

/**
 * The articles index of one store on its cluster: the client, the settings and the index's name, and how a request
 * to it is made (the index made or checked first, once) and fails. Shared by the store's parts; thread-safe.
 */
final class IndexCalls {

    final OpenSearchSettings os;
    final OpenSearchClient client;
    final String index;
    private final Runnable makeOrCheck;
    /** True once the index is known to exist with the right mapping. */
    private volatile boolean ready;

    /**
     * @param makeOrCheck makes the index when missing, or checks it (run by {@link #request}, before the first call
     *                    that needs the index)
     */
    IndexCalls(OpenSearchSettings os, OpenSearchClient client, java.util.function.Consumer<IndexCalls> makeOrCheck) {
        this.os = os;
        this.client = client;
        this.index = os.articlesIndex();
        this.makeOrCheck = () -> makeOrCheck.accept(this);
    }

    /** Makes or checks the index once, before the first request that needs it. */
    void ready() {
        if (!ready) {
            synchronized (this) {
                if (!ready) {
                    makeOrCheck.run();
                    ready = true;
                }
            }
        }
    }

    /** A request needing the index: made or checked first; failures as {@link OpenSearchClients#request}. */
    <T> T call(String what, OpenSearchClients.Call<T> c) {
        ready();
        return request(what, c);
    }

    /** A request that does not need the index to exist. */
    <T> T request(String what, OpenSearchClients.Call<T> c) {
        return OpenSearchClients.request(os, what, c);
    }

    /** Makes what was written visible to searches. */
    void refresh() {
        call("refreshing index " + index, () -> client.indices().refresh(r -> r.index(index)));
    }

    /** The response of one part of an {@code _msearch}; a part OpenSearch refused fails the whole call. */
    MultiSearchItem<ObjectNode> result(MultiSearchResponseItem<ObjectNode> item) {
        if (item.isFailure()) {
            var e = item.failure().error();
            throw new OpenSearchStoreException(
                    "OpenSearch refused a search of index " + index + ": " + e.type() + ": " + e.reason());
        }
        return item.result();
    }
}
