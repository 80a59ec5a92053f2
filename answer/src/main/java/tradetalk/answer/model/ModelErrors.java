package tradetalk.answer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies what went wrong in a model call: whether it is worth retrying (HTTP 429 and 5xx only), and a short
 * reason for the member and the log (status code, timeout, connection, JSON) that never contains a response body
 * or the API key.
 */
public final class ModelErrors {

    private final ModelSettings settings;

    /** @param settings the model settings (timeout and base URL for the reasons, API key to scrub) */
    public ModelErrors(ModelSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * True for HTTP 429 and 5xx (as status codes, or as LangChain4j's rate-limit exception) anywhere in the chain. A
     * reply that arrived but could not be read (LangChain4j's "no choices returned", an {@link InternalServerException}
     * with no status) is not retried.
     */
    public boolean isRetriable(Throwable t) {
        for (Throwable c : chain(t)) {
            if (c instanceof HttpException h) {
                return h.statusCode() == 429 || h.statusCode() >= 500;
            }
            if (c instanceof RefusedReply) {
                return false;
            }
            if (c instanceof RateLimitException) {
                return true;
            }
        }
        return false;
    }

    /** The short reason for {@code t}, the API key masked. */
    public String reason(Throwable t) {
        return scrub(classify(t));
    }

    /** "model timed out after 30s". */
    public String timedOut() {
        return "model timed out after " + human(settings.timeout());
    }

    /** "30s", "2m", "1500ms". */
    static String human(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        return d.toSeconds() % 60 == 0 && d.toSeconds() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    /** "4 MiB", "1500 bytes". */
    static String bytes(long n) {
        if (n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        return n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes";
    }

    /** "model did not finish its answer within 2m (model.deadline)". */
    public String pastDeadline() {
        return "model did not finish its answer within " + human(settings.deadline()) + " (model.deadline)";
    }

    /** "model reply passed 4 MiB (model.max-reply-bytes) and was refused". */
    public String tooLarge() {
        return "model reply passed " + bytes(settings.maxReplyBytes()) + " (model.max-reply-bytes) and was refused";
    }

    /** What a reply that arrived but is not a chat reply (not JSON, or JSON of another shape) is reported as. */
    public static String unreadable() {
        return "model server sent an unreadable reply (not a chat response)";
    }

    private String classify(Throwable t) {
        List<Throwable> chain = chain(t);
        for (Throwable c : chain) {
            if (c instanceof RefusedReply r) {
                return r.getMessage();
            }
        }
        for (Throwable c : chain) {
            if (c instanceof HttpException h) {
                return httpReason(h.statusCode());
            }
        }
        for (Throwable c : chain) {
            if (c instanceof dev.langchain4j.exception.TimeoutException
                    || c instanceof SocketTimeoutException
                    || (c instanceof HttpTimeoutException && !(c instanceof HttpConnectTimeoutException))
                    || c instanceof java.util.concurrent.TimeoutException) {
                return timedOut();
            }
            if (c instanceof ConnectException
                    || c instanceof HttpConnectTimeoutException
                    || c instanceof UnresolvedAddressException
                    || c instanceof UnknownHostException
                    || c instanceof UnresolvedModelServerException) {
                return "could not connect to the model server at " + hostAndPort();
            }
            if (c instanceof RateLimitException) {
                return httpReason(429);
            }
        }
        for (Throwable c : chain) {
            // what the clients throw when a 200 reply is not the JSON they expect: a parse error, a missing field
            // (a NullPointerException, or "no choices returned" as an InternalServerException with no status)
            if (c instanceof JsonProcessingException
                    || c instanceof NullPointerException
                    || c instanceof ClassCastException
                    || c instanceof InternalServerException) {
                return unreadable();
            }
        }
        Throwable root = chain.getLast();
        return "model call failed (" + root.getClass().getSimpleName() + ")";
    }

    private static String httpReason(int status) {
        return switch (status) {
            case 401, 403 -> "model server refused the credentials (HTTP " + status + "): check model.api-key";
            case 404 -> "model server returned HTTP 404: check model.base-url and model.name";
            case 429 -> "model server is rate limiting (HTTP 429)";
            default -> "model server returned HTTP " + status;
        };
    }

    private String hostAndPort() {
        URI uri = URI.create(settings.effectiveBaseUrl());
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private String scrub(String reason) {
        String key = settings.apiKey();
        return key == null ? reason : reason.replace(key, "****");
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null && out.size() < 20 && !out.contains(c); c = c.getCause()) {
            out.add(c);
        }
        return out;
    }
}
