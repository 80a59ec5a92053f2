package tradetalk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradetalk.cli.config.HealthConfig;
import tradetalk.cli.health.HealthCheck;

/**
 * {@code tradetalk health}: a cheap check for container health probes. The configuration loads, the index opens
 * read-only and has articles (unless {@code health.allow-empty-index}), and the running {@code discord} and
 * {@code watch} processes report a connected gateway and working feeds in their status files ({@code health.dir}).
 * No model is loaded, nothing is written, no segment data is read: {@code check} verifies checksums (and says so
 * in its output).
 */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "Quick health probe (e.g. Docker HEALTHCHECK): the configuration loads, the index can be read "
                + "and has articles (unless health.allow-empty-index), and the running discord and watch processes "
                + "report a connected gateway and working feeds (health.dir). Loads no model, changes nothing. "
                + "Exit 0 when healthy, 1 with the reasons when not.")
final class HealthCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Override
    public Integer call() {
        try (Tradetalk tt = app.open()) {
            boolean exists = AppOptions.missingIndex(tt.config()) == null;
            var index = new HealthCheck.IndexState(
                    tt.indexName(), exists, exists ? tt.index().articleCount() : 0);
            HealthConfig health = tt.config().health();
            HealthCheck.Report r = new HealthCheck()
                    .check(
                            index,
                            health.allowEmptyIndex(),
                            health.dirPath(),
                            tt.clock().instant());
            if (app.json()) {
                app.out().println(Views.json(HealthCheck.json(r)));
            } else {
                StringBuilder line = new StringBuilder(r.healthy() ? "ok: " : "unhealthy: ");
                if (!r.healthy()) {
                    line.append(String.join("; ", r.problems())).append("; ");
                }
                line.append(r.index().articles())
                        .append(" article(s) in ")
                        .append(r.index().name());
                r.notes().forEach(n -> line.append("; ").append(n));
                line.append("; ").append(HealthCheck.NOT_CHECKED);
                app.out().println(line);
            }
            app.out().flush();
            return r.healthy() ? 0 : Cli.FAILED;
        }
    }
}
