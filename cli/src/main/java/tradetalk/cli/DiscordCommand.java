package tradetalk.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradetalk.bot.DiscordBot;
import tradetalk.bot.DiscordConfig;
import tradetalk.cli.health.StatusReporter;
import tradetalk.ingest.feed.FeedRefresher;

/**
 * {@code tradetalk discord}: runs the Discord bot until SIGTERM / Ctrl-C, then lets running answers finish (or tells
 * their members) and closes the index.
 */
@Command(
        name = "discord",
        mixinStandardHelpOptions = true,
        description = "Run the Discord bot (token from TRADETALK_DISCORD_TOKEN or discord.token).")
final class DiscordCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DiscordCommand.class);

    @Mixin
    AppOptions app;

    @Override
    public Integer call() throws Exception {
        StopSignal stop = StopSignal.install(); // before connecting: a SIGTERM from then on stops gracefully
        Tradetalk tt = app.open();
        DiscordConfig config = tt.config().discord();
        DiscordBot.requireToken(config);
        // for `tradetalk health`: starting until the gateway connects, then the state of each shard and the feeds
        AtomicReference<DiscordBot> running = new AtomicReference<>();
        AtomicReference<FeedRefresher> feeds = new AtomicReference<>();
        StatusReporter status = StatusReporter.start(
                tt.config().health().dirPath(),
                "discord",
                config.sharding().enabled()
                        ? "discord-shards-" + config.shards().replace(',', '_')
                        : "discord",
                () -> running.get() == null ? Map.of() : running.get().gatewayStates(),
                () -> StatusReporter.feeds(feeds.get()),
                tt.clock());
        DiscordBot bot;
        try {
            tt.ingestDefaultsIfEmpty(app.err());
            bot = tt.startDiscordBot(config, tt.clock());
            running.set(bot);
            if (tt.config().feeds().refresh()) {
                tt.feedRefresher().start(); // keeps the index current from feeds.sources while the bot runs
                feeds.set(tt.feedRefresher().feeds().isEmpty() ? null : tt.feedRefresher());
            } else {
                log.info("feeds.refresh is false: this bot does not refresh feeds (tradetalk watch does)");
            }
            status.write();
        } catch (RuntimeException | InterruptedException e) {
            status.close();
            tt.close();
            throw e;
        }
        app.err().println("tradetalk: the Discord bot is running; stop it with Ctrl-C or SIGTERM");
        try {
            stop.await();
        } finally {
            log.info("Stopping the Discord bot");
            try {
                bot.close(); // running answers finish (or their members are told), then the gateway closes
            } finally {
                status.close();
                tt.close();
            }
        }
        return 0;
    }
}
