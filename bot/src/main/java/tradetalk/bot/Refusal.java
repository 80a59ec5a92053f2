package tradetalk.bot;

/**
 * Why the bot does not serve a request, and what to tell the member.
 *
 * @param kind    why
 * @param message what the member is told (privately)
 */
public record Refusal(Kind kind, String message) {

    /** Why a request is refused. */
    public enum Kind {
        /** The guild or channel is outside the allow-lists: commands get a short notice, mentions are ignored. */
        NOT_ENABLED,
        /** The command needs the Manage Server permission. */
        NOT_ADMIN,
        /** The member's cooldown or the guild's budget is spent; the message says when to retry. */
        RATE_LIMITED
    }

    /** Whether a mention refused for this reason gets no reply at all (nothing is said outside the allow-lists). */
    public boolean silentForMentions() {
        return kind == Kind.NOT_ENABLED;
    }
}
