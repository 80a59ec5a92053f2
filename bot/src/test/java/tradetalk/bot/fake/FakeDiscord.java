package tradetalk.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process fake Discord on 127.0.0.1 that speaks the real REST and gateway protocol to the real JDA client.
 *
 * <p>It hosts one guild with an {@code @everyone} role, an "admin" role (MANAGE_SERVER), a text channel
 * "general" and four members: the bot, {@link #adminUser()}, {@link #normalUser()} and {@link #otherUser()}.
 * REST is served by the JDK {@link HttpServer} under {@link #restBaseUrl()}, the gateway by Java-WebSocket under
 * {@link #gatewayUrl()}. Every REST request is recorded ({@link #requests()}, {@link #awaitRequest}); Discord's
 * rules that JDA does not enforce itself (3 s interaction acknowledgement, one callback per interaction, message
 * and embed size limits, MESSAGE_CONTENT intent) are enforced here.
 *
 * <p>Point JDA at it with {@link #configure(JDABuilder)}, which applies the three settings production code must
 * accept: {@code RestConfig#setBaseUrl}, a session controller whose {@code getGateway()} returns
 * {@link #gatewayUrl()}, and {@link Compression#NONE}.
 *
 * <p>Shards: more guilds can be added ({@link #addGuild(int, int)}, before clients connect). A client that
 * identifies with {@code shard: [id, total]} (JDA's ShardManager, which first asks {@code GET gateway/bot}) gets
 * READY and GUILD_CREATE only for the guilds with {@code (guild_id >> 22) % total == id}, and a guild's events
 * (interactions, messages, threads) are dispatched only on the sessions of that guild's shard. A client without
 * {@code shard} gets every guild.
 */
public final class FakeDiscord implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class);

    /** Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    /** Default time Discord allows for the first interaction response. */
    public static final Duration DEFAULT_ACK_DEADLINE = Duration.ofSeconds(3);

    /** Gateway intent GUILD_MESSAGES (1 &lt;&lt; 9). */
    public static final long INTENT_GUILD_MESSAGES = 1L << 9;
    /** Privileged gateway intent MESSAGE_CONTENT (1 &lt;&lt; 15). */
    public static final long INTENT_MESSAGE_CONTENT = 1L << 15;

    private static final String API_PREFIX = "/api/v10/";
    private static final long PERM_MANAGE_SERVER = 1L << 5;
    private static final long EVERYONE_PERMISSIONS = (1L << 6)
            | (1L << 10)
            | (1L << 11)
            | (1L << 14)
            | (1L << 15)
            | (1L << 16)
            | (1L << 18)
            | (1L << 31)
            | (1L << 35)
            | (1L << 38);
    private static final int TYPE_TEXT = 0;
    private static final int TYPE_PUBLIC_THREAD = 11;
    private static final int MESSAGE_FLAG_HAS_THREAD = 1 << 5;
    private static final int MESSAGE_FLAG_EPHEMERAL = 1 << 6;
    private static final int MESSAGE_FLAG_LOADING = 1 << 7;
    private static final Duration INTERACTION_TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong snowflakeCounter = new AtomicLong();
    private final String token;
    private final HttpServer http;
    private final ExecutorService httpExecutor;
    private final FakeGateway gateway;

    private final String applicationId;
    private final String guildId;
    private final String adminRoleId;
    private final String generalChannelId;
    private final FakeUser bot;
    private final FakeUser admin;
    private final FakeUser normal;
    private final FakeUser other;
    private final String guildJoinedAt;

    // Guild state, guarded by "this".
    private final Map<String, ObjectNode> channels = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> messagesByChannel = new HashMap<>();
    private final Map<String, ObjectNode> messagesById = new HashMap<>();
    private final Map<String, FakeInteraction> interactionsById = new HashMap<>();
    private final Map<String, FakeInteraction> interactionsByToken = new HashMap<>();
    private final List<ObjectNode> globalCommands = new ArrayList<>();
    private final Map<String, List<ObjectNode>> guildCommands = new HashMap<>();
    private final Map<String, Guild> guilds = new LinkedHashMap<>();

    // Recorded requests, guarded by the list's monitor.
    private final List<RecordedRequest> requests = new ArrayList<>();

    private volatile Duration ackDeadline = DEFAULT_ACK_DEADLINE;

    /** State of one injected interaction; guarded by its own monitor. */
    private static final class FakeInteraction {
        final InteractionHandle handle;
        final long createdNanos = System.nanoTime();
        boolean acknowledged;
        int callbackType;
        String originalMessageId;
        final List<String> followUpIds = new ArrayList<>();

        FakeInteraction(InteractionHandle handle) {
            this.handle = handle;
        }
    }

    private record Response(int status, JsonNode body) {}

    /** An error every matching request gets instead of its route's answer ({@link #failRequests}). */
    private record Fault(String method, java.util.regex.Pattern path, int status, int code, String message) {}

    private final List<Fault> faults = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A guild: its id (also its {@code @everyone} role's), its "admin" role and its text channel "general". */
    private record Guild(String id, String adminRoleId, String generalChannelId) {}

    private volatile int recommendedShards = 1;

    /**
     * Starts the fake on two ephemeral loopback ports.
     *
     * @param token the bot token JDA must present (without the {@code Bot } prefix); others get 401
     */
    public FakeDiscord(String token) throws IOException {
        this.token = token;
        this.applicationId = snowflake();
        this.guildId = snowflake();
        this.adminRoleId = snowflake();
        this.generalChannelId = snowflake();
        this.bot = new FakeUser(snowflake(), "tradetalk-bot", true, false);
        this.admin = new FakeUser(snowflake(), "alice-admin", false, true);
        this.normal = new FakeUser(snowflake(), "bob", false, false);
        this.other = new FakeUser(snowflake(), "carol", false, false);
        this.guildJoinedAt = timestamp(System.currentTimeMillis());
        guilds.put(guildId, new Guild(guildId, adminRoleId, generalChannelId));
        channels.put(generalChannelId, textChannel(generalChannelId, guildId, "general"));

        this.httpExecutor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handleHttp);
        http.setExecutor(httpExecutor);
        http.start();

        this.gateway = new FakeGateway(mapper, token, this::readyDispatches);
        try {
            gateway.startAndWait();
        } catch (RuntimeException e) {
            http.stop(0);
            httpExecutor.shutdownNow();
            throw e;
        }
        LOG.info("FakeDiscord listening: REST {} gateway {}", restBaseUrl(), gatewayUrl());
    }

    // ------------------------------------------------------------------ configuration and ids

    /**
     * Points a JDA builder at this fake: REST base URL, gateway URL (via a {@link ConcurrentSessionController}
     * whose {@code getGateway()} is overridden) and no compression.
     */
    public JDABuilder configure(JDABuilder builder) {
        String gatewayUrl = gatewayUrl();
        return builder.setRestConfig(new RestConfig().setBaseUrl(restBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setCompression(Compression.NONE);
    }

    /** REST base URL, e.g. {@code http://127.0.0.1:12345/api/v10/}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + API_PREFIX;
    }

    /** Gateway URL, e.g. {@code ws://127.0.0.1:12346/}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    /** The token JDA must use. */
    public String token() {
        return token;
    }

    /** The application id (differs from the bot user id, as for real applications). */
    public String applicationId() {
        return applicationId;
    }

    /** The only guild's id; also the id of its {@code @everyone} role. */
    public String guildId() {
        return guildId;
    }

    /**
     * Adds a guild (with its own "admin" role and "general" channel, and the same members) whose id puts it on
     * {@code shard} of {@code total}: {@code (id >> 22) % total == shard}. Call it before clients connect.
     *
     * @return the guild's id
     */
    public synchronized String addGuild(int shard, int total) {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH_MILLIS;
        millis += Math.floorMod(shard - millis, total);
        String id = Long.toUnsignedString((millis << 22) | (snowflakeCounter.getAndIncrement() & 0x3FFFFF));
        Guild guild = new Guild(id, snowflake(), snowflake());
        guilds.put(id, guild);
        channels.put(guild.generalChannelId(), textChannel(guild.generalChannelId(), id, "general"));
        return id;
    }

    /** The ids of all guilds, the first one ({@link #guildId()}) first. */
    public synchronized List<String> guildIds() {
        return List.copyOf(guilds.keySet());
    }

    /** The id of a guild's text channel "general". */
    public synchronized String generalChannelId(String guildId) {
        return requireGuild(guildId).generalChannelId();
    }

    /** The shard count {@code GET gateway/bot} recommends (default 1). */
    public void setRecommendedShards(int shards) {
        this.recommendedShards = shards;
    }

    /** The id of the "admin" role, which grants MANAGE_SERVER. */
    public String adminRoleId() {
        return adminRoleId;
    }

    /** The id of the text channel "general". */
    public String generalChannelId() {
        return generalChannelId;
    }

    /** The bot's user id. */
    public String botUserId() {
        return bot.id();
    }

    /** The bot user. */
    public FakeUser botUser() {
        return bot;
    }

    /** A member holding the "admin" role (MANAGE_SERVER); also the guild owner. */
    public FakeUser adminUser() {
        return admin;
    }

    /** A member without special permissions. */
    public FakeUser normalUser() {
        return normal;
    }

    /** A second member without special permissions, e.g. to click someone else's button. */
    public FakeUser otherUser() {
        return other;
    }

    /** Changes how long after an interaction was sent its first callback is accepted (default 3 s). */
    public void setAckDeadline(Duration deadline) {
        this.ackDeadline = deadline;
    }

    /** Whether the acknowledgement deadline of the interaction has passed. */
    public boolean isAckDeadlinePassed(InteractionHandle handle) {
        FakeInteraction interaction = interaction(handle.id());
        return Duration.ofNanos(System.nanoTime() - interaction.createdNanos).compareTo(ackDeadline) > 0;
    }

    // ------------------------------------------------------------------ gateway control

    /** Waits (up to 10 s) until a client has identified or resumed and its connection is open. */
    public void awaitReady() {
        awaitReady(Duration.ofSeconds(10));
    }

    /** Waits until a client has identified or resumed and its connection is open. */
    public void awaitReady(Duration timeout) {
        gateway.awaitReady(timeout);
    }

    /** Waits until a client running {@code shard} has identified or resumed and its connection is open. */
    public void awaitShardReady(int shard, Duration timeout) {
        gateway.awaitShardReady(shard, timeout);
    }

    /** The payloads ({@code d}) of the dispatches of one type sent on the sessions of one shard, in order. */
    public List<JsonNode> sentDispatches(String type, int shard) {
        return gateway.sentDispatches().stream()
                .filter(d -> d.type().equals(type) && d.shard() == shard)
                .map(d -> (JsonNode) d.data())
                .toList();
    }

    /**
     * Closes the gateway connection(s) with close code 4000, as Discord does on an internal error. The session
     * stays resumable, so JDA resumes right away; see {@link #invalidateSessions()} to force a new IDENTIFY.
     */
    public void dropConnection() {
        LOG.info("Dropping gateway connections");
        gateway.dropConnections();
    }

    /**
     * Drops the gateway connection(s) like {@link #dropConnection()} but first forgets the sessions, so JDA's
     * RESUME gets INVALID_SESSION (op 9, not resumable) and it must IDENTIFY again (through its session
     * controller's queue).
     */
    public void invalidateSessions() {
        gateway.invalidateSessions();
    }

    /** The IDENTIFY payloads ({@code d}) received so far. */
    public List<JsonNode> identifies() {
        return gateway.identifies();
    }

    /** The {@code intents} of every IDENTIFY received so far, in order. */
    public List<Long> identifiedIntents() {
        return gateway.identifies().stream()
                .map(d -> d.path("intents").asLong(0))
                .toList();
    }

    /** The types ({@code t}) of all dispatches sent so far, in order, across sessions. */
    public List<String> sentDispatchTypes() {
        return gateway.sentDispatches().stream().map(FakeGateway.Dispatch::type).toList();
    }

    /** The payloads ({@code d}) of all dispatches of one type sent so far, in order. */
    public List<JsonNode> sentDispatches(String type) {
        return gateway.sentDispatches().stream()
                .filter(d -> d.type().equals(type))
                .map(d -> (JsonNode) d.data())
                .toList();
    }

    /** How many RESUMEs were accepted. */
    public int resumeCount() {
        return gateway.resumeCount();
    }

    // ------------------------------------------------------------------ event injection

    /**
     * Sends INTERACTION_CREATE for a slash command in "general".
     *
     * @param name the command name; "cmd sub" or "cmd group sub" nest the options under a subcommand (group)
     * @param options option values: {@code String} (type 3), {@code Integer}/{@code Long} (4), {@code Boolean} (5)
     *     or {@code Double} (10)
     */
    public InteractionHandle sendSlashCommand(FakeUser user, String name, Map<String, Object> options) {
        return sendSlashCommand(user, generalChannelId, name, options);
    }

    /** Like {@link #sendSlashCommand(FakeUser, String, Map)} in the given channel or thread. */
    public InteractionHandle sendSlashCommand(
            FakeUser user, String channelId, String name, Map<String, Object> options) {
        String[] parts = name.trim().split("\\s+");
        ArrayNode opts = options(options);
        ObjectNode data = commandData(parts[0], guildOfChannel(channelId).id());
        data.set("options", nest(parts, opts));
        return injectInteraction(2, user, channelId, data, null);
    }

    /**
     * Sends INTERACTION_CREATE type 4 (autocomplete) for a string option of a slash command in "general".
     *
     * @param name the command name (subcommands as in {@link #sendSlashCommand(FakeUser, String, Map)})
     * @param focusedOption the option being typed
     * @param value what the user has typed so far
     */
    public InteractionHandle sendAutocomplete(FakeUser user, String name, String focusedOption, String value) {
        String[] parts = name.trim().split("\\s+");
        ArrayNode opts = mapper.createArrayNode();
        opts.addObject()
                .put("name", focusedOption)
                .put("type", 3)
                .put("value", value)
                .put("focused", true);
        ObjectNode data = commandData(parts[0], guildId);
        data.set("options", nest(parts, opts));
        return injectInteraction(4, user, generalChannelId, data, null);
    }

    /**
     * Sends INTERACTION_CREATE type 3 (message component, button) for a button on a message the fake knows
     * (one the bot posted, e.g. via {@code channels/{id}/messages} or an interaction response).
     */
    public InteractionHandle clickButton(FakeUser user, String messageId, String customId) {
        ObjectNode message;
        synchronized (this) {
            ObjectNode stored = messagesById.get(messageId);
            if (stored == null) {
                throw new IllegalArgumentException("unknown message " + messageId);
            }
            message = stored.deepCopy();
        }
        ObjectNode data = mapper.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return injectInteraction(3, user, message.path("channel_id").asText(), data, message);
    }

    /**
     * Sends MESSAGE_CREATE for a message by a member. The message is stored. Its content reaches a client only
     * if it identified with MESSAGE_CONTENT or the bot is mentioned.
     *
     * @param mentionBot whether to mention the bot: adds it to {@code mentions} and prefixes {@code <@BOTID>}
     *     to the content unless it is already there
     * @return the message id
     */
    public String sendMessage(FakeUser user, String channelId, String content, boolean mentionBot) {
        requireLiveSession(guildOfChannel(channelId).id());
        String text = mentionBot && !content.contains(bot.mention()) ? bot.mention() + " " + content : content;
        ObjectNode body = mapper.createObjectNode().put("content", text);
        ObjectNode message;
        synchronized (this) {
            requireChannel(channelId);
            message = newMessage(snowflake(), channelId, user, body, 0);
            if (mentionBot && !mentions(message, bot.id())) {
                ((ArrayNode) message.get("mentions")).add(userJson(bot));
            }
            store(message);
        }
        dispatchMessageCreate(message);
        return message.get("id").asText();
    }

    /**
     * Makes every later REST request with {@code method} whose path (after {@code /api/v10/}) matches
     * {@code pathRegex} fail as Discord fails: HTTP {@code status} with {@code {"code": code, "message": message}},
     * e.g. 404, 10002, "Unknown Application".
     */
    public void failRequests(String method, String pathRegex, int status, int code, String message) {
        faults.add(new Fault(method, java.util.regex.Pattern.compile(pathRegex), status, code, message));
    }

    private Fault fault(String method, String path) {
        for (Fault f : faults) {
            if (f.method().equals(method) && f.path().matcher(path).matches()) {
                return f;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ recorded state

    /** A snapshot of every REST request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests the fake has no route for (answered 404 "fake: unknown route"). */
    public List<RecordedRequest> unknownRouteRequests() {
        return requests().stream()
                .filter(r -> r.status() == 404
                        && r.responseBody().path("message").asText().startsWith("fake:"))
                .toList();
    }

    /**
     * Waits for the first request with this method whose path (relative to {@code /api/v10/}, without query)
     * fully matches the regex, e.g. {@code awaitRequest("PATCH", "webhooks/\\d+/.+/messages/@original", ...)}.
     *
     * @throws AssertionError if none arrives in time
     */
    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
        return awaitRequests(method, pathRegex, 1, timeout).getFirst();
    }

    /** Waits for the first {@code count} matching requests; see {@link #awaitRequest}. */
    public List<RecordedRequest> awaitRequests(String method, String pathRegex, int count, Duration timeout) {
        Pattern pattern = Pattern.compile(pathRegex);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                List<RecordedRequest> matching = requests.stream()
                        .filter(r -> r.method().equalsIgnoreCase(method)
                                && pattern.matcher(r.path()).matches())
                        .limit(count)
                        .toList();
                if (matching.size() == count) {
                    return matching;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("expected " + count + " request(s) " + method + " " + pathRegex
                            + " within " + timeout + " but got " + matching.size() + "; all requests: " + requests);
                }
                try {
                    requests.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** The messages stored in a channel, oldest first (copies). */
    public synchronized List<JsonNode> messages(String channelId) {
        return messagesByChannel.getOrDefault(channelId, List.of()).stream()
                .map(m -> (JsonNode) m.deepCopy())
                .toList();
    }

    /** A stored message by id (a copy). */
    public synchronized Optional<JsonNode> message(String messageId) {
        return Optional.ofNullable(messagesById.get(messageId)).map(ObjectNode::deepCopy);
    }

    /** The current original response of an interaction (after a type 4/5 callback and edits), if any. */
    public Optional<JsonNode> originalResponse(InteractionHandle handle) {
        FakeInteraction interaction = interaction(handle.id());
        String messageId;
        synchronized (interaction) {
            messageId = interaction.originalMessageId;
        }
        return messageId == null ? Optional.empty() : message(messageId);
    }

    /** The type of the accepted callback of an interaction (4 reply, 5 defer, ...), empty if none yet. */
    public OptionalInt callbackType(InteractionHandle handle) {
        FakeInteraction interaction = interaction(handle.id());
        synchronized (interaction) {
            return interaction.acknowledged ? OptionalInt.of(interaction.callbackType) : OptionalInt.empty();
        }
    }

    /** The threads the fake knows (type 11 channels), as channel JSON. */
    public synchronized List<JsonNode> threads() {
        return channels.values().stream()
                .filter(c -> c.path("type").asInt() == TYPE_PUBLIC_THREAD)
                .map(c -> (JsonNode) c.deepCopy())
                .toList();
    }

    /** The registered global commands, as returned to JDA. */
    public synchronized List<JsonNode> globalCommands() {
        return globalCommands.stream().map(c -> (JsonNode) c.deepCopy()).toList();
    }

    /** The registered commands of the guild, as returned to JDA. */
    public synchronized List<JsonNode> guildCommands() {
        return guildCommands(guildId);
    }

    /** The registered commands of a guild, as returned to JDA. */
    public synchronized List<JsonNode> guildCommands(String guild) {
        return guildCommands.getOrDefault(guild, List.of()).stream()
                .map(c -> (JsonNode) c.deepCopy())
                .toList();
    }

    /** Stops both servers. */
    @Override
    public void close() {
        gateway.dropConnections();
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        httpExecutor.shutdownNow();
    }

    /** Mints a snowflake from the current time: {@code (now - DISCORD_EPOCH) << 22 | counter}. */
    public String snowflake() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH_MILLIS;
        return Long.toUnsignedString((millis << 22) | (snowflakeCounter.getAndIncrement() & 0x3FFFFF));
    }

    // ------------------------------------------------------------------ gateway payloads

    private synchronized List<FakeGateway.Dispatch> readyDispatches(FakeGateway.Session session) {
        ObjectNode ready = mapper.createObjectNode();
        ready.put("v", 10);
        ready.set("user", selfUserJson());
        List<Guild> visible =
                guilds.values().stream().filter(g -> session.holds(g.id())).toList();
        ArrayNode unavailable = ready.putArray("guilds");
        visible.forEach(g -> unavailable.addObject().put("id", g.id()).put("unavailable", true));
        if (session.shardTotal > 0) {
            ready.putArray("shard").add(session.shardId).add(session.shardTotal);
        }
        ready.put("session_id", session.id);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", gatewayUrl());
        ready.set(
                "application",
                mapper.createObjectNode().put("id", applicationId).put("flags", 0));
        ready.set("private_channels", mapper.createArrayNode());
        ready.set("presences", mapper.createArrayNode());
        ready.set("relationships", mapper.createArrayNode());
        ready.set("guild_join_requests", mapper.createArrayNode());
        ready.set("geo_ordered_rtc_regions", mapper.createArrayNode());
        List<FakeGateway.Dispatch> dispatches = new ArrayList<>();
        dispatches.add(new FakeGateway.Dispatch("READY", ready));
        visible.forEach(g -> dispatches.add(new FakeGateway.Dispatch("GUILD_CREATE", guildJson(g))));
        return dispatches;
    }

    private ObjectNode guildJson(Guild g) {
        ObjectNode guild = mapper.createObjectNode();
        guild.put("id", g.id())
                .put("name", "Tradetalk Test Guild")
                .putNull("icon")
                .putNull("splash")
                .putNull("banner")
                .putNull("description")
                .put("owner_id", admin.id())
                .put("afk_timeout", 300)
                .putNull("afk_channel_id")
                .putNull("system_channel_id")
                .putNull("rules_channel_id")
                .putNull("public_updates_channel_id")
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US")
                .put("max_members", 500_000)
                .put("member_count", 4)
                .put("large", false)
                .put("unavailable", false)
                .put("joined_at", guildJoinedAt);
        guild.set("features", mapper.createArrayNode());
        ArrayNode roles = guild.putArray("roles");
        roles.add(role(g.id(), "@everyone", 0, EVERYONE_PERMISSIONS));
        roles.add(role(g.adminRoleId(), "admin", 1, PERM_MANAGE_SERVER));
        ArrayNode channelArray = guild.putArray("channels");
        ArrayNode threadArray = guild.putArray("threads");
        for (ObjectNode channel : channels.values()) {
            if (!channel.path("guild_id").asText().equals(g.id())) {
                continue;
            }
            (channel.path("type").asInt() == TYPE_PUBLIC_THREAD ? threadArray : channelArray).add(channel.deepCopy());
        }
        ArrayNode members = guild.putArray("members");
        for (FakeUser user : List.of(bot, admin, normal, other)) {
            ObjectNode member = memberJson(user, g);
            member.set("user", userJson(user));
            members.add(member);
        }
        for (String empty : List.of(
                "presences",
                "voice_states",
                "emojis",
                "stickers",
                "guild_scheduled_events",
                "soundboard_sounds",
                "stage_instances")) {
            guild.putArray(empty);
        }
        return guild;
    }

    private ObjectNode role(String id, String name, int position, long permissions) {
        ObjectNode role = mapper.createObjectNode();
        role.put("id", id)
                .put("name", name)
                .put("position", position)
                .put("permissions", Long.toString(permissions))
                .put("managed", false)
                .put("hoist", false)
                .put("mentionable", false)
                .put("color", 0)
                .putNull("icon")
                .putNull("unicode_emoji")
                .put("flags", 0);
        role.putObject("colors")
                .put("primary_color", 0)
                .putNull("secondary_color")
                .putNull("tertiary_color");
        return role;
    }

    private ObjectNode textChannel(String id, String guild, String name) {
        ObjectNode channel = mapper.createObjectNode();
        channel.put("id", id)
                .put("type", TYPE_TEXT)
                .put("guild_id", guild)
                .put("name", name)
                .put("position", 0)
                .putNull("parent_id")
                .putNull("topic")
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .putNull("last_message_id")
                .put("flags", 0);
        channel.putArray("permission_overwrites");
        return channel;
    }

    private ObjectNode threadChannel(String id, String parentId, String name, int autoArchive) {
        String now = timestamp(System.currentTimeMillis());
        ObjectNode thread = mapper.createObjectNode();
        thread.put("id", id)
                .put("type", TYPE_PUBLIC_THREAD)
                .put("guild_id", guildOfChannel(parentId).id())
                .put("parent_id", parentId)
                .put("owner_id", bot.id())
                .put("name", name)
                .putNull("last_message_id")
                .put("rate_limit_per_user", 0)
                .put("message_count", 0)
                .put("total_message_sent", 0)
                .put("member_count", 1)
                .put("flags", 0);
        thread.putObject("thread_metadata")
                .put("archived", false)
                .put("auto_archive_duration", autoArchive)
                .put("archive_timestamp", now)
                .put("locked", false)
                .put("create_timestamp", now);
        thread.putArray("applied_tags");
        return thread;
    }

    private ObjectNode selfUserJson() {
        ObjectNode user = userJson(bot);
        user.put("verified", true).put("mfa_enabled", false).put("flags", 0);
        return user;
    }

    private ObjectNode userJson(FakeUser user) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", user.id())
                .put("username", user.username())
                .put("discriminator", "0")
                .putNull("global_name")
                .putNull("avatar")
                .put("bot", user.bot())
                .put("public_flags", 0);
        return json;
    }

    /** A member object without {@code user} (as nested in MESSAGE_CREATE). */
    private ObjectNode memberJson(FakeUser user, Guild guild) {
        ObjectNode member = mapper.createObjectNode();
        ArrayNode roles = member.putArray("roles");
        if (user.admin()) {
            roles.add(guild.adminRoleId());
        }
        member.putNull("nick")
                .putNull("avatar")
                .put("joined_at", guildJoinedAt)
                .putNull("premium_since")
                .put("deaf", false)
                .put("mute", false)
                .put("pending", false)
                .put("flags", 0)
                .putNull("communication_disabled_until");
        return member;
    }

    private long permissionsOf(FakeUser user) {
        return EVERYONE_PERMISSIONS | (user.admin() ? PERM_MANAGE_SERVER : 0);
    }

    // ------------------------------------------------------------------ interactions

    private ObjectNode commandData(String commandName, String guild) {
        ObjectNode data = mapper.createObjectNode();
        String commandId = null;
        boolean guildCommand = false;
        synchronized (this) {
            for (ObjectNode command : guildCommands.getOrDefault(guild, List.of())) {
                if (command.path("name").asText().equals(commandName)) {
                    commandId = command.path("id").asText();
                    guildCommand = true;
                }
            }
            for (ObjectNode command : globalCommands) {
                if (commandId == null && command.path("name").asText().equals(commandName)) {
                    commandId = command.path("id").asText();
                }
            }
        }
        data.put("id", commandId != null ? commandId : snowflake())
                .put("name", commandName)
                .put("type", 1);
        if (guildCommand) {
            data.put("guild_id", guild);
        }
        return data;
    }

    private ArrayNode nest(String[] parts, ArrayNode options) {
        ArrayNode result = options;
        if (parts.length == 3) {
            ArrayNode sub = mapper.createArrayNode();
            sub.addObject().put("name", parts[2]).put("type", 1).set("options", options);
            result = mapper.createArrayNode();
            result.addObject().put("name", parts[1]).put("type", 2).set("options", sub);
        } else if (parts.length == 2) {
            result = mapper.createArrayNode();
            result.addObject().put("name", parts[1]).put("type", 1).set("options", options);
        } else if (parts.length > 3) {
            throw new IllegalArgumentException("at most 'command group subcommand': " + String.join(" ", parts));
        }
        return result;
    }

    private ArrayNode options(Map<String, Object> options) {
        ArrayNode array = mapper.createArrayNode();
        options.forEach((name, value) -> {
            ObjectNode option = array.addObject().put("name", name);
            switch (value) {
                case String s -> option.put("type", 3).put("value", s);
                case Integer i -> option.put("type", 4).put("value", i);
                case Long l -> option.put("type", 4).put("value", l);
                case Boolean b -> option.put("type", 5).put("value", b);
                case Double d -> option.put("type", 10).put("value", d);
                default ->
                    throw new IllegalArgumentException("unsupported option type for " + name + ": "
                            + value.getClass().getName());
            }
        });
        return array;
    }

    private InteractionHandle injectInteraction(
            int type, FakeUser user, String channelId, ObjectNode data, ObjectNode message) {
        Guild inGuild = guildOfChannel(channelId);
        String guildId = inGuild.id();
        requireLiveSession(guildId);
        ObjectNode channel;
        synchronized (this) {
            channel = requireChannel(channelId).deepCopy();
        }
        String id = snowflake();
        String interactionToken = "fake-" + UUID.randomUUID().toString().replace("-", "");
        InteractionHandle handle = new InteractionHandle(id, interactionToken, type, channelId, user.id());
        FakeInteraction interaction = new FakeInteraction(handle);
        if (message != null) {
            interaction.originalMessageId = message.path("id").asText();
        }
        synchronized (this) {
            interactionsById.put(id, interaction);
            interactionsByToken.put(interactionToken, interaction);
        }

        String permissions = Long.toString(permissionsOf(user));
        ObjectNode payload = mapper.createObjectNode();
        payload.put("id", id)
                .put("application_id", applicationId)
                .put("type", type)
                .put("token", interactionToken)
                .put("version", 1)
                .put("guild_id", guildId)
                .put("channel_id", channelId)
                .put("app_permissions", Long.toString(permissionsOf(bot)))
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("context", 0)
                .put("attachment_size_limit", 10_485_760);
        ObjectNode guild = payload.putObject("guild");
        guild.put("id", guildId).put("locale", "en-US");
        guild.putArray("features");
        channel.put("permissions", permissions);
        payload.set("channel", channel);
        ObjectNode member = memberJson(user, inGuild);
        member.put("permissions", permissions);
        member.set("user", userJson(user));
        payload.set("member", member);
        payload.putArray("entitlements");
        payload.putObject("authorizing_integration_owners").put("0", guildId);
        payload.set("data", data);
        if (message != null) {
            payload.set("message", message);
        }
        int delivered = gateway.dispatch("INTERACTION_CREATE", s -> s.holds(guildId) ? payload.deepCopy() : null);
        LOG.debug("INTERACTION_CREATE type {} id {} delivered to {} session(s)", type, id, delivered);
        return handle;
    }

    private FakeInteraction interaction(String id) {
        synchronized (this) {
            FakeInteraction interaction = interactionsById.get(id);
            if (interaction == null) {
                throw new IllegalArgumentException("unknown interaction " + id);
            }
            return interaction;
        }
    }

    private void requireLiveSession(String guild) {
        if (!gateway.hasLiveSession(guild)) {
            throw new IllegalStateException(
                    "no gateway session of guild " + guild + "'s shard is connected; call awaitReady() first");
        }
    }

    /** The guild a channel (or thread) belongs to. */
    private synchronized Guild guildOfChannel(String channelId) {
        return requireGuild(requireChannel(channelId).path("guild_id").asText());
    }

    private synchronized Guild requireGuild(String id) {
        Guild guild = guilds.get(id);
        if (guild == null) {
            throw new IllegalArgumentException("unknown guild " + id);
        }
        return guild;
    }

    // ------------------------------------------------------------------ messages

    private ObjectNode newMessage(String id, String channelId, FakeUser author, JsonNode body, int type) {
        Guild guild = guildOfChannel(channelId);
        ObjectNode message = mapper.createObjectNode();
        message.put("id", id).put("type", type).put("channel_id", channelId).put("guild_id", guild.id());
        message.set("author", userJson(author));
        message.set("member", memberJson(author, guild));
        message.put("content", body.path("content").asText(""))
                .put("timestamp", timestamp(snowflakeMillis(id)))
                .putNull("edited_timestamp")
                .put("tts", body.path("tts").asBoolean(false))
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", body.path("flags").asInt(0) & MESSAGE_FLAG_EPHEMERAL);
        message.set("mentions", mentionsIn(message.get("content").asText()));
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.set("embeds", embeds(body.path("embeds")));
        message.set("components", components(body.path("components")));
        if (body.hasNonNull("nonce")) {
            message.set("nonce", body.get("nonce"));
        }
        JsonNode reference = body.path("message_reference");
        if (reference.hasNonNull("message_id")) {
            String referencedId = reference.get("message_id").asText();
            ObjectNode ref = message.putObject("message_reference");
            ref.put("type", 0)
                    .put("message_id", referencedId)
                    .put("channel_id", channelId)
                    .put("guild_id", guild.id());
            ObjectNode referenced = messagesById.get(referencedId);
            if (referenced != null) {
                message.set("referenced_message", referenced.deepCopy());
                message.put("type", 19); // REPLY
            }
        }
        return message;
    }

    private ArrayNode mentionsIn(String content) {
        ArrayNode mentions = mapper.createArrayNode();
        Matcher matcher = USER_MENTION.matcher(content);
        List<String> seen = new ArrayList<>();
        while (matcher.find()) {
            String id = matcher.group(1);
            for (FakeUser user : List.of(bot, admin, normal, other)) {
                if (user.id().equals(id) && !seen.contains(id)) {
                    seen.add(id);
                    mentions.add(userJson(user));
                }
            }
        }
        return mentions;
    }

    private static boolean mentions(JsonNode message, String userId) {
        for (JsonNode mention : message.path("mentions")) {
            if (mention.path("id").asText().equals(userId)) {
                return true;
            }
        }
        return false;
    }

    private ArrayNode embeds(JsonNode embeds) {
        ArrayNode result = mapper.createArrayNode();
        if (embeds.isArray()) {
            for (JsonNode embed : embeds) {
                ObjectNode copy = embed.deepCopy();
                if (!copy.has("type")) {
                    copy.put("type", "rich");
                }
                result.add(copy);
            }
        }
        return result;
    }

    /** Copies components and gives each one the numeric {@code id} Discord assigns when the client sent none. */
    private ArrayNode components(JsonNode components) {
        ArrayNode result = components.isArray() ? components.deepCopy() : mapper.createArrayNode();
        int[] next = {1};
        assignComponentIds(result, next);
        return result;
    }

    private void assignComponentIds(JsonNode node, int[] next) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("type") && !object.hasNonNull("id")) {
                object.put("id", next[0]++);
            }
            object.properties().forEach(e -> {
                if (e.getValue().isContainerNode()) {
                    assignComponentIds(e.getValue(), next);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> assignComponentIds(child, next));
        }
    }

    /** Applies the edit fields present in a PATCH body to a stored message. Caller holds the lock. */
    private void applyEdit(ObjectNode message, JsonNode body) {
        if (body.has("content")) {
            message.put("content", body.path("content").asText(""));
            message.set("mentions", mentionsIn(message.get("content").asText()));
        }
        if (body.has("embeds")) {
            message.set("embeds", embeds(body.path("embeds")));
        }
        if (body.has("components")) {
            message.set("components", components(body.path("components")));
        }
        message.put("flags", message.path("flags").asInt() & ~MESSAGE_FLAG_LOADING);
        message.put("edited_timestamp", timestamp(System.currentTimeMillis()));
    }

    /** Stores a new message. Caller holds the lock. */
    private void store(ObjectNode message) {
        String channelId = message.get("channel_id").asText();
        messagesByChannel.computeIfAbsent(channelId, c -> new ArrayList<>()).add(message);
        messagesById.put(message.get("id").asText(), message);
        ObjectNode channel = channels.get(channelId);
        if (channel != null) {
            channel.put("last_message_id", message.get("id").asText());
        }
    }

    private boolean isEphemeral(JsonNode message) {
        return (message.path("flags").asInt() & MESSAGE_FLAG_EPHEMERAL) != 0;
    }

    private void dispatchMessageCreate(ObjectNode message) {
        if (isEphemeral(message)) {
            return; // Discord does not dispatch ephemeral messages
        }
        ObjectNode snapshot;
        synchronized (this) {
            snapshot = message.deepCopy();
        }
        gateway.dispatch("MESSAGE_CREATE", session -> visibleTo(session, snapshot));
    }

    private void dispatchMessageUpdate(ObjectNode message) {
        if (isEphemeral(message)) {
            return;
        }
        ObjectNode snapshot;
        synchronized (this) {
            snapshot = message.deepCopy();
        }
        gateway.dispatch("MESSAGE_UPDATE", session -> visibleTo(session, snapshot));
    }

    /**
     * What a session may see of a guild message: nothing without GUILD_MESSAGES; without MESSAGE_CONTENT the
     * content, embeds, attachments and components are empty unless the bot wrote it or is mentioned.
     */
    private ObjectNode visibleTo(FakeGateway.Session session, ObjectNode message) {
        if ((session.intents & INTENT_GUILD_MESSAGES) == 0
                || !session.holds(message.path("guild_id").asText())) {
            return null;
        }
        ObjectNode copy = message.deepCopy();
        boolean contentVisible = (session.intents & INTENT_MESSAGE_CONTENT) != 0
                || bot.id().equals(message.path("author").path("id").asText())
                || mentions(message, bot.id());
        if (!contentVisible) {
            copy.put("content", "");
            copy.putArray("embeds");
            copy.putArray("attachments");
            copy.putArray("components");
            copy.remove("poll");
        }
        return copy;
    }

    // ------------------------------------------------------------------ REST

    private void handleHttp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String fullPath = exchange.getRequestURI().getPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String rawBody = new String(raw, StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String contentType =
                    headers.getOrDefault("content-type", List.of("")).getFirst();
            JsonNode body = parseBody(contentType, rawBody);
            String path = fullPath.startsWith(API_PREFIX) ? fullPath.substring(API_PREFIX.length()) : fullPath;

            Response response;
            try {
                Fault fault = fault(method, path);
                response = fault != null
                        ? error(fault.status(), fault.code(), fault.message())
                        : fullPath.startsWith(API_PREFIX)
                                ? route(method, path, headers, body)
                                : unknownRoute(method, fullPath);
            } catch (RuntimeException e) {
                LOG.error("FakeDiscord failed on {} {}", method, path, e);
                response = error(500, 0, "fake: " + e);
            }

            RecordedRequest recorded = new RecordedRequest(
                    method,
                    path,
                    query,
                    Map.copyOf(headers),
                    body,
                    rawBody,
                    Instant.now(),
                    response.status(),
                    response.body(),
                    raw);
            LOG.debug("REST {}", recorded);
            synchronized (requests) {
                requests.add(recorded);
                requests.notifyAll();
            }
            writeResponse(exchange, response);
        }
    }

    private void writeResponse(HttpExchange exchange, Response response) throws IOException {
        if (response.body().isMissingNode()) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode parseBody(String contentType, String rawBody) {
        if (rawBody.isBlank()) {
            return MissingNode.getInstance();
        }
        String json = rawBody;
        if (contentType.startsWith("multipart/form-data")) {
            json = payloadJsonPart(rawBody);
            if (json == null) {
                return MissingNode.getInstance();
            }
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Extracts the {@code payload_json} part of a multipart body (files are ignored). */
    private static String payloadJsonPart(String body) {
        int name = body.indexOf("name=\"payload_json\"");
        if (name < 0) {
            return null;
        }
        int start = body.indexOf("\r\n\r\n", name);
        if (start < 0) {
            return null;
        }
        start += 4;
        int end = body.indexOf("\r\n--", start);
        return end < 0 ? body.substring(start) : body.substring(start, end);
    }

    private Response route(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        String[] s = path.split("/");
        boolean tokenless = s[0].equals("interactions") || s[0].equals("webhooks");
        if (!tokenless
                && !("Bot " + token)
                        .equals(headers.getOrDefault("authorization", List.of(""))
                                .getFirst())) {
            return error(401, 0, "401: Unauthorized");
        }
        String route = method + " " + shape(s);
        return switch (route) {
            case "GET users/@me" -> ok(selfUserJson());
            case "GET gateway/bot" -> gatewayBot();
            case "PUT applications/*/commands" -> putCommands(s[1], body, null);
            case "GET applications/*/commands" -> ok(arrayOf(globalCommands()));
            case "POST applications/*/commands" -> postCommand(s[1], body, null);
            case "PUT applications/*/guilds/*/commands" -> putCommands(s[1], body, s[3]);
            case "GET applications/*/guilds/*/commands" -> ok(arrayOf(guildCommands(s[3])));
            case "POST applications/*/guilds/*/commands" -> postCommand(s[1], body, s[3]);
            case "POST interactions/*/*/callback" -> interactionCallback(s[1], s[2], body);
            case "POST webhooks/*/*" -> followUp(s[1], s[2], body);
            case "GET webhooks/*/*/messages/*", "PATCH webhooks/*/*/messages/*", "DELETE webhooks/*/*/messages/*" ->
                webhookMessage(method, s[1], s[2], s[4], body);
            case "GET channels/*" -> getChannel(s[1]);
            case "POST channels/*/messages" -> postChannelMessage(s[1], body);
            case "GET channels/*/messages" -> getChannelMessages(s[1]);
            case "GET channels/*/messages/*" -> getChannelMessage(s[1], s[3]);
            case "PATCH channels/*/messages/*" -> editChannelMessage(s[1], s[3], body);
            case "POST channels/*/messages/*/threads" -> startThread(s[1], s[3], body);
            case "POST channels/*/threads" -> startThread(s[1], null, body);
            case "PUT channels/*/thread-members/@me" -> joinThread(s[1]);
            default -> unknownRoute(method, path);
        };
    }

    /** Replaces ids and tokens by {@code *}, keeping the fixed words of Discord's routes. */
    private static String shape(String[] segments) {
        List<String> fixed = List.of(
                "users",
                "@me",
                "gateway",
                "bot",
                "applications",
                "commands",
                "guilds",
                "interactions",
                "callback",
                "webhooks",
                "messages",
                "channels",
                "threads",
                "thread-members");
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                shape.append('/');
            }
            shape.append(
                    fixed.contains(segments[i]) && !(i == 2 && segments[0].equals("interactions")) ? segments[i] : "*");
        }
        return shape.toString();
    }

    private Response unknownRoute(String method, String path) {
        LOG.warn("FakeDiscord has no route for {} {}", method, path);
        return error(404, 0, "fake: unknown route");
    }

    /** What a ShardManager asks first: the gateway URL, the recommended shard count and the identify limits. */
    private Response gatewayBot() {
        ObjectNode body = mapper.createObjectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
        body.putObject("session_start_limit")
                .put("total", 1000)
                .put("remaining", 999)
                .put("reset_after", 14_400_000)
                .put("max_concurrency", 1);
        return ok(body);
    }

    /** @param guild the guild of guild commands, null for global ones */
    private Response putCommands(String app, JsonNode body, String guild) {
        if (!app.equals(applicationId)) {
            return error(403, 50001, "Missing Access");
        }
        if (!body.isArray()) {
            return error(400, 50035, "Invalid Form Body", List.of("body: must be an array of commands"));
        }
        ArrayNode result = mapper.createArrayNode();
        synchronized (this) {
            if (guild != null && !guilds.containsKey(guild)) {
                return error(404, 10004, "Unknown Guild");
            }
            List<ObjectNode> target = commandList(guild);
            target.clear();
            for (JsonNode definition : body) {
                ObjectNode command = commandJson(definition, guild);
                target.add(command);
                result.add(command.deepCopy());
            }
        }
        return ok(result);
    }

    private List<ObjectNode> commandList(String guild) {
        return guild == null ? globalCommands : guildCommands.computeIfAbsent(guild, g -> new ArrayList<>());
    }

    private Response postCommand(String app, JsonNode body, String guild) {
        if (!app.equals(applicationId)) {
            return error(403, 50001, "Missing Access");
        }
        ObjectNode command = commandJson(body, guild);
        synchronized (this) {
            List<ObjectNode> target = commandList(guild);
            target.removeIf(
                    c -> c.path("name").asText().equals(command.path("name").asText()));
            target.add(command);
        }
        return new Response(201, command.deepCopy());
    }

    private ObjectNode commandJson(JsonNode definition, String guild) {
        ObjectNode command = definition.deepCopy();
        command.put("id", snowflake()).put("application_id", applicationId).put("version", snowflake());
        if (!command.has("type")) {
            command.put("type", 1);
        }
        if (!command.has("description")) {
            command.put("description", "");
        }
        if (!command.has("options")) {
            command.putArray("options");
        }
        if (!command.has("nsfw")) {
            command.put("nsfw", false);
        }
        if (guild != null) {
            command.put("guild_id", guild);
        }
        return command;
    }

    private Response interactionCallback(String id, String interactionToken, JsonNode body) {
        FakeInteraction interaction;
        synchronized (this) {
            interaction = interactionsById.get(id);
        }
        if (interaction == null || !interaction.handle.token().equals(interactionToken)) {
            return unknownInteraction();
        }
        int type = body.path("type").asInt(-1);
        JsonNode data = body.path("data");
        if (type == 4 || type == 7) {
            List<String> violations = MessageLimits.violations(data);
            if (!violations.isEmpty()) {
                return invalidForm(violations);
            }
        }
        ObjectNode created = null;
        ObjectNode updated = null;
        synchronized (interaction) {
            Duration age = Duration.ofNanos(System.nanoTime() - interaction.createdNanos);
            if (interaction.acknowledged) {
                LOG.info("Second callback for interaction {} refused", id);
                return unknownInteraction();
            }
            if (age.compareTo(ackDeadline) > 0) {
                LOG.info(
                        "Callback for interaction {} after {} ms refused (deadline {} ms)",
                        id,
                        age.toMillis(),
                        ackDeadline.toMillis());
                return unknownInteraction();
            }
            int interactionType = interaction.handle.type();
            switch (type) {
                case 4, 5 -> {
                    if (interactionType == 4) {
                        return invalidForm(List.of("type: autocomplete interactions only accept type 8"));
                    }
                    ObjectNode content = data.isObject() ? data.deepCopy() : mapper.createObjectNode();
                    int flags = content.path("flags").asInt(0) & MESSAGE_FLAG_EPHEMERAL;
                    if (type == 5) {
                        content = mapper.createObjectNode();
                        flags |= MESSAGE_FLAG_LOADING;
                    }
                    content.put("flags", flags);
                    synchronized (this) {
                        created = newMessage(
                                snowflake(),
                                interaction.handle.channelId(),
                                bot,
                                content,
                                interactionType == 2 ? 20 : 0);
                        created.put("webhook_id", applicationId).put("application_id", applicationId);
                        store(created);
                    }
                    interaction.originalMessageId = created.get("id").asText();
                }
                case 6, 7 -> {
                    if (interactionType != 3) {
                        return invalidForm(List.of("type: only component interactions accept type " + type));
                    }
                    if (type == 7) {
                        synchronized (this) {
                            updated = messagesById.get(interaction.originalMessageId);
                            if (updated != null) {
                                applyEdit(updated, data);
                            }
                        }
                    }
                }
                case 8 -> {
                    if (interactionType != 4) {
                        return invalidForm(List.of("type: only autocomplete interactions accept type 8"));
                    }
                }
                case 9 -> {
                    if (interactionType == 4) {
                        return invalidForm(List.of("type: autocomplete interactions only accept type 8"));
                    }
                }
                default -> {
                    return invalidForm(List.of("type: Value must be one of {4, 5, 6, 7, 8, 9}."));
                }
            }
            interaction.acknowledged = true;
            interaction.callbackType = type;
        }
        if (created != null) {
            dispatchMessageCreate(created);
        }
        if (updated != null) {
            dispatchMessageUpdate(updated);
        }
        return new Response(204, MissingNode.getInstance());
    }

    private Response followUp(String app, String interactionToken, JsonNode body) {
        Optional<FakeInteraction> found = webhookInteraction(app, interactionToken);
        if (found.isEmpty()) {
            return unknownWebhook(app, interactionToken);
        }
        List<String> violations = MessageLimits.violations(body);
        if (!violations.isEmpty()) {
            return invalidForm(violations);
        }
        FakeInteraction interaction = found.get();
        ObjectNode message;
        synchronized (this) {
            message = newMessage(snowflake(), interaction.handle.channelId(), bot, body, 0);
            message.put("webhook_id", applicationId).put("application_id", applicationId);
            store(message);
        }
        synchronized (interaction) {
            interaction.followUpIds.add(message.get("id").asText());
        }
        dispatchMessageCreate(message);
        return ok(message.deepCopy());
    }

    private Response webhookMessage(
            String method, String app, String interactionToken, String messageId, JsonNode body) {
        Optional<FakeInteraction> found = webhookInteraction(app, interactionToken);
        if (found.isEmpty()) {
            return unknownWebhook(app, interactionToken);
        }
        FakeInteraction interaction = found.get();
        String id;
        synchronized (interaction) {
            id = messageId.equals("@original") ? interaction.originalMessageId : messageId;
            boolean belongs =
                    id != null && (id.equals(interaction.originalMessageId) || interaction.followUpIds.contains(id));
            if (!belongs) {
                return error(404, 10008, "Unknown Message");
            }
        }
        if (method.equals("PATCH")) {
            List<String> violations = MessageLimits.violations(body);
            if (!violations.isEmpty()) {
                return invalidForm(violations);
            }
        }
        ObjectNode message;
        synchronized (this) {
            message = messagesById.get(id);
            if (message == null) {
                return error(404, 10008, "Unknown Message");
            }
            switch (method) {
                case "PATCH" -> applyEdit(message, body);
                case "DELETE" -> {
                    messagesById.remove(id);
                    messagesByChannel
                            .getOrDefault(message.get("channel_id").asText(), new ArrayList<>())
                            .remove(message);
                }
                default -> {}
            }
        }
        switch (method) {
            case "PATCH" -> {
                dispatchMessageUpdate(message);
                return ok(message.deepCopy());
            }
            case "DELETE" -> {
                if (!isEphemeral(message)) {
                    String guild = message.path("guild_id").asText();
                    ObjectNode deleted = mapper.createObjectNode()
                            .put("id", id)
                            .put("channel_id", message.get("channel_id").asText())
                            .put("guild_id", guild);
                    gateway.dispatch("MESSAGE_DELETE", s -> s.holds(guild) ? deleted.deepCopy() : null);
                }
                return new Response(204, MissingNode.getInstance());
            }
            default -> {
                synchronized (this) {
                    return ok(message.deepCopy());
                }
            }
        }
    }

    private Optional<FakeInteraction> webhookInteraction(String app, String interactionToken) {
        if (!app.equals(applicationId)) {
            return Optional.empty();
        }
        synchronized (this) {
            return Optional.ofNullable(interactionsByToken.get(interactionToken));
        }
    }

    private Response unknownWebhook(String app, String interactionToken) {
        FakeInteraction interaction;
        synchronized (this) {
            interaction = interactionsByToken.get(interactionToken);
        }
        if (interaction != null
                && app.equals(applicationId)
                && Duration.ofNanos(System.nanoTime() - interaction.createdNanos)
                                .compareTo(INTERACTION_TOKEN_LIFETIME)
                        > 0) {
            return error(401, 50027, "Invalid Webhook Token");
        }
        return error(404, 10015, "Unknown Webhook");
    }

    private synchronized Response getChannel(String channelId) {
        ObjectNode channel = channels.get(channelId);
        return channel == null ? unknownChannel() : ok(channel.deepCopy());
    }

    private Response postChannelMessage(String channelId, JsonNode body) {
        List<String> violations = MessageLimits.violations(body);
        if (!violations.isEmpty()) {
            return invalidForm(violations);
        }
        boolean empty = body.path("content").asText("").isEmpty()
                && body.path("embeds").isEmpty()
                && body.path("components").isEmpty()
                && body.path("sticker_ids").isEmpty()
                && body.path("attachments").isEmpty();
        if (empty) {
            return error(400, 50006, "Cannot send an empty message");
        }
        ObjectNode message;
        synchronized (this) {
            if (!channels.containsKey(channelId)) {
                return unknownChannel();
            }
            message = newMessage(snowflake(), channelId, bot, body, 0);
            store(message);
        }
        dispatchMessageCreate(message);
        return ok(message.deepCopy());
    }

    private synchronized Response getChannelMessages(String channelId) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        ArrayNode result = mapper.createArrayNode();
        List<ObjectNode> stored = messagesByChannel.getOrDefault(channelId, List.of());
        for (int i = stored.size() - 1; i >= 0 && result.size() < 50; i--) {
            result.add(stored.get(i).deepCopy());
        }
        return ok(result);
    }

    private synchronized Response getChannelMessage(String channelId, String messageId) {
        ObjectNode message = messagesById.get(messageId);
        if (message == null || !message.path("channel_id").asText().equals(channelId)) {
            return error(404, 10008, "Unknown Message");
        }
        return ok(message.deepCopy());
    }

    private Response editChannelMessage(String channelId, String messageId, JsonNode body) {
        List<String> violations = MessageLimits.violations(body);
        if (!violations.isEmpty()) {
            return invalidForm(violations);
        }
        ObjectNode message;
        synchronized (this) {
            message = messagesById.get(messageId);
            if (message == null || !message.path("channel_id").asText().equals(channelId)) {
                return error(404, 10008, "Unknown Message");
            }
            if (!bot.id().equals(message.path("author").path("id").asText())) {
                return error(403, 50005, "Cannot edit a message authored by another user");
            }
            applyEdit(message, body);
        }
        dispatchMessageUpdate(message);
        synchronized (this) {
            return ok(message.deepCopy());
        }
    }

    private Response startThread(String channelId, String messageId, JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isEmpty() || name.length() > 100) {
            return invalidForm(List.of("name: Must be between 1 and 100 in length."));
        }
        int autoArchive = body.path("auto_archive_duration").asInt(1440);
        ObjectNode thread;
        synchronized (this) {
            ObjectNode parent = channels.get(channelId);
            if (parent == null) {
                return unknownChannel();
            }
            if (parent.path("type").asInt() != TYPE_TEXT) {
                return error(400, 50024, "Cannot execute action on this channel type");
            }
            String threadId;
            if (messageId != null) {
                ObjectNode message = messagesById.get(messageId);
                if (message == null || !message.path("channel_id").asText().equals(channelId)) {
                    return error(404, 10008, "Unknown Message");
                }
                if (message.has("thread")) {
                    return error(400, 160004, "A thread has already been created for this message");
                }
                threadId = messageId; // Discord gives a thread started from a message the message's id
                thread = threadChannel(threadId, channelId, name, autoArchive);
                message.set("thread", thread.deepCopy());
                message.put("flags", message.path("flags").asInt() | MESSAGE_FLAG_HAS_THREAD);
            } else {
                threadId = snowflake();
                thread = threadChannel(threadId, channelId, name, autoArchive);
            }
            channels.put(threadId, thread);
        }
        ObjectNode event = thread.deepCopy();
        event.put("newly_created", true);
        event.putObject("member")
                .put("id", thread.get("id").asText())
                .put("user_id", bot.id())
                .put("join_timestamp", timestamp(System.currentTimeMillis()))
                .put("flags", 0);
        String guild = thread.path("guild_id").asText();
        gateway.dispatch("THREAD_CREATE", s -> s.holds(guild) ? event.deepCopy() : null);
        return new Response(201, thread.deepCopy());
    }

    private synchronized Response joinThread(String channelId) {
        ObjectNode channel = channels.get(channelId);
        if (channel == null) {
            return unknownChannel();
        }
        if (channel.path("type").asInt() != TYPE_PUBLIC_THREAD) {
            return error(400, 50024, "Cannot execute action on this channel type");
        }
        return new Response(204, MissingNode.getInstance());
    }

    private synchronized ObjectNode requireChannel(String channelId) {
        ObjectNode channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("unknown channel " + channelId);
        }
        return channel;
    }

    // ------------------------------------------------------------------ small helpers

    private ArrayNode arrayOf(List<JsonNode> nodes) {
        ArrayNode array = mapper.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    private Response unknownInteraction() {
        return error(404, 10062, "Unknown interaction");
    }

    private Response unknownChannel() {
        return error(404, 10003, "Unknown Channel");
    }

    private Response invalidForm(List<String> violations) {
        return error(400, 50035, "Invalid Form Body", violations);
    }

    private Response error(int status, int code, String message) {
        return error(status, code, message, List.of());
    }

    private Response error(int status, int code, String message, List<String> violations) {
        ObjectNode body = mapper.createObjectNode().put("code", code).put("message", message);
        if (!violations.isEmpty()) {
            ObjectNode errors = body.putObject("errors");
            for (String violation : violations) {
                int colon = violation.indexOf(':');
                String field = colon < 0 ? "_errors" : violation.substring(0, colon);
                String text =
                        colon < 0 ? violation : violation.substring(colon + 1).trim();
                errors.putObject(field)
                        .putArray("_errors")
                        .addObject()
                        .put("code", "BASE_TYPE_BAD_REQUEST")
                        .put("message", text);
            }
        }
        return new Response(status, body);
    }

    private static long snowflakeMillis(String snowflake) {
        return (Long.parseUnsignedLong(snowflake) >>> 22) + DISCORD_EPOCH_MILLIS;
    }

    private static String timestamp(long epochMillis) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
    }
}
