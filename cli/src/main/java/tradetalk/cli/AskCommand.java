package tradetalk.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.UserError;
import tradetalk.answer.service.AnswerService;

/** {@code tradetalk ask}: answers a question, or one question per line of standard input. */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = "Answer a question from the indexed articles, with numbered citations. "
                + "With no QUESTION, answers each line of standard input.")
final class AskCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(names = "--k", paramLabel = "N", description = "Passages to retrieve (default: search.k).")
    Integer k;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            converter = IsoDate.class,
            description = "Answer as of that day: later articles are left out, and recency and \"latest\" count "
                    + "from it (default: today).")
    LocalDate asOf;

    @Option(
            names = "--history",
            paramLabel = "EARLIER_QUESTION",
            description = "An earlier question of the conversation, the question being a follow-up to it; repeat "
                    + "for several, oldest first. Read as a follow-up in a Discord thread is.")
    List<String> history;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (words are joined).")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        // every answer embeds its question: the model loads, and embeds a question given on the command line, while
        // the configuration loads and the index opens
        String question = words == null ? "" : String.join(" ", words).strip();
        if (question.isEmpty()) {
            Tradetalk.prepareDefaultEmbedder();
        } else {
            Tradetalk.prepareDefaultEmbedder(question);
        }
        try (Tradetalk tt = app.open()) {
            tt.embedder().prepare();
            int passages = k != null ? k : tt.config().search().k();
            if (words != null && !words.isEmpty()) {
                AnswerRequest request =
                        UserError.whenInvalid(() -> new AnswerRequest(question, earlier(), passages, asOf));
                tt.ingestDefaultsIfEmpty(app.err(), true);
                print(tt.answers().answer(request));
                return 0;
            }
            tt.ingestDefaultsIfEmpty(app.err(), true);
            AnswerService service = tt.answers();
            BufferedReader in = new BufferedReader(new InputStreamReader(app.in(), StandardCharsets.UTF_8));
            String line;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!app.json() && !first) {
                    app.out().println("---");
                }
                first = false;
                String asked = line.strip();
                print(service.answer(UserError.whenInvalid(() -> new AnswerRequest(asked, earlier(), passages, asOf))));
            }
            return 0;
        }
    }

    /** The earlier questions given with --history, oldest first; a blank one is an error. */
    private List<String> earlier() {
        if (history == null) {
            return List.of();
        }
        for (String h : history) {
            if (h.isBlank()) {
                throw new UserError("--history needs an earlier question, got an empty one");
            }
        }
        return history.stream().map(String::strip).toList();
    }

    private void print(CitedAnswer a) {
        if (app.json()) {
            app.out().println(Views.json(Views.answer(a)));
        } else {
            app.out().print(Views.answerText(a));
        }
        app.out().flush();
    }
}
