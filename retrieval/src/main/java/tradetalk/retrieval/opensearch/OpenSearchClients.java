package tradetalk.retrieval.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Builds the OpenSearch Java client from {@link OpenSearchSettings}: every node of {@code urls} (a node that fails is
 * skipped for a while and the request retried on another), basic auth when a user is given, TLS with the JVM's trust
 * store or the given CA file, the connect and read timeouts.
 */
public final class OpenSearchClients {

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
