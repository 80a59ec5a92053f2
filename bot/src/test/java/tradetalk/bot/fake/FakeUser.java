package tradetalk.bot.fake;

import java.util.Objects;

/**
 * A user known to {@link FakeDiscord}: the bot itself or one of the guild members tests act as.
 *
 * @param id snowflake id
 * @param username the user name shown in Discord
 * @param bot whether the account is a bot
 * @param admin whether the member holds the guild's "admin" role (MANAGE_SERVER)
 */
public record FakeUser(String id, String username, boolean bot, boolean admin) {

    /** Validates the components. */
    public FakeUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }

    /** The mention markup Discord uses for this user, e.g. {@code <@123>}. */
    public String mention() {
        return "<@" + id + ">";
    }
}
