package tradetalk.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tradetalk.bot.ops.Questions;

/** Who may ask where and how often: the guild and channel allow-lists and the rate limits. */
public final class Access {

    private static final Refusal NOT_ENABLED =
            new Refusal(Refusal.Kind.NOT_ENABLED, "I am not enabled in this channel.");

    private final DiscordConfig config;
    private final RateLimits limits;
    private final Clock clock;
    private final Questions questions;

    public Access(DiscordConfig config, Clock clock) {
        this(config, clock, Questions.none());
    }

    /**
     * @param questions where rate-limit refusals are reported
     */
    public Access(DiscordConfig config, Clock clock, Questions questions) {
        this.questions = questions;
        this.config = config;
        this.limits = new RateLimits(config.cooldown(), config.guildBudget(), config.guildBudgetPeriod());
        this.clock = clock;
    }

    /** Whether the bot works in this guild and channel (for threads: the parent channel). */
    public boolean allowed(String guildId, String channelId) {
        return (config.allowedGuilds().isEmpty() || config.allowedGuilds().contains(guildId))
                && (config.allowedChannels().isEmpty()
                        || config.allowedChannels().contains(channelId));
    }

    /**
     * Checks a request: the allow-lists, then (when {@code rateLimited}) takes one request from the limits.
     *
     * @return the refusal, or empty when the request may go ahead
     */
    public Optional<Refusal> check(String userId, String guildId, String channelId, boolean rateLimited) {
        if (!allowed(guildId, channelId)) {
            return Optional.of(NOT_ENABLED);
        }
        return rateLimited ? limited(userId, guildId) : Optional.empty();
    }

    /** Takes one request from the limits; the refusal says when to retry. */
    private Optional<Refusal> limited(String userId, String guildId) {
        Optional<RateLimits.Refusal> r = limits.tryAcquire(userId, guildId);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        questions.rateLimited(r.get().guildBudget() ? "guild" : "user");
        Duration wait = r.get().retryAfter();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        long at = clock.instant().plus(wait).getEpochSecond() + 1;
        String message = r.get().guildBudget()
                ? "This server has used its question budget for now; please try again in " + human(seconds) + " (<t:"
                        + at + ":R>)."
                : "Please wait a moment between questions; you can ask again in " + human(seconds) + " (<t:" + at
                        + ":R>).";
        return Optional.of(new Refusal(Refusal.Kind.RATE_LIMITED, message));
    }

    private static String human(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 7200 ? (seconds + 59) / 60 + " min" : (seconds + 3599) / 3600 + " h";
    }
}
