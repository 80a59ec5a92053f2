package tradetalk.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's server-side limits for message payloads. JDA checks most of them on the client side, but not the
 * 6000-character total across all embeds of one message, and a fake must refuse what Discord refuses anyway.
 */
final class MessageLimits {

    static final int MAX_CONTENT = 2000;
    static final int MAX_EMBEDS = 10;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_FIELDS = 25;
    static final int MAX_FIELD_NAME = 256;
    static final int MAX_FIELD_VALUE = 1024;
    static final int MAX_FOOTER = 2048;
    static final int MAX_AUTHOR = 256;
    static final int MAX_EMBED_TOTAL = 6000;

    private MessageLimits() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Checks a message create/edit body.
     *
     * @return human-readable violations, empty when the body is acceptable
     */
    static List<String> violations(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return errors;
        }
        JsonNode content = body.path("content");
        if (content.isTextual() && length(content.asText()) > MAX_CONTENT) {
            errors.add("content: Must be " + MAX_CONTENT + " or fewer in length.");
        }
        JsonNode embeds = body.path("embeds");
        if (embeds.isArray()) {
            if (embeds.size() > MAX_EMBEDS) {
                errors.add("embeds: Must be " + MAX_EMBEDS + " or fewer in length.");
            }
            int total = 0;
            for (int i = 0; i < embeds.size(); i++) {
                total += checkEmbed(embeds.get(i), "embeds." + i, errors);
            }
            if (total > MAX_EMBED_TOTAL) {
                errors.add("embeds: Embed size exceeds maximum size of " + MAX_EMBED_TOTAL);
            }
        }
        return errors;
    }

    /** Adds violations of one embed and returns its text length. */
    private static int checkEmbed(JsonNode embed, String where, List<String> errors) {
        int total = 0;
        total += checkText(embed.path("title"), MAX_TITLE, where + ".title", errors);
        total += checkText(embed.path("description"), MAX_DESCRIPTION, where + ".description", errors);
        total += checkText(embed.path("footer").path("text"), MAX_FOOTER, where + ".footer.text", errors);
        total += checkText(embed.path("author").path("name"), MAX_AUTHOR, where + ".author.name", errors);
        JsonNode fields = embed.path("fields");
        if (fields.isArray()) {
            if (fields.size() > MAX_FIELDS) {
                errors.add(where + ".fields: Must be " + MAX_FIELDS + " or fewer in length.");
            }
            for (int i = 0; i < fields.size(); i++) {
                JsonNode field = fields.get(i);
                total += checkText(field.path("name"), MAX_FIELD_NAME, where + ".fields." + i + ".name", errors);
                total += checkText(field.path("value"), MAX_FIELD_VALUE, where + ".fields." + i + ".value", errors);
            }
        }
        return total;
    }

    private static int checkText(JsonNode node, int max, String where, List<String> errors) {
        if (!node.isTextual()) {
            return 0;
        }
        int length = length(node.asText());
        if (length > max) {
            errors.add(where + ": Must be " + max + " or fewer in length.");
        }
        return length;
    }

    /** Discord counts Unicode code points. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
