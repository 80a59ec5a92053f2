package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.bot.fake.InteractionHandle;
import tradetalk.bot.fake.RecordedRequest;

/**
 * Two real {@code tradetalk discord} processes splitting the guilds with {@code discord.shards-total: 2}: one runs
 * shard 0, the other shard 1, against one fake Discord with a guild on each shard. Each process answers only its own
 * guild, and only the process running shard 0 registers the (global) commands.
 */
class DiscordShardsTest {

    private static final String TOKEN = "shards-test-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    FakeDiscord discord;
    final Process[] bots = new Process[2];
    final Path[] logs = new Path[2];

    @AfterEach
    void cleanUp() {
        for (Process bot : bots) {
            if (bot != null) {
                bot.destroyForcibly();
            }
        }
        if (discord != null) {
            discord.close();
        }
    }

    /** Starts {@code tradetalk discord} running one shard of two, with its own index of the seed articles. */
    private Process startBot(int shard) throws IOException {
        logs[shard] = Files.createDirectories(Path.of("target")).resolve("discord-shard-" + shard + "-test.log");
        ProcessBuilder pb = new ProcessBuilder(CliRun.childCommand(
                        "discord", "--index", tmp.resolve("index-" + shard).toString()))
                .redirectErrorStream(true)
                .redirectOutput(logs[shard].toFile());
        Map<String, String> env = new HashMap<>();
        env.put("TRADETALK_DISCORD_TOKEN", TOKEN);
        env.put("TRADETALK_DISCORD_API_BASE_URL", discord.restBaseUrl());
        env.put("TRADETALK_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("TRADETALK_DISCORD_COOLDOWN", "0s");
        env.put(
                "TRADETALK_DISCORD_FEEDBACK_DIR",
                tmp.resolve("feedback-" + shard).toString());
        env.put("TRADETALK_DISCORD_SHARDS_TOTAL", "2");
        env.put("TRADETALK_DISCORD_SHARDS", Integer.toString(shard));
        env.put("TRADETALK_FEEDS_REFRESH", "false");
        env.put("TRADETALK_HEALTH_DIR", tmp.resolve("health").toString()); // both processes: one file each
        env.put("TRADETALK_INDEX_ARTICLES", CliRun.SEEDS.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The process (by its shard) that sent a request: its JDA user agent ends with "tradetalk shards N of 2". */
    private static int sender(RecordedRequest request) {
        String agent = request.header("user-agent").orElse("");
        for (int shard = 0; shard < 2; shard++) {
            if (agent.endsWith("tradetalk shards " + shard + " of 2")) {
                return shard;
            }
        }
        throw new AssertionError("request " + request.method() + " " + request.path() + " has user agent " + agent);
    }

    private boolean running(int shard) throws IOException {
        return Files.readString(logs[shard]).contains("the Discord bot is running");
    }

    @Test
    void given_two_bot_processes_with_one_shard_each_when_each_guild_asks_then_only_its_shards_process_answers()
            throws Exception {
        discord = new FakeDiscord(TOKEN);
        int firstGuildShard = (int) ((Long.parseLong(discord.guildId()) >>> 22) % 2);
        String otherGuild = discord.addGuild(1 - firstGuildShard, 2);
        String[] guildOnShard = new String[2];
        guildOnShard[firstGuildShard] = discord.guildId();
        guildOnShard[1 - firstGuildShard] = otherGuild;

        bots[0] = startBot(0);
        bots[1] = startBot(1);
        await().atMost(TIMEOUT).until(() -> running(0) && running(1));

        // each process identified as its shard and was sent only the guild of that shard
        assertThat(discord.identifies())
                .extracting(d -> d.path("shard").toString())
                .containsExactlyInAnyOrder("[0,2]", "[1,2]");
        for (int shard = 0; shard < 2; shard++) {
            assertThat(discord.sentDispatches("GUILD_CREATE", shard))
                    .extracting(d -> d.path("id").asText())
                    .containsExactly(guildOnShard[shard]);
        }
        // the global commands were registered once, by the process running shard 0
        List<RecordedRequest> registrations = discord.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().endsWith("/commands"))
                .toList();
        assertThat(registrations).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("applications/" + discord.applicationId() + "/commands");
            assertThat(sender(r)).isZero();
        });
        assertThat(discord.globalCommands())
                .extracting(c -> c.path("name").asText())
                .contains("ask", "help");
        assertThat(Files.readString(logs[1])).contains("Global commands are registered by the process running shard 0");

        // WHEN a member asks in each guild
        InteractionHandle[] asks = new InteractionHandle[2];
        for (int shard = 0; shard < 2; shard++) {
            asks[shard] = discord.sendSlashCommand(
                    discord.normalUser(),
                    discord.generalChannelId(guildOnShard[shard]),
                    "ask",
                    Map.of("question", "Where did Trump hope to sign the first phase of the deal?"));
        }

        // THEN each is acknowledged and answered by the process running its guild's shard
        for (int shard = 0; shard < 2; shard++) {
            InteractionHandle ask = asks[shard];
            RecordedRequest ack = discord.awaitRequest("POST", ask.callbackPath(), TIMEOUT);
            RecordedRequest answer = discord.awaitRequest(
                    "PATCH",
                    "webhooks/" + discord.applicationId() + "/" + ask.token() + "/messages/@original",
                    TIMEOUT);
            assertThat(sender(ack)).isEqualTo(shard);
            assertThat(sender(answer)).isEqualTo(shard);
            assertThat(answer.body().path("content").asText())
                    .contains("Santiago")
                    .contains("[1]");
            List<RecordedRequest> aboutIt = discord.requests().stream()
                    .filter(r -> r.path().contains(ask.token()))
                    .toList();
            int answeringShard = shard;
            assertThat(aboutIt).allSatisfy(r -> assertThat(sender(r)).isEqualTo(answeringShard));
            // and the other process's session never saw the interaction
            assertThat(discord.sentDispatches("INTERACTION_CREATE", shard))
                    .extracting(d -> d.path("id").asText())
                    .containsExactly(ask.id());
        }
        for (int shard = 0; shard < 2; shard++) {
            String output = Files.readString(logs[shard]);
            assertThat(output).contains("shards " + shard + " of 2").doesNotContain(TOKEN);
            assertThat(output).contains("feeds.refresh is false");
        }
    }
}
