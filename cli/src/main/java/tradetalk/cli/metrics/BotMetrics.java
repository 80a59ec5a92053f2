package tradetalk.cli.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.Usage;
import tradetalk.bot.ops.BotEvents;
import tradetalk.bot.ops.Question;
import tradetalk.cli.health.ProcessStatus;
import tradetalk.ingest.feed.FeedListener;
import tradetalk.ingest.feed.FeedResult;
import tradetalk.ingest.feed.FeedSource;

/**
 * The product's meters, the one owner of their names and tags: questions by command and outcome, answer latency (a
 * histogram), model calls, fallbacks and tokens, rate-limit refusals, feed refreshes and failures, and the gauges of
 * the index and the gateway. It hears the bot's edges ({@link BotEvents}) and the feed refresher ({@link
 * FeedListener}); services know nothing of it.
 */
public final class BotMetrics implements BotEvents, FeedListener {

    private static final Logger log = LoggerFactory.getLogger(BotMetrics.class);

    /** The commands that answer questions, each with a series from the start (rate() needs the zero). */
    static final List<String> COMMANDS = List.of("ask", "mention", "follow-up", "status", "summary");

    private final MeterRegistry registry;

    public BotMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String command : COMMANDS) {
            for (Question.Outcome o : Question.Outcome.values()) {
                questions(command, o);
            }
            fallbacks(command);
        }
        rateLimits("user");
        rateLimits("guild");
    }

    @Override
    public void question(Question q) {
        questions(q.command(), q.outcome()).increment();
        if (q.outcome() == Question.Outcome.ANSWERED || q.outcome() == Question.Outcome.DECLINED) {
            latency(q.command()).record(q.latency());
        }
        Question.Result r = q.result();
        if (r == null || !r.modelCalled()) {
            return;
        }
        boolean failed = r.fallback() != null;
        Counter.builder("tradetalk.model.calls")
                .description(
                        "Calls to the configured model, by command and result (failed: the offline composer answered)")
                .tag("command", q.command())
                .tag("result", failed ? "failed" : "ok")
                .register(registry)
                .increment();
        if (failed) {
            fallbacks(q.command()).increment();
        }
        Usage u = r.usage();
        if (u != null) {
            tokens("in", u.tokensIn());
            tokens("out", u.tokensOut());
        }
    }

    @Override
    public void rateLimited(String scope) {
        rateLimits(scope).increment();
    }

    @Override
    public void refreshed(FeedSource feed, FeedResult result) {
        Counter.builder("tradetalk.feed.refreshes")
                .description("Feed refreshes, by feed and result")
                .tag("feed", feed.name())
                .tag("result", result.ok() ? "ok" : "failed")
                .register(registry)
                .increment();
        Counter failures = Counter.builder("tradetalk.feed.failures")
                .description("Feed refreshes that failed, by feed")
                .tag("feed", feed.name())
                .register(registry);
        if (!result.ok()) {
            failures.increment();
        }
    }

    /** The number of articles in the index, read at each scrape ({@code count} must be cheap). */
    public void indexArticles(LongSupplier count) {
        Gauge.builder("tradetalk.index.articles", () -> {
                    try {
                        return count.getAsLong();
                    } catch (RuntimeException e) {
                        log.debug("Article count for metrics failed: {}", e.toString());
                        return Double.NaN; // the store is down: no number rather than a wrong one
                    }
                })
                .description("Articles in the index")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Whether each gateway shard is connected (1) or not (0), read at each scrape.
     *
     * @param states the gateway state of each shard by shard id (JDA's status names); its shards when called are
     *               the gauges' shards
     */
    public void gateway(Supplier<Map<Integer, String>> states) {
        for (int shard : states.get().keySet()) {
            Gauge.builder(
                            "tradetalk.gateway.connected",
                            () -> ProcessStatus.CONNECTED.equals(states.get().get(shard)) ? 1 : 0)
                    .description("1 when the shard's gateway connection is up, else 0")
                    .tag("shard", String.valueOf(shard))
                    .strongReference(true)
                    .register(registry);
        }
    }

    private Counter questions(String command, Question.Outcome outcome) {
        return Counter.builder("tradetalk.questions")
                .description("Questions members asked, by command and outcome (answered, declined, invalid, failed)")
                .tag("command", command)
                .tag("outcome", outcome.label())
                .register(registry);
    }

    private Timer latency(String command) {
        return Timer.builder("tradetalk.answer")
                .description("Time from the start of the work to the answer sent, by command")
                .tag("command", command)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    private Counter fallbacks(String command) {
        return Counter.builder("tradetalk.model.fallbacks")
                .description("Answers written offline because the configured model failed, by command")
                .tag("command", command)
                .register(registry);
    }

    private void tokens(String direction, Integer n) {
        if (n != null && n > 0) {
            Counter.builder("tradetalk.model.tokens")
                    .description("Tokens the model server reported, by direction (in: prompt, out: completion)")
                    .tag("direction", direction)
                    .register(registry)
                    .increment(n);
        }
    }

    private Counter rateLimits(String scope) {
        return Counter.builder("tradetalk.rate.limited")
                .description("Requests refused by the rate limits, by scope (user cooldown, guild budget)")
                .tag("scope", scope)
                .register(registry);
    }
}
