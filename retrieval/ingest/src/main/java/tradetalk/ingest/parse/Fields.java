package tradetalk.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading loosely typed string fields, with aliases, from JSON or YAML records. */
final class Fields {

    private Fields() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The first non-blank value among the given keys, stripped: strings as they are, numbers and booleans as text,
     * arrays joined with ", ", objects by their "name"; empty when none is set.
     */
    static String text(JsonNode record, String... keys) {
        for (String key : keys) {
            String value = asText(record.get(key));
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static String asText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> {
                String t = asText(n).strip();
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            });
            return String.join(", ", parts);
        }
        return asText(node.get("name"));
    }
}
