package tradetalk.bot;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * One line for an error Discord's API answered (an {@link ErrorResponseException}: 404 Unknown Channel, 403 Missing
 * Permissions, ...): the status, Discord's meaning and code, and what the operator can check. Never the token.
 */
public final class DiscordErrors {

    private DiscordErrors() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The Discord error in {@code t}'s cause chain, or null when there is none. */
    public static ErrorResponseException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ErrorResponseException e) {
                return e;
            }
        }
        return null;
    }

    /**
     * "Discord answered 404 Unknown Channel (code 10003) when posting the digest: the channel was deleted or the
     * bot cannot see it; check discord.digest-channel".
     *
     * @param doing what the bot was doing, e.g. "registering the global commands"
     */
    public static String describe(ErrorResponseException e, String doing) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code;
        String meaning = e.getMeaning() == null ? "" : e.getMeaning().strip();
        StringBuilder sb = new StringBuilder("Discord answered ");
        if (status > 0) {
            sb.append(status).append(' ');
        }
        sb.append(meaning.isEmpty() ? "an error" : meaning);
        if (e.getErrorCode() > 0) {
            sb.append(" (code ").append(e.getErrorCode()).append(')');
        }
        sb.append(" when ").append(doing);
        String hint = hint(e);
        if (hint != null) {
            sb.append(": ").append(hint);
        }
        return sb.toString().replace('\n', ' ');
    }

    private static String hint(ErrorResponseException e) {
        return switch (e.getErrorResponse()) {
            case UNKNOWN_APPLICATION ->
                "Discord knows no application for this bot token; check TRADETALK_DISCORD_TOKEN / discord.token "
                        + "(Bot > Reset Token in the developer portal)";
            case UNKNOWN_GUILD ->
                "the bot is not in that server (or it was deleted); check discord.guild-ids and invite the bot";
            case UNKNOWN_CHANNEL ->
                "the channel was deleted or the bot cannot see it; check discord.digest-channel and "
                        + "discord.allowed-channels, and the bot's role in that channel";
            case UNKNOWN_MESSAGE, UNKNOWN_INTERACTION, UNKNOWN_WEBHOOK ->
                "the message or interaction is gone (deleted, or expired before the bot replied)";
            case MISSING_ACCESS, MISSING_PERMISSIONS ->
                "the bot's role lacks a permission there (View Channel, Send Messages, Create Public Threads)";
            default -> null;
        };
    }
}
