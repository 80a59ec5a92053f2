package tradetalk.store.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.opensearch.client.transport.TransportException;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the OpenSearch Java client from {@link OpenSearchSettings}: every node of {@code urls} (a node that fails is
 * skipped for a while and the request retried on another), basic auth when a user is given, TLS with the JVM's trust
 * store or the given CA file, the connect and read timeouts.
 */
public final class OpenSearchClients {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchClients.class);

    private OpenSearchClients() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A client for these settings; close its transport ({@code client._transport().close()}) when done. */
    public static OpenSearchClient create(OpenSearchSettings s) {
        HttpHost[] hosts = s.urls().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
        SSLContext tls = s.urls().stream().anyMatch(u -> u.getScheme().equals("https")) ? sslContext(s) : null;
        ApacheHttpClient5TransportBuilder b = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(new ObjectMapper()))
                .setRequestConfigCallback(r -> r.setResponseTimeout(timeout(s.readTimeout())))
                .setHttpClientConfigCallback(h -> {
                    PoolingAsyncClientConnectionManagerBuilder cm = PoolingAsyncClientConnectionManagerBuilder.create()
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(timeout(s.connectTimeout()))
                                    .setSocketTimeout(timeout(s.readTimeout()))
                                    .build())
                            .setMaxConnTotal(64)
                            .setMaxConnPerRoute(32);
                    if (tls != null) {
                        cm.setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(tls)
                                .buildAsync());
                    }
                    h.setConnectionManager(cm.build());
                    if (!s.username().isEmpty()) {
                        BasicCredentialsProvider creds = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            creds.setCredentials(
                                    new AuthScope(host),
                                    new UsernamePasswordCredentials(
                                            s.username(), s.password().toCharArray()));
                        }
                        h.setDefaultCredentialsProvider(creds);
                    }
                    return h;
                });
        return new OpenSearchClient(b.build());
    }

    /**
     * Makes the index unless it exists, or another process made it at the same moment.
     *
     * @return true when this call made it
     */
    public static boolean createIfMissing(OpenSearchClient client, CreateIndexRequest request) throws IOException {
        if (client.indices().exists(r -> r.index(request.index())).value()) {
            return false;
        }
        try {
            client.indices().create(request);
            return true;
        } catch (OpenSearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    /** One request to the cluster; {@link #request} turns its failure into an {@link OpenSearchStoreException}. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    /** Runs one request, its failure translated by {@link #failure}. */
    public static <T> T request(OpenSearchSettings s, String what, Call<T> c) {
        try {
            return c.run();
        } catch (OpenSearchStoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(s, what, e);
        }
    }

    /** One line naming the cluster and what failed; an unreachable cluster says so (and is marked transient). */
    public static OpenSearchStoreException failure(OpenSearchSettings s, String what, Exception e) {
        String urls = s.urls().toString();
        if (e instanceof OpenSearchException o) {
            return new OpenSearchStoreException(
                    "OpenSearch at " + urls + " refused " + what + ": "
                            + o.error().type() + ": " + o.error().reason(),
                    e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (status(e) > 0) {
            // an HTTP error the client passes on unparsed (e.g. 409 on a conditional write): answered, not unreachable
            return new OpenSearchStoreException("OpenSearch at " + urls + " refused " + what + ": " + reason(root), e);
        }
        if (e instanceof IOException || e instanceof TransportException || root instanceof ConnectException) {
            return new OpenSearchStoreException(
                    "OpenSearch at " + urls + " is unreachable (" + reason(root) + ") while " + what, e, true);
        }
        return new OpenSearchStoreException("OpenSearch at " + urls + " failed while " + what + ": " + reason(root), e);
    }

    /**
     * The HTTP status a node answered a failed request with: an error the client parsed, or one it passed on as a
     * {@link ResponseException} (a version conflict, 409, comes that way); -1 when no node answered.
     */
    public static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OpenSearchException o) {
                return o.status();
            }
            if (t instanceof ResponseException r) {
                return r.status();
            }
        }
        return -1;
    }

    private static String reason(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank()
                ? t.getClass().getSimpleName()
                : m.lines().findFirst().orElse(m);
    }

    /** Closes the client's transport; a failure is logged, not thrown (it happens at shutdown). */
    public static void close(OpenSearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            LOG.warn("Closing the OpenSearch client failed: {}", e.getMessage());
        }
    }

    private static Timeout timeout(java.time.Duration d) {
        return Timeout.of(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static HttpHost host(URI u) {
        int port = u.getPort() > 0 ? u.getPort() : (u.getScheme().equals("https") ? 443 : 80);
        return new HttpHost(u.getScheme(), u.getHost(), port);
    }

    /** The JVM's default TLS context, or one trusting only the certificates of the CA file. */
    private static SSLContext sslContext(OpenSearchSettings s) {
        try {
            if (s.caFile() == null) {
                return SSLContext.getDefault();
            }
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(s.caFile())) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("opensearch.ca-file " + s.caFile() + " holds no PEM certificate");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "opensearch.ca-file " + s.caFile() + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "opensearch.ca-file " + s.caFile() + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
