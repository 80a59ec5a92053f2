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

    /** True for HTTP 429 and 5xx (as status codes or as LangChain4j's mapped exceptions) anywhere in the chain. */
    public boolean isRetriable(Throwable t) {
        for (Throwable c : chain(t)) {
            if (c instanceof HttpException h) {
                return h.statusCode() == 429 || h.statusCode() >= 500;
            }
            if (c instanceof RateLimitException || c instanceof InternalServerException) {
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
        Duration d = settings.timeout();
        String human = d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        return "model timed out after " + human;
    }

    private String classify(Throwable t) {
        List<Throwable> chain = chain(t);
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
            if (c instanceof JsonProcessingException) {
                return "model server returned malformed JSON";
            }
            if (c instanceof RateLimitException) {
                return httpReason(429);
            }
            if (c instanceof InternalServerException) {
                return "model server returned a server error";
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
