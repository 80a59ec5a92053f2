package tradetalk.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradetalk.answer.UserError;
import tradetalk.ingest.feed.FeedResult;
import tradetalk.ingest.feed.FeedSource;
import tradetalk.ingest.feed.HostPolicy;
import tradetalk.ingest.feed.IngestProgress;
import tradetalk.retrieval.ControlChars;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.store.IngestReport;

/**
 * {@code tradetalk ingest}: reads article files and directories into the index, and/or refreshes feeds once
 * ({@code --feed URL}). Exit code 0 when everything went in, 3 when some input was rejected (each is reported with
 * its reason), 1 on failure. Files that are not articles (and feed teasers too short to be one) are skipped: listed,
 * not counted.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingest article files or directories (plain text, Markdown, HTML, JSON, JSONL), or the new "
                + "items of RSS/Atom feeds (--feed). Exit code 3 when some input was rejected (not an article, such as "
                + "a file of another type, is skipped and does not count).")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories (read recursively).")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--feed",
            paramLabel = "URL",
            description = "An RSS or Atom feed whose new items to fetch and ingest once (repeatable). A feed listed "
                    + "in feeds.sources keeps its name and keep filter.")
    List<URI> feeds = new ArrayList<>();

    @Override
    public Integer call() {
        if (paths.isEmpty() && feeds.isEmpty()) {
            throw new UserError("nothing to ingest: give files or directories (PATH), or --feed URL");
        }
        try (Tradetalk tt = app.open()) {
            IngestProgress progress = TerminalProgress.forConsole(app.err(), app.json());
            IngestReport r = paths.isEmpty() ? IngestReport.empty() : tt.ingest(paths, progress);
            List<FeedResult> results = new ArrayList<>();
            for (URI url : feeds) {
                FeedResult fr = tt.feedRefresher().refreshOne(source(tt, url), progress);
                results.add(fr);
                r = r.plus(
                        fr.ok()
                                ? fr.run().ingest()
                                : new IngestReport(0, 0, 0, 0, List.of(new Rejected(url.toString(), fr.error())), 0));
            }
            if (!feeds.isEmpty()) {
                tt.feedRefresher().applyRetention();
            }
            int total = tt.index().articleCount();
            if (!r.skipped().isEmpty()) {
                app.err()
                        .printf(
                                "tradetalk: %d input(s) are not articles and were skipped (%s)%n",
                                r.skipped().size(), examples(r.skipped()));
            }
            if (app.json()) {
                Map<String, Object> view = Views.ingest(r, total);
                if (!feeds.isEmpty()) {
                    view.put("feeds", results.stream().map(Views::feedResult).toList());
                }
                app.out().println(Views.json(view));
            } else {
                // a failed feed is in r.rejected() too (for the exit code); its one line is its result's, on stdout as
                // in watch
                java.util.Set<String> failedFeeds = new java.util.HashSet<>();
                for (int i = 0; i < results.size(); i++) {
                    if (!results.get(i).ok()) {
                        failedFeeds.add(feeds.get(i).toString());
                    }
                }
                for (Rejected x : r.rejected()) {
                    if (!failedFeeds.contains(x.source())) {
                        app.err()
                                .printf(
                                        "tradetalk: rejected %s: %s%n",
                                        ControlChars.field(x.source()), ControlChars.field(x.reason()));
                    }
                }
                results.forEach(fr -> app.out().println(Views.feedResultText(fr)));
                app.out()
                        .printf(
                                "Ingested %d new and %d changed articles (%d unchanged, %d passages) in %.1f s; "
                                        + "%d articles in %s.%n",
                                r.added(),
                                r.replaced(),
                                r.unchanged(),
                                r.passages(),
                                r.millis() / 1000,
                                total,
                                tt.indexName());
                if (!r.rejected().isEmpty()) {
                    app.out()
                            .printf(
                                    "Rejected %d input(s); see the messages above.%n",
                                    r.rejected().size());
                }
            }
            settle(tt, r);
            return r.clean() ? 0 : Cli.PARTIAL;
        }
    }

    /**
     * Waits for the sentence vectors the Lucene store computes once the passages are searchable (answers embed the
     * sentences themselves until they are there); Ctrl-C stops it and loses nothing but that speed-up.
     */
    private void settle(Tradetalk tt, IngestReport r) {
        if (r.added() + r.replaced() == 0
                || !tt.config().index().sentenceVectors()
                || tt.config().index().backendKind() != tradetalk.cli.config.IndexConfig.Backend.LUCENE) {
            return;
        }
        long t0 = System.nanoTime();
        if (!app.json()) {
            app.err()
                    .println(
                            "tradetalk: the articles are searchable; storing their sentence vectors (faster answers)...");
        }
        tt.index().settle();
        if (!app.json()) {
            app.err()
                    .printf(
                            java.util.Locale.ROOT,
                            "tradetalk: sentence vectors stored in %.1f s%n",
                            (System.nanoTime() - t0) / 1e9);
        }
    }

    private static FeedSource source(Tradetalk tt, URI url) {
        String unreadable = HostPolicy.unreadableHost(url);
        if (unreadable != null) {
            throw new UserError("--feed " + url + ": cannot read its host: " + unreadable);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new UserError("--feed needs an http(s) URL, got '" + url + "'");
        }
        return tt.config().feeds().feedSources().stream()
                .filter(f -> f.url().equals(url))
                .findFirst()
                .orElseGet(() -> FeedSource.of(url));
    }

    /** The first few skipped files, for the one-line summary on stderr (the reasons are in --json). */
    private String examples(List<Rejected> skipped) {
        String first = String.join(
                ", ",
                skipped.stream()
                        .limit(3)
                        .map(x -> ControlChars.field(x.source()))
                        .toList());
        return first
                + (skipped.size() > 3 ? ", ..." : "")
                + (app.json() ? "; reasons in \"skipped\"" : "; reasons with --json");
    }
}
