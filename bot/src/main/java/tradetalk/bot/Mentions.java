package tradetalk.bot;

import java.util.regex.Pattern;

/**
 * Defuses Discord mention syntax: {@code @everyone}, {@code @here} and {@code <@id>}, {@code <@!id>},
 * {@code <@&role>} get a zero-width space after the {@code @}, so they show as typed but never ping. Applied by
 * {@link Messages} to everything the bot sends (which also sends with allowed mentions empty); nothing else defuses.
 */
final class Mentions {

    /** Inserted after the {@code @}. */
    static final String ZERO_WIDTH_SPACE = "\u200B";

    /** An {@code @} that would ping and is not defused yet: defusing twice changes nothing. */
    private static final Pattern MENTION = Pattern.compile("(?i)(?<=<)@(?!\u200B)|@(?=everyone|here)");

    private Mentions() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The text with every mention defused; null becomes "". Idempotent. */
    static String defuse(String text) {
        return text == null ? "" : MENTION.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE);
    }
}
