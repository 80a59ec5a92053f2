package tradetalk.bot.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs the real JDA client against {@link FakeDiscord} and checks both sides of the wire. */
class FakeDiscordTest {

    private static final String TOKEN = "fake-bot-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeDiscord discord;
    private JDA jda;

    @BeforeEach
    void startFake() throws IOException {
        discord = new FakeDiscord(TOKEN);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (jda != null) {
            jda.shutdownNow();
            jda.awaitShutdown(TIMEOUT);
        }
        discord.close();
    }

    private JDA startJda(EnumSet<GatewayIntent> intents, Object... listeners) throws InterruptedException {
        jda = discord.configure(JDABuilder.createLight(TOKEN, intents))
                .setRawEventsEnabled(true)
                .addEventListeners(listeners)
                .build()
                .awaitReady();
        return jda;
    }

    private JDA startJda(Object... listeners) throws InterruptedException {
        return startJda(EnumSet.of(GatewayIntent.GUILD_MESSAGES), listeners);
    }

    /** Collects events of one type, thread-safe. */
    private static final class Collected<T> {
        private final List<T> items = Collections.synchronizedList(new ArrayList<>());

        void add(T item) {
            items.add(item);
        }

        List<T> awaitCount(int count) {
            await().atMost(TIMEOUT).until(() -> items.size() >= count);
            synchronized (items) {
                return List.copyOf(items);
            }
        }
    }

    private ShardManager startShard(int shard, int total, Object listener) throws InterruptedException {
        ShardManager manager = DefaultShardManagerBuilder.createLight(TOKEN, GatewayIntent.GUILD_MESSAGES)
                .setShardsTotal(total)
                .setShards(shard)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
                .setCompression(Compression.NONE)
                .addEventListeners(listener)
                .build();
        manager.getShardById(shard).awaitReady(); // the first shard is built by build() itself
        return manager;
    }

    @Test
    @DisplayName("two ShardManagers of one shard each: each gets only its guild, and a command only on its shard")
    void should_route_guilds_and_interactions_by_shard() throws Exception {
        // GIVEN a second guild on the other shard of two
        int firstShard = (int) ((Long.parseLong(discord.guildId()) >>> 22) % 2);
        String second = discord.addGuild(1 - firstShard, 2);
        Collected<SlashCommandInteractionEvent> onFirst = new Collected<>();
        Collected<SlashCommandInteractionEvent> onSecond = new Collected<>();
        ShardManager first = null;
        ShardManager other = null;
        try {
            // WHEN one ShardManager runs each shard (the gateway URL comes from GET gateway/bot)
            first = startShard(firstShard, 2, new ListenerAdapter() {
                @Override
                public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                    onFirst.add(event);
                    event.reply("first").queue();
                }
            });
            other = startShard(1 - firstShard, 2, new ListenerAdapter() {
                @Override
                public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                    onSecond.add(event);
                    event.reply("second").queue();
                }
            });

            // THEN each identified with its shard and holds only its guild
            assertThat(discord.awaitRequests("GET", "gateway/bot", 2, TIMEOUT))
                    .allSatisfy(r ->
                            assertThat(r.responseBody().path("url").asText()).isEqualTo(discord.gatewayUrl()));
            assertThat(discord.identifies())
                    .extracting(d -> d.path("shard").toString())
                    .containsExactly("[" + firstShard + ",2]", "[" + (1 - firstShard) + ",2]");
            assertThat(first.getGuilds()).extracting(Guild::getId).containsExactly(discord.guildId());
            assertThat(other.getGuilds()).extracting(Guild::getId).containsExactly(second);

            // WHEN a slash command is sent in the second guild
            InteractionHandle ask = discord.sendSlashCommand(
                    discord.normalUser(), discord.generalChannelId(second), "ask", Map.of("question", "q"));

            // THEN only the second guild's shard receives it, and answers it
            assertThat(onSecond.awaitCount(1).getFirst().getGuild().getId()).isEqualTo(second);
            RecordedRequest reply = discord.awaitRequest("POST", ask.callbackPath(), TIMEOUT);
            assertThat(reply.body().path("data").path("content").asText()).isEqualTo("second");
            assertThat(discord.sentDispatches("INTERACTION_CREATE", 1 - firstShard))
                    .singleElement()
                    .satisfies(d -> assertThat(d.path("guild_id").asText()).isEqualTo(second));
            assertThat(discord.sentDispatches("INTERACTION_CREATE", firstShard)).isEmpty();
            assertThat(discord.sentDispatches("GUILD_CREATE", firstShard))
                    .extracting(d -> d.path("id").asText())
                    .containsExactly(discord.guildId());
            assertThat(onFirst.items).isEmpty();
            assertThat(discord.unknownRouteRequests()).isEmpty();
        } finally {
            for (ShardManager m : new ShardManager[] {first, other}) {
                if (m != null) {
                    List<JDA> shards = m.getShards();
                    m.shutdown();
                    for (JDA shard : shards) {
                        shard.awaitShutdown(TIMEOUT);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("JDA logs in, becomes ready with the guild loaded and registers commands")
    void should_connect_and_load_guild() throws Exception {
        // WHEN
        startJda();

        // THEN
        assertThat(jda.getSelfUser().getId()).isEqualTo(discord.botUserId());
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(discord.applicationId());
        Guild guild = jda.getGuildById(discord.guildId());
        assertThat(guild).isNotNull();
        assertThat(guild.getTextChannelById(discord.generalChannelId()).getName())
                .isEqualTo("general");
        assertThat(guild.getRoleById(discord.adminRoleId()).getPermissions())
                .contains(net.dv8tion.jda.api.Permission.MANAGE_SERVER);
        assertThat(guild.getPublicRole().getIdLong()).isEqualTo(guild.getIdLong());
        assertThat(guild.getSelfMember().getId()).isEqualTo(discord.botUserId());

        RecordedRequest self = discord.awaitRequest("GET", "users/@me", TIMEOUT);
        assertThat(self.header("authorization")).contains("Bot " + TOKEN);
        assertThat(discord.identifiedIntents()).hasSize(1);
        long intents = discord.identifiedIntents().getFirst();
        assertThat(intents & FakeDiscord.INTENT_GUILD_MESSAGES).isNotZero();
        assertThat(intents & FakeDiscord.INTENT_MESSAGE_CONTENT).isZero();
        assertThat(discord.identifies().getFirst().path("token").asText()).isEqualTo(TOKEN);

        // WHEN commands are registered
        List<Command> commands = jda.updateCommands()
                .addCommands(Commands.slash("ask", "Ask about the news")
                        .addOption(OptionType.STRING, "question", "What to ask", true))
                .complete();

        // THEN
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("ask");
            assertThat(c.getId()).isNotBlank();
        });
        RecordedRequest put =
                discord.awaitRequest("PUT", "applications/" + discord.applicationId() + "/commands", TIMEOUT);
        assertThat(put.body().get(0).path("options").get(0).path("name").asText())
                .isEqualTo("question");
        assertThat(discord.globalCommands())
                .singleElement()
                .satisfies(c -> assertThat(c.path("id").asText())
                        .isEqualTo(commands.getFirst().getId()));
        assertThat(discord.unknownRouteRequests()).isEmpty();
    }

    @Test
    @DisplayName("a wrong token gets 401 on users/@me and JDA refuses to start")
    void should_reject_wrong_token() throws Exception {
        HttpResponse<String> response = send("GET", "users/@me", null, "Bot wrong-token");
        assertThat(response.statusCode()).isEqualTo(401);

        assertThatThrownBy(() ->
                        discord.configure(JDABuilder.createLight("wrong-token")).build())
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    @DisplayName("a slash command reaches the listener; deferReply and editOriginal arrive with the right bodies")
    void should_deliver_slash_command_and_accept_defer_then_edit() throws Exception {
        // GIVEN
        Collected<SlashCommandInteractionEvent> commands = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                commands.add(event);
                event.deferReply().queue();
                event.getHook()
                        .editOriginal(
                                "Answer to: " + event.getOption("question").getAsString())
                        .queue();
            }
        });
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("question", "What happened to tariffs?");
        options.put("limit", 3);
        options.put("private", true);

        // WHEN
        InteractionHandle handle = discord.sendSlashCommand(discord.normalUser(), "ask", options);

        // THEN
        SlashCommandInteractionEvent event = commands.awaitCount(1).getFirst();
        assertThat(event.getName()).isEqualTo("ask");
        assertThat(event.getUser().getId()).isEqualTo(discord.normalUser().id());
        assertThat(event.getGuild().getId()).isEqualTo(discord.guildId());
        assertThat(event.getChannel().getId()).isEqualTo(discord.generalChannelId());
        assertThat(event.getOption("limit").getAsInt()).isEqualTo(3);
        assertThat(event.getOption("private").getAsBoolean()).isTrue();

        RecordedRequest callback = discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT);
        assertThat(callback.body().path("type").asInt()).isEqualTo(5);
        assertThat(callback.status()).isEqualTo(204);
        RecordedRequest edit = discord.awaitRequest(
                "PATCH", "webhooks/" + discord.applicationId() + "/" + handle.token() + "/messages/@original", TIMEOUT);
        assertThat(edit.body().path("content").asText()).isEqualTo("Answer to: What happened to tariffs?");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(discord.originalResponse(handle))
                .hasValueSatisfying(
                        m -> assertThat(m.path("content").asText()).isEqualTo("Answer to: What happened to tariffs?"));
    }

    @Test
    @DisplayName("subcommands arrive nested as type 1 options")
    void should_deliver_subcommand() throws Exception {
        Collected<SlashCommandInteractionEvent> commands = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                commands.add(event);
                event.reply("ok").setEphemeral(true).queue();
            }
        });

        InteractionHandle handle =
                discord.sendSlashCommand(discord.adminUser(), "config set", Map.of("key", "language"));

        SlashCommandInteractionEvent event = commands.awaitCount(1).getFirst();
        assertThat(event.getFullCommandName()).isEqualTo("config set");
        assertThat(event.getOption("key").getAsString()).isEqualTo("language");
        RecordedRequest callback = discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT);
        assertThat(callback.body().path("type").asInt()).isEqualTo(4);
        assertThat(callback.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    @DisplayName("a callback after the acknowledgement deadline gets 404 Unknown interaction (10062)")
    void should_refuse_late_callback() throws Exception {
        // GIVEN a short deadline instead of Discord's 3 s, and a listener that does not answer
        discord.setAckDeadline(Duration.ofMillis(200));
        CompletableFuture<SlashCommandInteractionEvent> received = new CompletableFuture<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                received.complete(event);
            }
        });
        InteractionHandle handle = discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", "q"));
        SlashCommandInteractionEvent event = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> discord.isAckDeadlinePassed(handle));

        // WHEN
        CompletableFuture<?> reply = event.reply("too late").submit();

        // THEN
        assertThatThrownBy(() -> reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(10062));
        RecordedRequest callback = discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT);
        assertThat(callback.status()).isEqualTo(404);
        assertThat(callback.responseBody().path("code").asInt()).isEqualTo(10062);
    }

    @Test
    @DisplayName("a second callback for the same interaction gets 404 Unknown interaction (10062)")
    void should_refuse_second_callback() throws Exception {
        startJda(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("first").queue();
            }
        });
        InteractionHandle handle = discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", "q"));
        discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT);

        HttpResponse<String> second =
                send("POST", handle.callbackPath(), "{\"type\":4,\"data\":{\"content\":\"second\"}}", null);

        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(second.body()).path("code").asInt()).isEqualTo(10062);
    }

    @Test
    @DisplayName("Discord's size limits are enforced with 400 Invalid Form Body (50035)")
    void should_refuse_messages_over_limits() throws Exception {
        String path = "channels/" + discord.generalChannelId() + "/messages";
        String auth = "Bot " + TOKEN;

        HttpResponse<String> tooLong = send("POST", path, json(Map.of("content", "x".repeat(2001))), auth);
        HttpResponse<String> longest = send("POST", path, json(Map.of("content", "x".repeat(2000))), auth);
        HttpResponse<String> embedsTooBig = send(
                "POST",
                path,
                json(Map.of(
                        "embeds",
                        List.of(Map.of("description", "a".repeat(3500)), Map.of("description", "b".repeat(3500))))),
                auth);
        HttpResponse<String> fieldTooLong = send(
                "POST",
                path,
                json(Map.of(
                        "embeds", List.of(Map.of("fields", List.of(Map.of("name", "n", "value", "v".repeat(1025))))))),
                auth);

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(tooLong.body()).path("code").asInt()).isEqualTo(50035);
        assertThat(longest.statusCode()).isEqualTo(200);
        assertThat(embedsTooBig.statusCode()).isEqualTo(400);
        assertThat(fieldTooLong.statusCode()).isEqualTo(400);
        assertThat(discord.messages(discord.generalChannelId())).hasSize(1);
    }

    @Test
    @DisplayName("without MESSAGE_CONTENT only messages mentioning the bot carry content")
    void should_blank_content_unless_mentioned() throws Exception {
        // GIVEN
        Collected<Message> messages = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent event) {
                messages.add(event.getMessage());
            }
        });

        // WHEN
        discord.sendMessage(discord.normalUser(), discord.generalChannelId(), "what about oil prices?", true);
        discord.sendMessage(discord.normalUser(), discord.generalChannelId(), "just chatting", false);

        // THEN
        List<Message> received = messages.awaitCount(2);
        Message mention = received.get(0);
        assertThat(mention.getContentRaw()).isEqualTo("<@" + discord.botUserId() + "> what about oil prices?");
        assertThat(mention.getMentions().isMentioned(jda.getSelfUser())).isTrue();
        assertThat(received.get(1).getContentRaw()).isEmpty();
        assertThat(discord.messages(discord.generalChannelId())).hasSize(2);
    }

    @Test
    @DisplayName("with MESSAGE_CONTENT every message carries content")
    void should_keep_content_with_intent() throws Exception {
        Collected<Message> messages = new Collected<>();
        startJda(EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT), new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent event) {
                messages.add(event.getMessage());
            }
        });

        discord.sendMessage(discord.normalUser(), discord.generalChannelId(), "just chatting", false);

        assertThat(messages.awaitCount(1).getFirst().getContentRaw()).isEqualTo("just chatting");
        assertThat(discord.identifiedIntents().getFirst() & FakeDiscord.INTENT_MESSAGE_CONTENT)
                .isNotZero();
    }

    @Test
    @DisplayName("bot messages are echoed; a thread started from one is created and THREAD_CREATE dispatched")
    void should_echo_message_and_start_thread() throws Exception {
        // GIVEN
        Collected<Message> messages = new Collected<>();
        Collected<RawGatewayEvent> threadCreates = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent event) {
                messages.add(event.getMessage());
            }

            @Override
            public void onRawGateway(RawGatewayEvent event) {
                if (event.getType().equals("THREAD_CREATE")) {
                    threadCreates.add(event);
                }
            }
        });
        TextChannel general = jda.getTextChannelById(discord.generalChannelId());

        // WHEN
        Message posted = general.sendMessage("Tariffs: discuss here").complete();
        ThreadChannel thread = posted.createThreadChannel("Tariffs").complete();

        // THEN the post is echoed as MESSAGE_CREATE
        Message echoed = messages.awaitCount(1).getFirst();
        assertThat(echoed.getId()).isEqualTo(posted.getId());
        assertThat(echoed.getAuthor().getId()).isEqualTo(discord.botUserId());
        assertThat(echoed.getContentRaw()).isEqualTo("Tariffs: discuss here");

        // and the thread exists on both sides
        RecordedRequest start = discord.awaitRequest(
                "POST", "channels/" + discord.generalChannelId() + "/messages/" + posted.getId() + "/threads", TIMEOUT);
        assertThat(start.body().path("name").asText()).isEqualTo("Tariffs");
        assertThat(thread.getId()).isEqualTo(posted.getId());
        assertThat(thread.getParentChannel().getId()).isEqualTo(discord.generalChannelId());
        assertThat(discord.threads())
                .singleElement()
                .satisfies(t -> assertThat(t.path("type").asInt()).isEqualTo(11));
        assertThat(threadCreates.awaitCount(1).getFirst().getPayload().getString("id"))
                .isEqualTo(thread.getId());
        assertThat(jda.getThreadChannelById(thread.getId())).isNotNull();

        // and the bot can post into it and read the parent's history back
        thread.sendMessage("first!").complete();
        assertThat(discord.messages(thread.getId()))
                .singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("first!"));
        List<Message> history = general.getHistory().retrievePast(10).complete();
        assertThat(history).extracting(Message::getId).containsExactly(posted.getId());
    }

    @Test
    @DisplayName("a thread created without a message is dispatched as a new channel and can be joined")
    void should_create_standalone_thread() throws Exception {
        // GIVEN
        CompletableFuture<ChannelCreateEvent> created = new CompletableFuture<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onChannelCreate(ChannelCreateEvent event) {
                created.complete(event);
            }
        });

        // WHEN the thread is created behind JDA's back, so only THREAD_CREATE tells JDA about it
        HttpResponse<String> response = send(
                "POST",
                "channels/" + discord.generalChannelId() + "/threads",
                json(Map.of("name", "Weekly digest", "type", 11)),
                "Bot " + TOKEN);

        // THEN
        assertThat(response.statusCode()).isEqualTo(201);
        String threadId = MAPPER.readTree(response.body()).path("id").asText();
        ChannelCreateEvent event = created.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event.getChannel().getId()).isEqualTo(threadId);
        ThreadChannel thread = event.getChannel().asThreadChannel();
        assertThat(thread.getName()).isEqualTo("Weekly digest");

        // WHEN the bot joins it
        thread.join().complete();

        // THEN
        assertThat(discord.awaitRequest("PUT", "channels/" + threadId + "/thread-members/@me", TIMEOUT)
                        .status())
                .isEqualTo(204);
    }

    @Test
    @DisplayName("after a dropped connection JDA resumes and still receives slash commands")
    void should_resume_after_dropped_connection() throws Exception {
        // GIVEN
        Collected<SlashCommandInteractionEvent> commands = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                commands.add(event);
                event.reply("pong").queue();
            }
        });

        // WHEN
        discord.dropConnection();
        await().atMost(TIMEOUT).until(() -> discord.resumeCount() == 1);
        discord.awaitReady();
        await().atMost(TIMEOUT).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        InteractionHandle handle = discord.sendSlashCommand(discord.normalUser(), "ping", Map.of());

        // THEN
        assertThat(commands.awaitCount(1).getFirst().getName()).isEqualTo("ping");
        assertThat(discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT).status())
                .isEqualTo(204);
        assertThat(discord.identifies()).hasSize(1);
        assertThat(discord.sentDispatchTypes()).contains("RESUMED");
    }

    @Test
    @DisplayName("after an invalidated session JDA identifies again and still receives slash commands")
    void should_identify_again_after_invalidated_session() throws Exception {
        Collected<SlashCommandInteractionEvent> commands = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                commands.add(event);
                event.reply("pong").queue();
            }
        });

        discord.invalidateSessions();
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.identifies().size() == 2);
        discord.awaitReady();
        await().atMost(TIMEOUT).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        discord.sendSlashCommand(discord.normalUser(), "ping", Map.of());

        assertThat(commands.awaitCount(1).getFirst().getName()).isEqualTo("ping");
        assertThat(jda.getGuildById(discord.guildId())).isNotNull();
    }

    @Test
    @DisplayName("a button click reaches onButtonInteraction and editMessage updates the message")
    void should_deliver_button_click() throws Exception {
        // GIVEN
        Collected<ButtonInteractionEvent> clicks = new Collected<>();
        startJda(new ListenerAdapter() {
            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                clicks.add(event);
                event.editMessage("Thanks for the feedback").setComponents().queue();
            }
        });
        Message posted = jda.getTextChannelById(discord.generalChannelId())
                .sendMessage(new MessageCreateBuilder()
                        .setContent("Was this answer helpful?")
                        .setComponents(ActionRow.of(Button.primary("helpful:yes", "Yes")))
                        .build())
                .complete();

        // WHEN
        InteractionHandle handle = discord.clickButton(discord.otherUser(), posted.getId(), "helpful:yes");

        // THEN
        ButtonInteractionEvent click = clicks.awaitCount(1).getFirst();
        assertThat(click.getComponentId()).isEqualTo("helpful:yes");
        assertThat(click.getUser().getId()).isEqualTo(discord.otherUser().id());
        assertThat(click.getMessage().getId()).isEqualTo(posted.getId());
        RecordedRequest callback = discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT);
        assertThat(callback.body().path("type").asInt()).isEqualTo(7);
        assertThat(discord.callbackType(handle)).hasValue(7);
        assertThat(discord.message(posted.getId())).hasValueSatisfying(m -> {
            assertThat(m.path("content").asText()).isEqualTo("Thanks for the feedback");
            assertThat(m.path("components")).isEmpty();
        });
    }

    @Test
    @DisplayName("autocomplete reaches the listener and the choices arrive as callback type 8")
    void should_deliver_autocomplete() throws Exception {
        startJda(new ListenerAdapter() {
            @Override
            public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
                String typed = event.getFocusedOption().getValue();
                event.replyChoice(typed.toUpperCase(java.util.Locale.ROOT), typed)
                        .queue();
            }
        });

        InteractionHandle handle = discord.sendAutocomplete(discord.normalUser(), "ask", "topic", "oil");

        RecordedRequest callback = discord.awaitRequest("POST", handle.callbackPath(), TIMEOUT);
        assertThat(callback.body().path("type").asInt()).isEqualTo(8);
        JsonNode choice = callback.body().path("data").path("choices").get(0);
        assertThat(choice.path("name").asText()).isEqualTo("OIL");
        assertThat(choice.path("value").asText()).isEqualTo("oil");
        assertThat(callback.status()).isEqualTo(204);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discord.restBaseUrl() + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String json(Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }
}
