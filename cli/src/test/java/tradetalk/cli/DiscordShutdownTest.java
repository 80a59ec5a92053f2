package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.bot.fake.InteractionHandle;
import tradetalk.bot.fake.RecordedRequest;

/** `tradetalk discord` as a real process: it serves the fake Discord and stops cleanly on SIGTERM. */
class DiscordShutdownTest {

    private static final String TOKEN = "shutdown-test-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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

    @Test
    void given_a_running_bot_when_sigterm_arrives_mid_answer_then_the_answer_completes_and_the_process_exits()
            throws Exception {
        discord = new FakeDiscord(TOKEN);
        Path log = Files.createDirectories(Path.of("target")).resolve("discord-shutdown-test.log");
        ProcessBuilder pb = new ProcessBuilder(CliRun.childCommand(
                        "discord", "--index", tmp.resolve("index").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment()
                .putAll(Map.of(
                        "TRADETALK_DISCORD_TOKEN", TOKEN,
                        "TRADETALK_DISCORD_API_BASE_URL", discord.restBaseUrl(),
                        "TRADETALK_DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                        "TRADETALK_DISCORD_COOLDOWN", "0s",
                        "TRADETALK_DISCORD_FEEDBACK_DIR",
                                tmp.resolve("feedback").toString(),
                        "TRADETALK_INDEX_ARTICLES", CliRun.SEEDS.toString(),
                        "TRADETALK_HEALTH_DIR", tmp.resolve("health").toString()));
        child = pb.start();
        discord.awaitReady(TIMEOUT);

        InteractionHandle ask = discord.sendSlashCommand(
                discord.normalUser(),
                "ask",
                Map.of("question", "Where did Trump hope to sign the first phase of the deal?"));
        RecordedRequest ack = discord.awaitRequest("POST", ask.callbackPath(), TIMEOUT);
        assertThat(ack.body().path("type").asInt()).isEqualTo(5);
        child.destroy(); // SIGTERM

        await().atMost(TIMEOUT).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isZero();
        RecordedRequest answer = discord.awaitRequest(
                "PATCH", "webhooks/" + discord.applicationId() + "/" + ask.token() + "/messages/@original", TIMEOUT);
        assertThat(answer.body().path("content").asText())
                .satisfiesAnyOf(
                        text -> assertThat(text).contains("Santiago").contains("[1]"),
                        text -> assertThat(text).contains("ask again"),
                        // acknowledged as SIGTERM arrived, before its work started: the member is told to retry
                        text -> assertThat(text).isEqualTo("The bot is shutting down; please try again in a minute."));
        String output = Files.readString(log);
        assertThat(output)
                .contains("Stopping the Discord bot")
                .contains("Discord bot stopped")
                .doesNotContain(TOKEN);
    }
}
