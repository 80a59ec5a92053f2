package tradetalk.cli.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tradetalk.store.opensearch.OpenSearchSettings;

/**
 * The {@code opensearch} section: the cluster used when {@code index.backend} is {@code opensearch}. The password is
 * never read from a file: only from {@code TRADETALK_OPENSEARCH_PASSWORD} ({@link ConfigLoader}); it is left out of
 * {@link #toString}.
 *
 * @param urls           base URLs of one or more nodes
 * @param index          prefix of the index names
 * @param username       basic-auth user; empty for none
 * @param caFile         PEM CA certificate(s) to trust over https; empty for the JVM's trust store
 * @param connectTimeout how long to wait for a connection to a node
 * @param readTimeout    how long to wait for a response
 * @param engine         k-NN engine of a new index: lucene or faiss
 * @param shards         primary shards of a new index
 * @param replicas       replicas per shard of a new index
 * @param password       basic-auth password, from the environment only
 */
public record OpenSearchConfig(
        List<String> urls,
        String index,
        String username,
        String caFile,
        Duration connectTimeout,
        Duration readTimeout,
        String engine,
        int shards,
        int replicas,
        String password) {

    public OpenSearchConfig {
        urls = urls == null ? List.of() : List.copyOf(urls);
        index = index == null ? "" : index;
        username = username == null ? "" : username;
        caFile = caFile == null ? "" : caFile.strip();
        password = password == null ? "" : password;
    }

    /** The retrieval module's settings of this section. */
    public OpenSearchSettings settings() {
        List<URI> uris = new ArrayList<>();
        for (String u : urls) {
            try {
                uris.add(URI.create(u.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("opensearch.urls: '" + u + "' is not a URL");
            }
        }
        return new OpenSearchSettings(
                uris,
                index,
                username,
                password,
                caFile.isEmpty() ? null : Path.of(caFile),
                connectTimeout,
                readTimeout,
                OpenSearchSettings.Engine.parse(engine),
                shards,
                replicas);
    }

    /** The same section with the password from the environment. */
    OpenSearchConfig withPassword(String pw) {
        return new OpenSearchConfig(
                urls, index, username, caFile, connectTimeout, readTimeout, engine, shards, replicas, pw);
    }

    /** The same section with another index-name prefix. */
    OpenSearchConfig withIndex(String prefix) {
        return new OpenSearchConfig(
                urls, prefix, username, caFile, connectTimeout, readTimeout, engine, shards, replicas, password);
    }

    OpenSearchConfig resolve(Path home) {
        return new OpenSearchConfig(
                urls,
                index,
                username,
                caFile.isEmpty() ? "" : home.resolve(caFile).normalize().toString(),
                connectTimeout,
                readTimeout,
                engine,
                shards,
                replicas,
                password);
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return settings().toString();
    }
}
