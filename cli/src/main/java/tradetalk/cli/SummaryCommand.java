package tradetalk.cli;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.answer.summary.Summary;
import tradetalk.answer.summary.SummaryRequest;

/** {@code tradetalk summary}: a cited summary of one article, a topic or a date range. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Summarise one article (--article), a topic (--topic) or a date range (--since/--until), "
                + "with citations. Exit code 1 when --article names nothing indexed.")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(
            names = "--article",
            paramLabel = "ID",
            description = "The article: its id, URL, file path, or a unique part of its title.")
    String article;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Summarise what the articles say on TOPIC.")
    String topic;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            converter = IsoDate.class,
            description = "Only articles published on or after DATE (YYYY-MM-DD).")
    LocalDate since;

    @Option(
            names = "--until",
            paramLabel = "DATE",
            converter = IsoDate.class,
            description = "Only articles published on or before DATE (YYYY-MM-DD).")
    LocalDate until;

    @Option(
            names = "--length",
            paramLabel = "short|long",
            description = "short (about 3 sentences, the default) or long (about 8).")
    String length = "short";

    @Override
    public Integer call() {
        SummaryRequest.Length len = switch (length.strip().toLowerCase(Locale.ROOT)) {
            case "short" -> SummaryRequest.Length.SHORT;
            case "long" -> SummaryRequest.Length.LONG;
            default -> throw new UserError("--length must be short or long, got '" + length + "'");
        };
        String ref = article == null || article.isBlank() ? article : reference(article);
        SummaryRequest request = UserError.whenInvalid(() -> new SummaryRequest(ref, topic, since, until, len));
        try (Tradetalk tt = app.open()) {
            tt.ingestDefaultsIfEmpty(app.err(), true);
            Summary s = tt.summaryService().summarize(request);
            boolean noSuchArticle = ref != null && s.empty();
            if (app.json()) {
                app.out().println(Views.json(Views.summary(s)));
            } else if (noSuchArticle) {
                app.err().println("tradetalk: " + s.text() + " `tradetalk sources --query WORDS` lists the articles.");
            } else {
                app.out().print(Views.summaryText(s));
            }
            app.out().flush();
            // a named article that is not there is a mistake to act on; an empty topic or range is an answer
            return noSuchArticle ? Cli.FAILED : 0;
        }
    }

    /**
     * An article reference as the index can match it: a relative file path that names no file from the working
     * directory but does from the Tradetalk home (where relative config paths point) becomes that absolute path;
     * anything else is passed on as given (the service matches paths relative to the working directory itself).
     */
    private static String reference(String ref) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(ref.strip());
            if (!p.isAbsolute()
                    && !java.nio.file.Files.exists(p)
                    && java.nio.file.Files.isRegularFile(AppOptions.home().resolve(p))) {
                return AppOptions.home().resolve(p).normalize().toString();
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: an id, URL or title
        }
        return ref;
    }
}
