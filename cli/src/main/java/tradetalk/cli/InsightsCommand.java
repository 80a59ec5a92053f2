package tradetalk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.bot.FeedbackStore;
import tradetalk.bot.Insights;
import tradetalk.bot.InsightsChart;
import tradetalk.bot.InsightsViews;

/**
 * {@code tradetalk insights}: what members asked the Discord bot (its question log, {@code insights.dir}) over the
 * last days: questions per day, answered against declined (also a PNG chart), the declined questions grouped by
 * meaning, and the feedback votes with the answers they rate.
 */
@Command(
        name = "insights",
        mixinStandardHelpOptions = true,
        description = "What members asked the Discord bot: questions per day (and a PNG chart), the declined questions "
                + "grouped by meaning (what the articles lack), and the feedback votes.")
final class InsightsCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(names = "--days", paramLabel = "N", description = "Days covered, ending today (default: insights.days).")
    Integer days;

    @Option(
            names = "--chart",
            paramLabel = "FILE",
            description = "Where the chart is written (PNG; default: ${DEFAULT-VALUE}).",
            defaultValue = "insights.png")
    Path chart;

    @Override
    public Integer call() {
        try (Tradetalk tt = app.open()) {
            int n = days == null ? tt.config().insights().days() : days;
            if (n < 1 || n > 366) {
                throw new UserError("--days must be 1 to 366, got " + n);
            }
            Insights.Report r;
            try (FeedbackStore feedback = tt.openFeedback(tt.config().discord())) {
                r = Insights.report(tt.config().insights(), tt.embedder(), feedback, n, tt.clock());
            }
            write(InsightsChart.png(r));
            if (app.json()) {
                app.out().println(Views.json(InsightsViews.json(r, chart.toString())));
            } else {
                app.out().print(InsightsViews.text(r));
                app.out().println("\nChart: " + chart);
            }
            return 0;
        }
    }

    private void write(byte[] png) {
        try {
            Path parent = chart.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(chart, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + chart + " (--chart): " + e.getMessage(), e);
        }
    }
}
