package tradetalk.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.StatusRequest;

/** {@code tradetalk status}: where a topic stands, then a dated, cited timeline, newest first. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Where a topic stands now: a cited headline, then a dated timeline of its key developments, "
                + "newest first.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic (default: status.default-topic).")
    String topic;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            converter = IsoDate.class,
            description = "Only what changed on or after DATE (YYYY-MM-DD).")
    LocalDate since;

    @Option(
            names = "--window",
            paramLabel = "DAYS",
            description = "Days back from the newest article on the topic (default: status.window-days).")
    Integer window;

    @Override
    public Integer call() {
        try (Tradetalk tt = app.open()) {
            if (window != null && since != null) {
                throw new UserError("give --since or --window, not both: --since DATE covers everything from DATE,"
                        + " --window DAYS the days back from the newest article");
            }
            int days = window != null ? window : StatusRequest.CONFIGURED_WINDOW;
            StatusRequest request = UserError.whenInvalid(() -> new StatusRequest(topic, since, days, null));
            tt.ingestDefaultsIfEmpty(app.err(), true);
            StatusReport r = tt.statusService().status(request);
            if (app.json()) {
                app.out().println(Views.json(Views.status(r)));
            } else {
                app.out().print(Views.statusText(r));
            }
            app.out().flush();
            return 0;
        }
    }
}
