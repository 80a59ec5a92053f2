package tradetalk.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading an article record's fields, with aliases, from JSON records or YAML front matter. Each field has a type and
 * a value of another type rejects the record naming the field: nothing is guessed from a list, an object or (in JSON)
 * a number where text belongs.
 */
final class Fields {

    /** Where a record comes from: YAML reads a plain {@code title: 1984} as a number the writer meant as text. */
    enum Syntax {
        JSON,
        YAML
    }

    private Fields() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * One text value (title, date, url, body): the first non-blank value among the given keys, stripped; empty when
     * none is set (absent or null).
     *
     * @throws MalformedArticleException "field 'date' must be text, found an object" when a present key holds a list,
     *                                   an object or (in JSON) a number or boolean
     */
    static String text(JsonNode record, Syntax syntax, String... keys) throws MalformedArticleException {
        String first = "";
        for (String key : keys) {
            JsonNode node = record.get(key);
            if (absent(node)) {
                continue;
            }
            if (!scalarText(node, syntax)) {
                throw wrongType(key, "text", node);
            }
            if (first.isBlank()) {
                first = node.asText();
            }
        }
        return first.strip();
    }

    /**
     * Names (author, source, category): text, an object whose {@code name} is text, or a list of these, joined with
     * ", "; empty when none is set.
     *
     * @throws MalformedArticleException when a present key or a list entry holds anything else
     */
    static String names(JsonNode record, Syntax syntax, String... keys) throws MalformedArticleException {
        String first = "";
        for (String key : keys) {
            JsonNode node = record.get(key);
            if (absent(node)) {
                continue;
            }
            String value;
            if (node.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode entry : node) {
                    String part = name(entry, key, syntax).strip();
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
                value = String.join(", ", parts);
            } else {
                value = name(node, key, syntax);
            }
            if (first.isBlank()) {
                first = value;
            }
        }
        return first.strip();
    }

    /**
     * Loosely typed text for markup found on web pages (JSON-LD): strings, numbers and booleans as text, lists joined
     * with ", ", objects by their "name"; empty when none is set. Article records use the typed readers above.
     */
    static String loose(JsonNode record, String... keys) {
        for (String key : keys) {
            String value = asLooseText(record.get(key));
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static String name(JsonNode node, String key, Syntax syntax) throws MalformedArticleException {
        if (absent(node)) {
            return "";
        }
        if (scalarText(node, syntax)) {
            return node.asText();
        }
        JsonNode name = node.isObject() ? node.get("name") : null;
        if (name != null && (absent(name) || scalarText(name, syntax))) {
            return absent(name) ? "" : name.asText();
        }
        throw wrongType(key, "text, a list of text or an object with a \"name\"", node);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static boolean scalarText(JsonNode node, Syntax syntax) {
        return node.isTextual() || (syntax == Syntax.YAML && (node.isNumber() || node.isBoolean()));
    }

    private static MalformedArticleException wrongType(String key, String expected, JsonNode found) {
        String kind = switch (found.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> found.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
        return new MalformedArticleException("field '" + key + "' must be " + expected + ", found " + kind);
    }

    private static String asLooseText(JsonNode node) {
        if (absent(node)) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> {
                String t = asLooseText(n).strip();
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            });
            return String.join(", ", parts);
        }
        return asLooseText(node.get("name"));
    }
}
