package tradetalk.store.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the OpenSearch store's cluster is and how its index is made.
 *
 * @param urls           the base URLs of one or more nodes ({@code http://} or {@code https://}); the client spreads
 *                       requests over them and skips a node that does not answer
 * @param index          prefix of the index names ({@code <index>-articles}, {@code <index>-feedback})
 * @param username       basic-auth user, empty for none
 * @param password       basic-auth password (from the environment only); never logged, never in {@link #toString}
 * @param caFile         PEM file of the CA certificate(s) to trust over TLS; null for the JVM's trust store
 * @param connectTimeout how long to wait for a connection to a node
 * @param readTimeout    how long to wait for a response
 * @param engine         the k-NN engine of the vector field, fixed when the index is made
 * @param shards         primary shards when the index is made
 * @param replicas       replicas of each shard when the index is made (1 survives one node down)
 */
public record OpenSearchSettings(
        List<URI> urls,
        String index,
        String username,
        String password,
        Path caFile,
        Duration connectTimeout,
        Duration readTimeout,
        Engine engine,
        int shards,
        int replicas) {

    /** The k-NN engine: {@code lucene} (the default, works everywhere) or {@code faiss} (native, large clusters). */
    public enum Engine {
        LUCENE,
        FAISS;

        /** The name OpenSearch uses. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Reads a config value (case-insensitive). */
        public static Engine parse(String value) {
            for (Engine e : values()) {
                if (e.id().equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new IllegalArgumentException("opensearch.engine must be lucene or faiss, got '" + value + "'");
        }
    }

    public OpenSearchSettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException(
                    "opensearch.urls must name at least one node, e.g. http://127.0.0.1:9200");
        }
        for (URI u : urls) {
            if (u.getScheme() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException(
                        "opensearch.urls must be http:// or https:// URLs with a host, got '" + u + "'");
            }
        }
        urls = List.copyOf(urls);
        index = index == null ? "" : index.strip();
        if (!index.matches("[a-z0-9][a-z0-9_.-]{0,200}")) {
            throw new IllegalArgumentException(
                    "opensearch.index must be lower-case letters, digits, '-', '_' or '.', got '" + index + "'");
        }
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        Objects.requireNonNull(connectTimeout, "opensearch.connect-timeout");
        Objects.requireNonNull(readTimeout, "opensearch.read-timeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("opensearch.connect-timeout must be > 0, got " + connectTimeout);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("opensearch.read-timeout must be > 0, got " + readTimeout);
        }
        if (engine == null) {
            throw new IllegalArgumentException("opensearch.engine must be lucene or faiss");
        }
        if (shards < 1 || shards > 1024) {
            throw new IllegalArgumentException("opensearch.shards must be 1 to 1024, got " + shards);
        }
        if (replicas < 0 || replicas > 16) {
            throw new IllegalArgumentException("opensearch.replicas must be 0 to 16, got " + replicas);
        }
    }

    /** Local defaults for one or more nodes: index {@code tradetalk}, no auth, 5 s / 30 s, lucene, 3 shards, 1 replica. */
    public static OpenSearchSettings of(List<URI> urls, String index) {
        return new OpenSearchSettings(
                urls, index, "", "", null, Duration.ofSeconds(5), Duration.ofSeconds(30), Engine.LUCENE, 3, 1);
    }

    /** The name of the index holding articles and passages. */
    public String articlesIndex() {
        return index + "-articles";
    }

    /** The name of the index holding feedback votes. */
    public String feedbackIndex() {
        return index + "-feedback";
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return "OpenSearchSettings[urls=" + urls + ", index=" + index + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", caFile=" + caFile + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", engine=" + engine.id() + ", shards=" + shards + ", replicas="
                + replicas + "]";
    }
}
