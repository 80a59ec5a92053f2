package tradetalk.bot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tradetalk.bot.Tradetalk;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.index.IngestReport;

/**
 * {@code tradetalk ingest}: reads article files and directories into the index. Exit code 0 when everything went in,
 * 3 when some input was skipped (each is reported with its reason), 1 on failure.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest article files or directories (plain text, Markdown, HTML, JSON, JSONL). "
                + "Exit code 3 when some input was skipped.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (read recursively).")
    List<Path> paths;

    @Override
    public Integer call() {
        try (Tradetalk tt = app.open()) {
            IngestReport r = tt.ingest(paths);
            int total = tt.index().articleCount();
            if (app.json()) {
                app.out().println(Views.json(Views.ingest(r, total)));
            } else {
                for (Rejected x : r.rejected()) {
                    app.err().printf("tradetalk: skipped %s: %s%n", x.source(), x.reason());
                }
                app.out().printf("Ingested %d new and %d changed articles (%d unchanged, %d passages) in %.1f s; "
                                + "%d articles in %s.%n", r.added(), r.replaced(), r.unchanged(), r.passages(),
                        r.millis() / 1000, total, tt.config().index().dir());
                if (!r.rejected().isEmpty()) {
                    app.out().printf("Skipped %d input(s); see the messages above.%n", r.rejected().size());
                }
            }
            return r.clean() ? 0 : Cli.PARTIAL;
        }
    }
}
