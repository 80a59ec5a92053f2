package tradetalk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.retrieval.ArticleMeta;

/** {@code tradetalk sources}: the indexed articles, newest first, with the other outlets that ran each story. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "List the indexed articles, newest first.")
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(names = "--query", paramLabel = "TEXT", description = "Only articles whose title or outlet contains TEXT.")
    String query;

    @Override
    public Integer call() {
        try (Tradetalk tt = app.open()) {
            Path missing = AppOptions.missingIndex(tt.config());
            if (missing != null) {
                throw new UserError("there is no index at " + missing
                        + ": give the right --index (index.dir), or ingest articles first (tradetalk ingest PATH)");
            }
            List<ArticleMeta> list = tt.index().articles();
            if (query != null && !query.isBlank()) {
                String q = query.toLowerCase(Locale.ROOT);
                list = list.stream()
                        .filter(a -> a.title().toLowerCase(Locale.ROOT).contains(q)
                                || a.source().toLowerCase(Locale.ROOT).contains(q))
                        .toList();
            }
            if (app.json()) {
                app.out()
                        .println(Views.json(list.stream()
                                .map(a -> {
                                    Map<String, Object> m = Views.article(a);
                                    m.put("also_in", tt.index().alsoIn(a.id()));
                                    return m;
                                })
                                .toList()));
            } else if (list.isEmpty()) {
                app.out().println("No articles indexed" + (query == null ? "." : " match '" + query + "'."));
            } else {
                for (ArticleMeta a : list) {
                    List<String> also = tt.index().alsoIn(a.id());
                    app.out()
                            .printf(
                                    "%s  %s  [%s]%s%n",
                                    a.publishedAt() == null ? "----------" : a.publishedAt(),
                                    Views.sourceLine(a),
                                    a.id(),
                                    also.isEmpty() ? "" : "  (also in " + String.join(", ", also) + ")");
                }
                app.out().printf("%d article(s).%n", list.size());
            }
            return 0;
        }
    }
}
