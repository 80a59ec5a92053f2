package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.fake.FakeDiscord;

/**
 * {@code health} sees the running processes: the real {@code discord} process (real JDA against the fake Discord)
 * reports its gateway state, {@code watch} its feeds' last refresh; a stopped process removes its report.
 */
class ProcessHealthTest {

    private static final String TOKEN = "health-test-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    FakeDiscord discord;
    Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private Path health() {
        return tmp.resolve("health");
    }

    private CliRun probe() {
        return CliRun.run(
                Map.of("TRADETALK_HEALTH_DIR", health().toString()),
                "",
                "health",
                "--index",
                tmp.resolve("index").toString());
    }

    private Process start(String name, Map<String, String> env, String... args) throws IOException {
        Path log = Files.createDirectories(Path.of("target")).resolve("process-health-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder(CliRun.childCommand(args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("TRADETALK_HEALTH_DIR", health().toString());
        pb.environment().put("TRADETALK_INDEX_ARTICLES", CliRun.SEEDS.toString());
        return pb.start();
    }

    @Test
    void given_a_running_bot_then_health_follows_its_gateway_and_forgets_it_when_it_stops() throws Exception {
        discord = new FakeDiscord(TOKEN);
        Map<String, String> env = new HashMap<>();
        env.put("TRADETALK_DISCORD_TOKEN", TOKEN);
        env.put("TRADETALK_DISCORD_API_BASE_URL", discord.restBaseUrl());
        env.put("TRADETALK_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("TRADETALK_DISCORD_FEEDBACK_DIR", tmp.resolve("feedback").toString());
        child = start("discord", env, "discord", "--index", tmp.resolve("index").toString());
        discord.awaitReady(TIMEOUT);

        Path file = health().resolve("discord.json");
        await().atMost(TIMEOUT).until(() -> probe().exit() == 0);
        CliRun ok = probe();
        assertThat(ok.out()).startsWith("ok: 3 article(s) in ").contains("; discord: gateway connected since ");
        assertThat(Files.readString(file)).contains("\"gateway\":{\"0\":\"CONNECTED\"}");

        discord.close(); // Discord goes away: JDA keeps trying to reconnect
        await().atMost(TIMEOUT).until(() -> probe().exit() == Cli.FAILED);
        CliRun down = probe();
        assertThat(down.out()).startsWith("unhealthy: discord: gateway ").doesNotContain("CONNECTED since");

        child.destroy(); // SIGTERM: a stopped bot is not a failing one
        await().atMost(TIMEOUT).until(() -> !child.isAlive());
        assertThat(file).doesNotExist();
        assertThat(probe().exit()).isZero();
    }

    @Test
    void given_watch_whose_only_feed_fails_then_health_is_unhealthy_naming_it() throws Exception {
        Path config = tmp.resolve("tradetalk.yml");
        Files.writeString(config, """
                feeds:
                  allow-hosts: [127.0.0.1]
                  sources:
                    - url: http://127.0.0.1:9/gone.rss
                      name: Gone outlet
                """);
        CliRun ingest = CliRun.run("ingest", "--index", tmp.resolve("index").toString(), CliRun.SEEDS.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();

        child = start(
                "watch",
                Map.of(),
                "watch",
                "--config",
                config.toString(),
                "--index",
                tmp.resolve("index").toString());

        await().atMost(TIMEOUT).until(() -> probe().out().contains("Gone outlet"));
        CliRun r = probe();
        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).startsWith("unhealthy: watch: every feed failed its last refresh (Gone outlet: ");
        assertThat(health().resolve("watch.json")).exists();

        child.destroy();
        await().atMost(TIMEOUT).until(() -> !child.isAlive());
        assertThat(health().resolve("watch.json")).doesNotExist();
    }
}
