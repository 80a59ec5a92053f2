package tradetalk.store.opensearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Names and settings of the OpenSearch indexes tests make: each new, so tests never see each other's documents. */
public final class TestIndexes {

    private static final AtomicInteger STORES = new AtomicInteger();

    private TestIndexes() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Settings of a new index of this test run: {@code shards} shards, {@code replicas} replicas. */
    public static OpenSearchSettings settings(List<URI> urls, String name, int shards, int replicas) {
        return new OpenSearchSettings(
                urls,
                name + "-" + ProcessHandle.current().pid() + "-" + STORES.incrementAndGet(),
                "",
                "",
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                OpenSearchSettings.Engine.LUCENE,
                shards,
                replicas);
    }
}
