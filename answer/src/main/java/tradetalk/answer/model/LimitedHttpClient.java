package tradetalk.answer.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP client under the LangChain4j chat models, plugged in through their {@code httpClientBuilder} hook: the
 * JDK's HTTP client, used as LangChain4j's own {@code JdkHttpClient} uses it, plus three limits that one lacks.
 * <ul>
 *   <li>A reply body (a whole reply, a stream, an error body) is read through a counter and refused past
 *       {@code model.max-reply-bytes}: it is never buffered whole.</li>
 *   <li>Every request ends by its answer's deadline ({@link #within}; {@code model.deadline} from the request's start
 *       otherwise): the request is cancelled and its connection closed, whether the server is silent or trickles.</li>
 *   <li>A 200 reply that is not JSON, a stream event that is not a JSON object, or a stream that ends with no event
 *       at all is refused as unreadable (instead of ending as an empty answer, or never ending).</li>
 * </ul>
 * A refusal reaches the model client as a {@link RefusedReply} whose message is the reason.
 */
final class LimitedHttpClient implements HttpClient {

    private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();
    private static final ThreadLocal<Runnable> STREAM_END = new ThreadLocal<>();
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    /** Builds the client; LangChain4j's model builders set the two timeouts from {@code model.timeout}. */
    static final class Builder implements HttpClientBuilder {

        private final ModelSettings settings;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(ModelSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public LimitedHttpClient build() {
            return new LimitedHttpClient(this);
        }
    }

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final ModelSettings settings;
    private final ModelErrors errors;

    private LimitedHttpClient(Builder b) {
        java.net.http.HttpClient.Builder jdkBuilder = java.net.http.HttpClient.newBuilder();
        if (b.connectTimeout != null) {
            jdkBuilder.connectTimeout(b.connectTimeout);
        }
        this.jdk = jdkBuilder.build();
        this.readTimeout = b.readTimeout;
        this.settings = b.settings;
        this.errors = new ModelErrors(b.settings);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "model-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * Runs {@code call} with every request it makes on this thread ending by {@code deadline} at the latest: how
     * {@link ModelTransport} makes {@code model.deadline} bound a whole answer, retries included.
     */
    static <T> T within(Instant deadline, Supplier<T> call) {
        Instant previous = DEADLINE.get();
        DEADLINE.set(deadline);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(previous);
            }
        }
    }

    /**
     * Runs {@code call}, a streaming chat call, with {@code onEnd} run when a stream it starts on this thread has
     * ended and every event has been handed to the model client: a client that has not completed by then never will.
     */
    static void streaming(Runnable onEnd, Runnable call) {
        STREAM_END.set(onEnd);
        try {
            call.run();
        } finally {
            STREAM_END.remove();
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Guard guard = new Guard(deadline());
        try {
            CompletableFuture<HttpResponse<InputStream>> sent =
                    jdk.sendAsync(toJdk(request), BodyHandlers.ofInputStream());
            guard.watch(sent);
            HttpResponse<InputStream> response;
            try {
                response = sent.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the model server", e);
            } catch (ExecutionException | CancellationException e) {
                throw failure(guard, e instanceof ExecutionException ? e.getCause() : e);
            }
            try (LimitedStream in = guard.attach(response.body())) {
                if (!isSuccessful(response)) {
                    throw new HttpException(response.statusCode(), in.readAtMost());
                }
                byte[] body = in.readAll();
                if (!CheckedStreamListener.isJsonObject(body)) {
                    throw new UncheckedIOException(new RefusedReply(ModelErrors.unreadable()));
                }
                return SuccessfulHttpResponse.builder()
                        .statusCode(response.statusCode())
                        .headers(response.headers().map())
                        .body(body)
                        .build();
            } catch (IOException e) {
                throw failure(guard, e);
            }
        } finally {
            guard.close();
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Guard guard = new Guard(deadline());
        CheckedStreamListener checked =
                new CheckedStreamListener(listener, guard::refusal, guard::refuseAndClose, STREAM_END.get());
        CompletableFuture<HttpResponse<InputStream>> sent;
        try {
            sent = jdk.sendAsync(toJdk(request), BodyHandlers.ofInputStream());
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
        guard.watch(sent);
        sent.thenAccept(response -> {
                    try (LimitedStream in = guard.attach(response.body())) {
                        if (!isSuccessful(response)) {
                            checked.onError(new HttpException(response.statusCode(), in.readAtMost()));
                            return;
                        }
                        checked.open(SuccessfulHttpResponse.builder()
                                .statusCode(response.statusCode())
                                .headers(response.headers().map())
                                .build());
                        parser.parse(in, checked);
                        checked.finish();
                    } catch (IOException | RuntimeException e) {
                        checked.onError(failure(guard, e));
                    } finally {
                        guard.close();
                    }
                })
                .exceptionally(t -> {
                    checked.onError(failure(guard, t));
                    guard.close();
                    return null;
                });
    }

    private Instant deadline() {
        Instant own = Instant.now().plus(settings.deadline());
        Instant answer = DEADLINE.get();
        return answer != null && answer.isBefore(own) ? answer : own;
    }

    /** What a failed request reports: the refusal when there was one, else the error as LangChain4j reports it. */
    private RuntimeException failure(Guard guard, Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        RefusedReply refused = guard.refusal();
        if (refused == null && cause instanceof RefusedReply r) {
            refused = r;
        }
        if (refused != null) {
            return new UncheckedIOException(refused);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TimeoutException(cause);
        }
        if (cause instanceof RuntimeException re) {
            return re;
        }
        return cause instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(cause);
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("form data is not sent to a model server");
        }
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        b.method(
                request.method().name(),
                request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        return b.build();
    }

    private static boolean isSuccessful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    /** One request's deadline: when it passes, the request is cancelled and its body closed. */
    private final class Guard implements AutoCloseable {

        private final ScheduledFuture<?> timer;
        private volatile CompletableFuture<?> sent;
        private volatile LimitedStream body;
        private volatile RefusedReply refusal;

        Guard(Instant deadline) {
            long delay = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
            this.timer = TIMER.schedule(this::expire, delay, TimeUnit.NANOSECONDS);
        }

        void watch(CompletableFuture<?> future) {
            this.sent = future;
            if (refusal != null) {
                future.cancel(true);
            }
        }

        LimitedStream attach(InputStream in) {
            LimitedStream limited = new LimitedStream(in, settings.maxReplyBytes(), this);
            this.body = limited;
            if (refusal != null) {
                limited.closeQuietly();
            }
            return limited;
        }

        RefusedReply refusal() {
            return refusal;
        }

        void refuse(RefusedReply reason) {
            if (refusal == null) {
                refusal = reason;
            }
        }

        void refuseAndClose(RefusedReply reason) {
            refuse(reason);
            LimitedStream b = body;
            if (b != null) {
                b.closeQuietly();
            }
        }

        private void expire() {
            refuse(new RefusedReply(errors.pastDeadline()));
            CompletableFuture<?> s = sent;
            if (s != null) {
                s.cancel(true);
            }
            LimitedStream b = body;
            if (b != null) {
                b.closeQuietly();
            }
        }

        @Override
        public void close() {
            timer.cancel(false);
            LimitedStream b = body;
            if (b != null) {
                b.closeQuietly();
            }
        }
    }

    /** A body read through a counter: past the cap, or once refused, every read throws the refusal. */
    private final class LimitedStream extends InputStream {

        private final InputStream in;
        private final long max;
        private final Guard guard;
        private long count;

        LimitedStream(InputStream in, long max, Guard guard) {
            this.in = in;
            this.max = max;
            this.guard = guard;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            RefusedReply refused = guard.refusal();
            if (refused != null) {
                throw refused;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                RefusedReply why = guard.refusal();
                throw why != null ? why : e;
            }
            if (n > 0) {
                count += n;
                if (count > max) {
                    guard.refuse(new RefusedReply(errors.tooLarge()));
                    closeQuietly();
                    throw guard.refusal();
                }
            }
            return n;
        }

        /** The whole body; refused past the cap. */
        byte[] readAll() throws IOException {
            return readAllBytes();
        }

        /** An error body, cut at the cap (an error's status is its reason; its body is never shown). */
        String readAtMost() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long left = max;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                out.write(buf, 0, n);
                left -= n;
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        void closeQuietly() {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // closing is best effort: the request is being abandoned
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }
}
