package tradetalk.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.cli.health.StatusReporter;
import tradetalk.ingest.feed.FeedRefresher;
import tradetalk.ingest.feed.FeedResult;

/**
 * {@code tradetalk watch}: keeps the index current from the feeds in {@code feeds.sources} until stopped (SIGINT or
 * SIGTERM), or refreshes every feed once with {@code --once} (for cron). Exit code 3 when a feed failed in
 * {@code --once}. While it runs, the last refresh of each feed is in {@code <health.dir>/watch.json} for
 * {@code tradetalk health}.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Refresh the configured feeds (feeds.sources) on their intervals until stopped; --once "
                + "refreshes each once and exits (exit code 3 when a feed failed).")
final class WatchCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(names = "--once", description = "Refresh every feed once, then exit.")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        Tradetalk tt = app.open();
        FeedRefresher refresher;
        try {
            if (!once) {
                tt.startMetrics(); // metrics.enabled: feed refreshes and the index's size for Prometheus
            }
            refresher = tt.feedRefresher();
            if (refresher.feeds().isEmpty()) {
                throw new UserError("no feeds configured: add feeds.sources to the config file "
                        + "(see docs/operating.md, \"Feeds\")");
            }
        } catch (RuntimeException e) {
            tt.close();
            throw e;
        }
        if (once) {
            try (tt) {
                List<FeedResult> results = refresher.refreshAll(TerminalProgress.forConsole(app.err(), app.json()));
                for (FeedResult r : results) {
                    app.out().println(app.json() ? Views.json(Views.feedResult(r)) : Views.feedResultText(r));
                }
                return results.stream().allMatch(FeedResult::ok) ? 0 : Cli.PARTIAL;
            }
        }
        StopSignal stop = StopSignal.install();
        // for `tradetalk health`: the last refresh of each feed
        FeedRefresher watched = refresher;
        StatusReporter status = StatusReporter.start(
                tt.config().health().dirPath(),
                "watch",
                "watch",
                Map::of,
                () -> StatusReporter.feeds(watched),
                tt.clock());
        try {
            refresher.start();
            app.err()
                    .printf(
                            "tradetalk: watching %d feed(s); stop with Ctrl-C%n",
                            refresher.feeds().size());
            stop.await();
        } finally {
            try {
                tt.close(); // stops the refresher after the feed in progress, then closes the index
            } finally {
                status.close();
            }
        }
        return 0;
    }
}
