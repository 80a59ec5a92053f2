package tradetalk.answer.model;

import java.util.regex.Pattern;

/**
 * Defuses Discord mention syntax in model text: {@code @everyone}, {@code @here} and {@code <@id>}, {@code <@!id>},
 * {@code <@&role>} get a zero-width space after the {@code @}, so they show as typed but never ping. The bot also sends
 * with pings disabled; this is defence in depth.
 */
public final class Mentions {

    /** Inserted after the {@code @}. */
    public static final String ZERO_WIDTH_SPACE = "\u200B";

    /** An {@code @} that would ping and is not defused yet: neutralising twice changes nothing. */
    private static final Pattern MENTION = Pattern.compile("(?i)(?<=<)@(?!\u200B)|@(?=everyone|here)");

    private Mentions() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The text with every mention defused; null stays null. Idempotent. */
    public static String neutralize(String text) {
        return text == null ? null : MENTION.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE);
    }
}
