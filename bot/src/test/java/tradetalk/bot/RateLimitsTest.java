package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void given_a_cooldown_when_a_user_asks_twice_then_the_second_is_refused_with_the_wait_and_others_may_ask() {
        RateLimits limits = new RateLimits(Duration.ofMinutes(5), 0, Duration.ofHours(1));

        assertThat(limits.tryAcquire("u1", "g")).isEmpty();
        assertThat(limits.tryAcquire("u1", "g")).hasValueSatisfying(r -> {
            assertThat(r.guildBudget()).isFalse();
            assertThat(r.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        });
        assertThat(limits.tryAcquire("u2", "g")).isEmpty();
    }

    @Test
    void given_a_guild_budget_when_it_is_spent_then_everyone_in_that_guild_is_refused_and_user_tokens_are_kept() {
        RateLimits limits = new RateLimits(Duration.ofMinutes(5), 2, Duration.ofHours(1));

        assertThat(limits.tryAcquire("u1", "g")).isEmpty();
        assertThat(limits.tryAcquire("u2", "g")).isEmpty();
        assertThat(limits.tryAcquire("u3", "g"))
                .hasValueSatisfying(r -> assertThat(r.guildBudget()).isTrue());
        assertThat(limits.tryAcquire("u3", "other-guild")).isEmpty();
    }

    @Test
    void given_limits_off_when_asking_often_then_nothing_is_refused() {
        RateLimits limits = new RateLimits(Duration.ZERO, 0, Duration.ofHours(1));

        for (int i = 0; i < 50; i++) {
            assertThat(limits.tryAcquire("u1", "g")).isEmpty();
        }
    }
}
