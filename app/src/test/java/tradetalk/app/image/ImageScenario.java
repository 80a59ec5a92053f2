package tradetalk.app.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.bot.fake.InteractionHandle;

/**
 * The container image run as an operator runs it, against the project's fake Discord on 127.0.0.1 (.ci/image-test
 * builds the image, then runs this with the image's name). Every step runs {@code podman} as an operator would type
 * it; the first failed expectation ends the run with exit code 1 and what was seen.
 *
 * <ol>
 *   <li>a fresh volume is unhealthy (an empty index), and no command's output starts with the JVM's incubator notice;
 *   <li>the bot starts on the seed articles, connects, answers {@code /ask} with citations, and the image's own
 *       HEALTHCHECK turns healthy; {@code ask} in the container prints "…", "—" and "’" as such (UTF-8);
 *   <li>a feedback vote is recorded; {@code podman stop} right after a question lets its answer out and exits 0
 *       (DiscordShutdownTest stops in the middle of one);
 *   <li>a new container on the same volume (no seed articles given) answers from the kept index, and the vote of
 *       the first run is still counted.
 * </ol>
 *
 * Prints the image size and the time from {@code podman run} to the first answer (BENCHMARKS.md).
 */
public final class ImageScenario {

    private static final String TOKEN = "image-ci-token";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);
    private static final String QUESTION = "Where did Trump hope to sign the first phase of the deal?";
    private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules";

    private final String image;
    private final String name;
    private final FakeDiscord discord;

    private ImageScenario(String image, String name, FakeDiscord discord) {
        this.image = image;
        this.name = name;
        this.discord = discord;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ImageScenario IMAGE");
            System.exit(2);
        }
        System.setProperty("OPT_OUT_TRACKING", "true");
        String name = "tradetalk-ci-" + ProcessHandle.current().pid();
        int status = 0;
        try (FakeDiscord discord = new FakeDiscord(TOKEN)) {
            ImageScenario s = new ImageScenario(args[0], name, discord);
            try {
                s.run();
            } catch (ScenarioFailure e) {
                System.err.println("image scenario FAILED: " + e.getMessage());
                s.dumpLogs();
                status = 1;
            } finally {
                s.podman(Duration.ofSeconds(60), "rm", "-f", "-t", "0", name);
                s.podman(Duration.ofSeconds(60), "volume", "rm", "-f", name);
            }
        }
        System.exit(status);
    }

    private void run() throws Exception {
        Result size = expectOk(podman(Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Size}}", image));
        Result healthcheck = expectOk(
                podman(Duration.ofSeconds(30), "image", "inspect", "--format", "{{json .Config.Healthcheck}}", image));
        expect(healthcheck.out().contains("health"), "the image keeps its HEALTHCHECK (docker format)", healthcheck);
        expectOk(podman(Duration.ofSeconds(30), "volume", "create", name));

        // 1. a fresh volume: an empty index, so health fails and says why; no JVM notice before the output
        Result fresh = podman(
                Duration.ofSeconds(90), "run", "--rm", "--network", "none", "-v", name + ":/data", image, "health");
        expect(
                fresh.exit() == 1 && fresh.out().startsWith("unhealthy: the index /data/index has no articles"),
                "health on a fresh volume exits 1 saying the index has no articles",
                fresh);
        Result version =
                expectOk(podman(Duration.ofSeconds(90), "run", "--rm", "--network", "none", image, "--version"));
        expect(!version.all().contains(INCUBATOR_NOTICE), "--version prints no incubator notice", version);

        // 2. the bot on the seed articles: connects, answers with citations, turns healthy
        long started = System.nanoTime();
        startBot(true);
        awaitConnected();
        InteractionHandle first = ask(QUESTION);
        JsonNode answer = awaitAnswer(first);
        double firstAnswerSeconds = (System.nanoTime() - started) / 1e9;
        expect(answer.path("content").asText().contains("Santiago"), "the answer names Santiago", answer);
        Result health = expectOk(podman(Duration.ofSeconds(90), "healthcheck", "run", name));
        Result state =
                expectOk(podman(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Health.Status}}", name));
        expect(state.out().strip().equals("healthy"), "the container's health turns healthy", state);
        Result report = expectOk(podman(Duration.ofSeconds(90), "exec", name, "tradetalk", "health"));
        expect(
                report.out().startsWith("ok: 3 article(s) in /data/index")
                        && report.out().contains("discord: gateway connected since"),
                "health reports the articles and the connected gateway",
                report);
        Result cli = expectOk(podman(Duration.ofSeconds(120), "exec", name, "tradetalk", "ask", QUESTION));
        expect(
                cli.out().contains("[1]")
                        && cli.out().contains("…")
                        && cli.out().contains(" — ")
                        && cli.out().contains("China’s"),
                "ask in the container prints the answer in UTF-8 (…, —, ’)",
                cli);
        expect(!cli.all().contains(INCUBATOR_NOTICE), "ask prints no incubator notice", cli);

        // 3. a vote; then stop during an answer: it finishes, the exit code is 0
        JsonNode message = discord.originalResponse(first).orElseThrow();
        String up = button(message, 0);
        String down = button(message, 1);
        InteractionHandle vote =
                discord.clickButton(discord.normalUser(), message.path("id").asText(), up);
        expect(
                awaitContent(vote, c -> c.contains("1 helpful, 0 not helpful"), ANSWER_TIMEOUT),
                "the vote is counted",
                discord.originalResponse(vote).orElse(null));
        InteractionHandle during = ask("What did Liu He discuss with Mnuchin?");
        discord.awaitRequest("POST", during.callbackPath(), ANSWER_TIMEOUT);
        Result stop = podman(Duration.ofSeconds(60), "stop", "-t", "30", name);
        expectOk(stop);
        expect(
                awaitContent(during, c -> c.contains("[1]") || c.contains("ask again"), ANSWER_TIMEOUT),
                "the answer asked just before the stop is delivered",
                discord.originalResponse(during).orElse(null));
        Result exit = expectOk(podman(Duration.ofSeconds(30), "inspect", "--format", "{{.State.ExitCode}}", name));
        expect(exit.out().strip().equals("0"), "podman stop ends the bot with exit code 0", exit);
        Result logs = podman(Duration.ofSeconds(30), "logs", name);
        expect(
                logs.all().contains("Stopping the Discord bot") && logs.all().contains("Discord bot stopped"),
                "the bot logs its graceful stop",
                logs);
        expect(!logs.all().contains(INCUBATOR_NOTICE), "the bot's output has no incubator notice", logs);
        expect(
                !logs.all().contains("vector incubator module is not readable"),
                "Lucene uses the Vector API module (no 'not readable' warning)",
                logs);
        expect(!logs.all().contains(TOKEN), "the token never appears in the output", logs);
        expectOk(podman(Duration.ofSeconds(60), "rm", name));

        // 4. a new container on the same volume, without the seed articles: the index and the vote are kept
        long restarted = System.nanoTime();
        startBot(false);
        awaitConnected();
        JsonNode again = awaitAnswer(ask(QUESTION));
        double restartAnswerSeconds = (System.nanoTime() - restarted) / 1e9;
        expect(again.path("content").asText().contains("Santiago"), "the restarted bot answers from the index", again);
        InteractionHandle other =
                discord.clickButton(discord.otherUser(), message.path("id").asText(), down);
        expect(
                awaitContent(other, c -> c.contains("1 helpful, 1 not helpful"), ANSWER_TIMEOUT),
                "the first run's vote is still counted after the restart",
                discord.originalResponse(other).orElse(null));
        Result after = expectOk(podman(Duration.ofSeconds(90), "exec", name, "tradetalk", "health"));
        expect(after.out().startsWith("ok: 3 article(s) in /data/index"), "health after the restart", after);
        Result logs2 = podman(Duration.ofSeconds(30), "logs", name);
        expect(!logs2.all().contains("the index was empty"), "the restarted bot did not ingest again", logs2);
        expectOk(podman(Duration.ofSeconds(60), "stop", "-t", "30", name));

        System.out.printf(
                Locale.ROOT,
                "image-scenario: passed; image size %.0f MB; first answer %.1f s after podman run (fresh volume, "
                        + "3 seed articles ingested); %.1f s after a restart on the kept volume%n",
                Long.parseLong(size.out().strip()) / 1e6,
                firstAnswerSeconds,
                restartAnswerSeconds);
    }

    private void startBot(boolean seeds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "run",
                "-d",
                "--name",
                name,
                "--network",
                "host",
                "-v",
                name + ":/data",
                "-e",
                "TRADETALK_DISCORD_TOKEN=" + TOKEN,
                "-e",
                "TRADETALK_DISCORD_API_BASE_URL=" + discord.restBaseUrl(),
                "-e",
                "TRADETALK_DISCORD_GATEWAY_URL=" + discord.gatewayUrl(),
                "-e",
                "TRADETALK_DISCORD_COOLDOWN=0s"));
        if (seeds) {
            cmd.addAll(List.of("-e", "TRADETALK_INDEX_ARTICLES=/app/seed-articles"));
        }
        cmd.add(image);
        expectOk(podman(Duration.ofSeconds(60), cmd.toArray(String[]::new)));
    }

    /** Waits until the bot's gateway session is open, failing early when the container stops. */
    private void awaitConnected() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                discord.awaitShardReady(0, Duration.ofSeconds(3));
                return;
            } catch (IllegalStateException e) {
                Result running = podman(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Running}}", name);
                if (!running.out().strip().equals("true")) {
                    throw new ScenarioFailure("the container stopped while connecting\n" + running);
                }
                if (System.nanoTime() > deadline) {
                    throw new ScenarioFailure("the bot did not connect within " + START_TIMEOUT);
                }
            }
        }
    }

    private InteractionHandle ask(String question) {
        return discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", question));
    }

    private JsonNode awaitAnswer(InteractionHandle ask) throws InterruptedException {
        expect(
                awaitContent(ask, c -> c.contains("[1]"), ANSWER_TIMEOUT),
                "a cited answer to /ask",
                discord.originalResponse(ask).orElse(null));
        return discord.originalResponse(ask).orElseThrow();
    }

    private boolean awaitContent(InteractionHandle h, Predicate<String> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String content = discord.originalResponse(h)
                    .map(m -> m.path("content").asText())
                    .orElse("");
            if (done.test(content)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String button(JsonNode message, int index) {
        return message.path("components")
                .path(0)
                .path("components")
                .path(index)
                .path("custom_id")
                .asText();
    }

    private void dumpLogs() {
        try {
            Result logs = podman(Duration.ofSeconds(30), "logs", "--tail", "60", name);
            System.err.println("--- last lines of the container's output ---\n" + logs.all());
        } catch (IOException | InterruptedException e) {
            System.err.println("(no container output: " + e + ")");
        }
    }

    /** The output of one command. */
    private record Result(List<String> command, int exit, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "$ " + String.join(" ", command) + "\nexit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private Result podman(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("podman");
        cmd.addAll(List.of(args));
        System.err.println("$ " + String.join(" ", cmd).replace(TOKEN, "***"));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new ScenarioFailure("timed out after " + timeout + ": " + String.join(" ", cmd));
        }
        return new Result(cmd, p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Result expectOk(Result r) {
        expect(r.exit() == 0, "exit code 0", r);
        return r;
    }

    private static void expect(boolean ok, String what, Object seen) {
        if (!ok) {
            throw new ScenarioFailure(what + "\n" + seen);
        }
        System.err.println("  ok: " + what);
    }

    private static final class ScenarioFailure extends RuntimeException {
        ScenarioFailure(String message) {
            super(message);
        }
    }
}
