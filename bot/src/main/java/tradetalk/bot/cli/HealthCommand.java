package tradetalk.bot.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradetalk.bot.Tradetalk;

/**
 * {@code tradetalk health}: a cheap check for container health probes. The configuration loads and the index opens
 * read-only and can be counted; no model is loaded, nothing is written. Use {@code check} to verify checksums.
 */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "Quick health probe (e.g. Docker HEALTHCHECK): the configuration loads and the index can be "
                + "read. Loads no model, changes nothing. Exit 0 when healthy, 1 with the reason when not.")
final class HealthCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Override
    public Integer call() {
        try (Tradetalk tt = app.open()) {
            int articles = tt.index().articleCount();
            String dir = tt.config().index().dirPath().toString();
            if (app.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", "ok");
                m.put("index", dir);
                m.put("articles", articles);
                app.out().println(Views.json(m));
            } else {
                app.out().printf("ok: %d article(s) in %s%n", articles, dir);
            }
            app.out().flush();
            return 0;
        }
    }
}
