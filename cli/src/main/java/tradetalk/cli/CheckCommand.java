package tradetalk.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradetalk.store.lucene.IndexCheck;

/** {@code tradetalk check}: is the index sound, and if not, what is wrong and what to do. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check the index with Lucene's CheckIndex (every checksum verified, every segment read). "
                + "Changes nothing. Exit 0 when sound (or when there is no index yet), 1 when not.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Override
    public Integer call() {
        Path dir = app.loadConfig().index().dirPath();
        IndexCheck.Report r = IndexCheck.check(dir);
        if (app.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", dir.toString());
            m.put("status", r.status().name().toLowerCase(Locale.ROOT));
            m.put("sound", r.status() == IndexCheck.Status.SOUND);
            m.put("segments", r.segments());
            m.put("documents", r.documents());
            m.put("problems", r.problems());
            m.put("advice", r.advice());
            app.out().println(Views.json(m));
        } else {
            app.out().print(text(r));
        }
        app.out().flush();
        return r.ok() ? 0 : Cli.FAILED;
    }

    static String text(IndexCheck.Report r) {
        String dir = r.directory().toString();
        return switch (r.status()) {
            case SOUND ->
                String.format(
                        Locale.ROOT,
                        "The index at %s is sound: %d segment(s), %d documents, every " + "checksum verified.%n",
                        dir,
                        r.segments(),
                        r.documents());
            case EMPTY ->
                "There is no index at " + dir + " yet: nothing to check (`tradetalk ingest` creates one)."
                        + System.lineSeparator();
            case DAMAGED ->
                "The index at " + dir + " is damaged:" + System.lineSeparator()
                        + String.join(
                                "",
                                r.problems().stream()
                                        .map(p -> "  - " + p + System.lineSeparator())
                                        .toList())
                        + r.advice() + System.lineSeparator();
            case NOT_AN_INDEX, LOCKED ->
                r.problems().getFirst() + "." + System.lineSeparator() + r.advice() + System.lineSeparator();
        };
    }
}
