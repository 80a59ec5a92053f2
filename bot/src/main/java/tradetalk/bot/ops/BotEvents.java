package tradetalk.bot.ops;

import java.util.List;

/**
 * What the bot's edges report for operators: each question's end and each rate-limit refusal. The metrics and the
 * question log listen; the services that answer know nothing of either.
 */
public interface BotEvents {

    /** Nobody listens. */
    BotEvents NONE = new BotEvents() {};

    /** A question ended (answered, declined, invalid or failed). */
    default void question(Question q) {}

    /**
     * A request was refused by the rate limits.
     *
     * @param scope "user" (the member's cooldown) or "guild" (the server's budget)
     */
    default void rateLimited(String scope) {}

    /** Every listener in turn; one that throws does not keep the others from hearing. */
    static BotEvents all(List<BotEvents> listeners) {
        List<BotEvents> copy = List.copyOf(listeners);
        return new BotEvents() {
            @Override
            public void question(Question q) {
                copy.forEach(l -> Safely.run("question", () -> l.question(q)));
            }

            @Override
            public void rateLimited(String scope) {
                copy.forEach(l -> Safely.run("rate limit", () -> l.rateLimited(scope)));
            }
        };
    }
}
