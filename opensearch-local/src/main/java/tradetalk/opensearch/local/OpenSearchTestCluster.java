package tradetalk.opensearch.local;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The cluster a test run talks to: the local one {@link OpenSearchClusterExtension} started, or an external one named
 * by {@code -Dopensearch.urls}. Closed (the local cluster stopped) when the test run ends.
 */
public final class OpenSearchTestCluster implements AutoCloseable {

    private final List<URI> urls;
    private final Optional<LocalOpenSearchCluster> local;

    OpenSearchTestCluster(List<URI> urls, Optional<LocalOpenSearchCluster> local) {
        this.urls = List.copyOf(urls);
        this.local = local;
    }

    /** Every node's base URL, e.g. {@code http://127.0.0.1:40123}. */
    public List<URI> urls() {
        return urls;
    }

    /** True when this run started the cluster (and so can stop a node of it). */
    public boolean isLocal() {
        return local.isPresent();
    }

    /**
     * Stops node {@code k} (from 1) of the local cluster; returns once the others have seen it leave. Aborts the
     * calling test (skipped, not failed) against an external cluster. Start it again with {@link #startNode}: the
     * cluster is shared by every test class of the run.
     */
    public void stopNode(int k) {
        localOrAbort().stopNode(k);
    }

    /** Starts node {@code k} again and returns once the cluster is green. */
    public void startNode(int k) {
        localOrAbort().startNode(k);
    }

    private LocalOpenSearchCluster localOrAbort() {
        return local.orElseThrow(() -> new TestAbortedException("an external cluster (-D"
                + OpenSearchClusterExtension.URLS_PROPERTY + "): its nodes are not ours to stop"));
    }

    @Override
    public void close() {
        local.ifPresent(LocalOpenSearchCluster::stop);
    }
}
