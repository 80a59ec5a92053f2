package tradetalk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-user cooldown and per-guild budget (bucket4j token buckets, kept in Caffeine caches so idle users are
 * forgotten). A request is allowed only when both buckets have a token; otherwise nothing is consumed and the caller
 * learns how long to wait.
 */
public final class RateLimits {

    private final Duration cooldown;
    private final int guildBudget;
    private final Duration guildPeriod;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> guilds;

    /**
     * @param cooldown    time between two requests of one user; zero = off
     * @param guildBudget requests per {@code guildPeriod} of one guild; 0 = unlimited
     * @param guildPeriod the budget's period
     */
    public RateLimits(Duration cooldown, int guildBudget, Duration guildPeriod) {
        this.cooldown = cooldown;
        this.guildBudget = guildBudget;
        this.guildPeriod = guildPeriod;
        this.users = Caffeine.newBuilder()
                .expireAfterAccess(cooldown.plusMinutes(1))
                .maximumSize(100_000)
                .build();
        this.guilds = Caffeine.newBuilder()
                .expireAfterAccess(guildPeriod.plusMinutes(1))
                .maximumSize(10_000)
                .build();
    }

    /** Why a request was refused and when to retry. */
    public record Refusal(boolean guildBudget, Duration retryAfter) {}

    /** Takes one request for the user in the guild, or says why not (then nothing is taken). */
    public synchronized Optional<Refusal> tryAcquire(String userId, String guildId) {
        Bucket user = cooldown.isZero()
                ? null
                : users.get(
                        userId,
                        k -> Bucket.builder()
                                .addLimit(l -> l.capacity(1).refillIntervally(1, cooldown))
                                .build());
        Bucket guild = guildBudget == 0 || guildId == null
                ? null
                : guilds.get(
                        guildId,
                        k -> Bucket.builder()
                                .addLimit(l -> l.capacity(guildBudget).refillGreedy(guildBudget, guildPeriod))
                                .build());
        if (user != null) {
            long wait = user.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (wait > 0) {
                return Optional.of(new Refusal(false, Duration.ofNanos(wait)));
            }
        }
        if (guild != null) {
            long wait = guild.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (wait > 0) {
                return Optional.of(new Refusal(true, Duration.ofNanos(wait)));
            }
        }
        if (user != null) {
            user.tryConsume(1);
        }
        if (guild != null) {
            guild.tryConsume(1);
        }
        return Optional.empty();
    }
}
