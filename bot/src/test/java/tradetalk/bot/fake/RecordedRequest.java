package tradetalk.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One REST request received by {@link FakeDiscord}, with the fake's answer.
 *
 * @param method HTTP method, upper case
 * @param path path relative to {@code /api/v10/}, without query, e.g. {@code channels/1/messages}
 * @param query raw query string, empty if none
 * @param headers request headers, names in lower case
 * @param body the parsed JSON body (for multipart requests the {@code payload_json} part), or a
 *     {@code MissingNode} when there was no JSON
 * @param rawBody the body as text
 * @param time when the request arrived
 * @param status the HTTP status the fake answered with
 * @param responseBody the JSON the fake answered with, or a {@code MissingNode} for 204
 * @param bytes the body as received (attachments are binary)
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        JsonNode body,
        String rawBody,
        Instant time,
        int status,
        JsonNode responseBody,
        byte[] bytes) {

    /**
     * The content of the multipart part that uploads {@code filename} (an attachment), or empty when the request has
     * none.
     */
    public Optional<byte[]> file(String filename) {
        String type = header("content-type").orElse("");
        int b = type.indexOf("boundary=");
        if (!type.startsWith("multipart/form-data") || b < 0) {
            return Optional.empty();
        }
        byte[] boundary = ("--" + type.substring(b + 9).replace("\"", "")).getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        String delimiter = new String(boundary, StandardCharsets.ISO_8859_1);
        int name = text.indexOf("filename=\"" + filename + "\"");
        if (name < 0) {
            return Optional.empty();
        }
        int start = text.indexOf("\r\n\r\n", name) + 4;
        int end = text.indexOf("\r\n" + delimiter, start);
        return start < 4 || end < 0 ? Optional.empty() : Optional.of(java.util.Arrays.copyOfRange(bytes, start, end));
    }

    /** The first value of a request header (name is case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
}
