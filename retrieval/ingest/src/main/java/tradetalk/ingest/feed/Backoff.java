package tradetalk.ingest.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for a failing feed: the n-th consecutive failure waits {@code initial * 2^(n-1)}, capped at
 * {@code max}. Small enough to own: the retry libraries on offer (resilience4j, failsafe) wrap synchronous calls,
 * while a feed is retried by rescheduling it on the refresher's scheduler.
 *
 * @param initial wait after the first failure
 * @param max     longest wait
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial back-off must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum back-off must be at least the initial one");
        }
    }

    /** The wait after {@code failures} consecutive failures (1 = the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        int shift = Math.min(failures - 1, 30);
        Duration d = initial.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }
}
