package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.fake.FakeDiscord;

class DiscordCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(
                new String[] {"discord", "--index", dir.resolve("index").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void given_no_token_when_starting_the_bot_then_it_fails_with_a_clear_message_and_no_stack_trace() {
        Run r = run(Map.of("TRADETALK_INDEX_ARTICLES", ""));

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("TRADETALK_DISCORD_TOKEN").doesNotContain("Exception");
    }

    @Test
    void given_a_rejected_token_when_starting_the_bot_then_it_says_so_without_printing_the_token() throws IOException {
        try (FakeDiscord discord = new FakeDiscord("the-right-token")) {
            Run r = run(Map.of(
                    "TRADETALK_DISCORD_TOKEN",
                    "leaked-wrong-token",
                    "TRADETALK_DISCORD_API_BASE_URL",
                    discord.restBaseUrl(),
                    "TRADETALK_DISCORD_GATEWAY_URL",
                    discord.gatewayUrl(),
                    "TRADETALK_DISCORD_FEEDBACK_DIR",
                    dir.resolve("feedback").toString(),
                    "TRADETALK_INDEX_ARTICLES",
                    ""));

            assertThat(r.code()).isEqualTo(Cli.FAILED);
            assertThat(r.err())
                    .contains("rejected the bot token")
                    .doesNotContain("leaked-wrong-token")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void given_an_unreachable_api_base_url_when_starting_the_bot_then_one_line_says_so_without_a_stack_trace()
            throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ch.qos.logback.classic.Logger requester = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("net.dv8tion.jda.internal.requests.Requester");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> requesterLog =
                new ch.qos.logback.core.read.ListAppender<>();
        requesterLog.start();
        requester.addAppender(requesterLog);
        Run r = run(Map.of(
                "TRADETALK_DISCORD_TOKEN",
                "some-token",
                "TRADETALK_DISCORD_API_BASE_URL",
                "http://127.0.0.1:" + closedPort + "/api/v10/",
                "TRADETALK_DISCORD_GATEWAY_URL",
                "ws://127.0.0.1:" + closedPort + "/",
                "TRADETALK_DISCORD_FEEDBACK_DIR",
                dir.resolve("feedback").toString(),
                "TRADETALK_INDEX_ARTICLES",
                ""));
        requesterLog.stop();

        assertThat(requesterLog.list)
                .as("JDA's own ERROR line for the failure the one-line message reports")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .startsWith("tradetalk: cannot reach Discord")
                .contains("127.0.0.1:" + closedPort)
                .contains("discord.api-base-url")
                .doesNotContain("unexpected error")
                .doesNotContain("Exception")
                .doesNotContain("some-token");
    }

    @Test
    void given_discord_answering_404_at_startup_when_starting_the_bot_then_one_line_says_what_to_check()
            throws IOException {
        try (FakeDiscord discord = new FakeDiscord("the-bot-token")) {
            discord.failRequests("PUT", "applications/\\d+/commands", 404, 10002, "Unknown Application");
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                    org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                    new ch.qos.logback.core.read.ListAppender<>();
            log.start();
            root.addAppender(log);
            Run r;
            try {
                r = run(Map.of(
                        "TRADETALK_DISCORD_TOKEN",
                        "the-bot-token",
                        "TRADETALK_DISCORD_API_BASE_URL",
                        discord.restBaseUrl(),
                        "TRADETALK_DISCORD_GATEWAY_URL",
                        discord.gatewayUrl(),
                        "TRADETALK_DISCORD_FEEDBACK_DIR",
                        dir.resolve("feedback").toString(),
                        "TRADETALK_INDEX_ARTICLES",
                        ""));
            } finally {
                root.detachAppender(log);
            }

            assertThat(r.code()).isEqualTo(Cli.FAILED);
            assertThat(r.err().strip())
                    .doesNotContain("\n")
                    .isEqualTo("tradetalk: Discord answered 404 Unknown Application (code 10002) when registering "
                            + "the global commands: Discord knows no application for this bot token; check "
                            + "TRADETALK_DISCORD_TOKEN / discord.token (Bot > Reset Token in the developer portal)")
                    .doesNotContain("the-bot-token");
            assertThat(log.list)
                    .as("no stack trace in the log either")
                    .noneMatch(e -> e.getThrowableProxy() != null
                            && e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
        }
    }
}
