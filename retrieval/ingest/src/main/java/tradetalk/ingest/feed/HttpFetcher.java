package tradetalk.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded HTTP GETs with the JDK client: an honest user agent, a connect timeout and one time limit on the whole
 * fetch (all redirect hops together),
 * a maximum body size (the download is cancelled past it), and redirects followed by hand so that each hop is
 * counted and checked against the {@link HostPolicy}. Thread-safe.
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchSettings settings;
    private final HostPolicy hosts;
    private final Consumer<URI> onRequest;
    private final HttpClient client;

    /**
     * @param settings  bounds
     * @param hosts     which URLs may be requested
     * @param onRequest told of every URL actually requested (tests assert on it); may be a no-op
     */
    public HttpFetcher(FetchSettings settings, HostPolicy hosts, Consumer<URI> onRequest) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.onRequest = Objects.requireNonNull(onRequest, "onRequest");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FetchSettings settings() {
        return settings;
    }

    /** True when the policy lets {@code url} be requested. */
    public boolean allowed(URI url) {
        return hosts.allows(url);
    }

    /** Why the policy does not let {@code url} be requested, naming the settings. */
    public String refusal(URI url) {
        return hosts.refusal(url);
    }

    /**
     * GETs {@code url}, following up to the configured number of redirects.
     *
     * @param headers extra request headers (e.g. If-None-Match)
     * @return the final response; any status, the caller decides what is an error
     * @throws FetchException when the URL is not allowed, a redirect goes astray, the server cannot be reached,
     *                        the exchange times out or the body is too large
     */
    public HttpResponseData get(URI url, Map<String, String> headers) throws FetchException {
        // one limit for the whole fetch, redirects included: each hop gets only what is left of it
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            if (!hosts.allows(current)) {
                throw FetchException.permanent(
                        "not fetching " + current + ": host not allowed: " + hosts.refusal(current));
            }
            HttpResponseData r = once(current, headers, deadline);
            if (!REDIRECTS.contains(r.status())) {
                return r;
            }
            String location = r.header("Location");
            if (location.isBlank()) {
                throw FetchException.http(current + " answered " + r.status() + " without a Location", r.status());
            }
            if (hop >= settings.maxRedirects()) {
                throw FetchException.permanent(url + ": more than " + settings.maxRedirects() + " redirects");
            }
            try {
                current = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw FetchException.permanent(current + " redirects to a bad Location: " + location, e);
            }
            log.debug("{} redirects to {}", url, current);
        }
    }

    private HttpResponseData once(URI url, Map<String, String> headers, long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timedOut(url, null);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .GET()
                .timeout(Duration.ofNanos(left))
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "identity");
        headers.forEach(b::header);
        onRequest.accept(url);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(b.build(), info -> new LimitedBody(settings.maxBytes(), url));
        try {
            HttpResponse<byte[]> r = future.get(left, TimeUnit.NANOSECONDS);
            return new HttpResponseData(
                    url,
                    r.statusCode(),
                    r.headers(),
                    decoded(url, r.headers().firstValue("Content-Encoding").orElse(""), r.body()));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(url, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw FetchException.transientFailure(url + ": interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof TooLarge) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof TooLarge t) {
                throw FetchException.permanent(t.getMessage(), t);
            }
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                // the client's own request timeout can fire before ours: report both the same way
                throw timedOut(url, e.getCause());
            }
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw FetchException.transientFailure(url + ": " + inWords(url, c), c);
        }
    }

    /**
     * The body without its Content-Encoding. We ask for {@code identity}, but some servers send gzip anyway: gzip and
     * deflate are decoded (within the same size limit, so a small bomb cannot fill the memory); any other encoding
     * fails the fetch rather than be read as text.
     */
    private byte[] decoded(URI url, String contentEncoding, byte[] body) throws FetchException {
        String encoding = contentEncoding.strip().toLowerCase(java.util.Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity") || body.length == 0) {
            return body;
        }
        java.io.InputStream in;
        try {
            in = switch (encoding) {
                case "gzip", "x-gzip" -> new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body));
                case "deflate" -> new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(body));
                default ->
                    throw FetchException.permanent(url + " was sent with Content-Encoding '" + contentEncoding
                            + "', which cannot be decoded (only gzip and deflate)");
            };
            try (in) {
                byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
                if (out.length > settings.maxBytes()) {
                    throw FetchException.permanent(url + ": body larger than " + settings.maxBytes()
                            + " bytes once decoded" + " (" + encoding + ")");
                }
                return out;
            }
        } catch (IOException e) {
            throw FetchException.permanent(
                    url + ": the " + encoding + " body cannot be decoded (" + e.getMessage() + ")");
        }
    }

    /** A failure to reach a server as an operator would say it, not as an exception class name. */
    static String inWords(URI url, Throwable c) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String hostPort = url.getHost() + ":" + port;
        String message = c.getMessage() == null ? "" : c.getMessage();
        for (Throwable t = c; t != null; t = t.getCause()) {
            // the JDK client wraps a name that did not resolve in a ConnectException without a message
            if (t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host " + url.getHost() + " (the name does not resolve)";
            }
        }
        if (c instanceof java.net.ConnectException
                && (message.isEmpty()
                        || message.toLowerCase(java.util.Locale.ROOT).contains("refused"))) {
            return "connection refused by " + hostPort;
        }
        if (c instanceof java.net.NoRouteToHostException) {
            return "no route to " + hostPort;
        }
        if (c instanceof java.net.ConnectException) {
            return "cannot connect to " + hostPort + " (" + message + ")";
        }
        return message.isEmpty() ? c.getClass().getSimpleName() : message;
    }

    private FetchException timedOut(URI url, Throwable cause) {
        return FetchException.transientFailure(
                url + ": no complete answer within " + settings.timeout().toMillis() + " ms", cause);
    }

    /** Raised inside the body subscriber when a body exceeds the limit. */
    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Collects at most {@code max} bytes; cancels the download and fails beyond that. */
    private static final class LimitedBody implements BodySubscriber<byte[]> {
        private final long max;
        private final URI url;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long max, URI url) {
            this.max = max;
            this.url = url;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buf : items) {
                if (out.size() + (long) buf.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(url + ": body larger than " + max + " bytes"));
                    return;
                }
                byte[] bytes = new byte[buf.remaining()];
                buf.get(bytes);
                out.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
