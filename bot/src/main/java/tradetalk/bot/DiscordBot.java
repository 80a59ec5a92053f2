package tradetalk.bot;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.UserError;

/**
 * The Discord bot's connection: {@link #start} connects the bot's listener (built by the wiring class,
 * {@code tradetalk.cli.Tradetalk}) to Discord (or the configured endpoints), registers the commands and returns when
 * the bot is ready; {@link #close} lets running answers finish (or tells their members) and disconnects.
 *
 * <p>Not sharded (no {@code discord.shards-total}), it is one JDA connection that receives every guild. Sharded,
 * it is a JDA {@link ShardManager} running this process's shards ({@code discord.shards}); the process running
 * shard 0 registers the global commands, and the guild commands of {@code discord.guild-ids} are registered by the
 * process running each guild's shard (the only one that has the guild).
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final DiscordConfig config;
    private final Work work;
    private final FeedbackStore feedback;
    private final BotCore core;
    private final Conversations conversations;
    private final Digest digest;
    private final Shards shards;
    private JDA jda; // not sharded
    private ShardManager shardManager; // sharded
    private ScheduledExecutorService scheduler;

    /**
     * The bot's parts, as the wiring class builds them.
     *
     * @param digest the status digest, or null when none is configured
     */
    public DiscordBot(
            DiscordConfig config,
            BotCore core,
            Work work,
            FeedbackStore feedback,
            Conversations conversations,
            Digest digest) {
        this.config = config;
        this.core = core;
        this.work = work;
        this.feedback = feedback;
        this.conversations = conversations;
        this.digest = digest;
        this.shards = config.sharding();
    }

    /** Whether the configuration has what {@link #start} needs (a token); the message says how to fix it. */
    public static void requireToken(DiscordConfig config) {
        if (!config.hasToken()) {
            throw new UserError("no Discord bot token: set TRADETALK_DISCORD_TOKEN (or discord.token in the config "
                    + "file) to the token from the Discord developer portal (Bot > Reset Token)");
        }
    }

    /** Connects with JDA's builder as configured (see {@link #start(UnaryOperator)}). */
    public DiscordBot start() throws InterruptedException {
        return start(UnaryOperator.identity());
    }

    /**
     * Connects to Discord (or the configured endpoints), registers the commands and starts the digest if configured;
     * on failure everything is closed again.
     *
     * @param customizer last changes to the JDA builder when not sharded (tests; identity in production); a sharded
     *                   bot is configured by {@code discord.*} alone
     * @throws UserError when the token is missing or Discord rejects it (the message never shows it), or Discord
     *                   cannot be reached
     */
    public DiscordBot start(UnaryOperator<JDABuilder> customizer) throws InterruptedException {
        requireToken(config);
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        try {
            connect(customizer);
        } catch (ErrorResponseException e) {
            close();
            throw new UserError(DiscordErrors.describe(e, "starting the bot"));
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        return this;
    }

    private void connect(UnaryOperator<JDABuilder> customizer) throws InterruptedException {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (config.messageContentIntent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        if (shards.enabled()) {
            connectShards(intents);
        } else {
            connectOne(intents, customizer);
        }
        JDA any = jda();
        log.info(
                "Connected to Discord as {} (application {}), {}, in {} guild(s)",
                any.getSelfUser().getName(),
                any.getSelfUser().getApplicationId(),
                shards,
                shardManager != null
                        ? shardManager.getGuildCache().size()
                        : jda.getGuilds().size());
        registerCommands();
        if (digest != null) {
            config.digestEvery().ifPresent(this::startDigest);
        }
    }

    /** One connection for every guild, as before sharding existed. */
    private void connectOne(EnumSet<GatewayIntent> intents, UnaryOperator<JDABuilder> customizer)
            throws InterruptedException {
        JDABuilder builder = JDABuilder.createLight(config.token(), intents)
                .addEventListeners(core)
                // our own shutdown (close) lets running answers finish first; JDA's hook would cut them off
                .setEnableShutdownHook(false);
        if (!config.apiBaseUrl().isEmpty()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(config.apiBaseUrl()));
        }
        if (!config.gatewayUrl().isEmpty()) {
            builder.setSessionController(sessionController(config.gatewayUrl()));
        }
        if (customEndpoints()) {
            builder.setCompression(Compression.NONE);
        }
        jda = login(() -> customizer.apply(builder).build());
        jda.awaitReady();
    }

    /** A ShardManager running this process's shards; returns when each of them is ready. */
    private void connectShards(EnumSet<GatewayIntent> intents) throws InterruptedException {
        ShardsReady ready = new ShardsReady(shards.ids());
        RestConfig rest = new RestConfig().setUserAgentSuffix("tradetalk " + shards);
        if (!config.apiBaseUrl().isEmpty()) {
            rest.setBaseUrl(config.apiBaseUrl());
        }
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.token(), intents)
                .setShardsTotal(shards.total())
                .setShards(shards.ids())
                .addEventListeners(core, ready)
                .setRestConfig(rest)
                .setEnableShutdownHook(false);
        if (!config.gatewayUrl().isEmpty()) {
            builder.setSessionController(sessionController(config.gatewayUrl()));
        }
        if (customEndpoints()) {
            builder.setCompression(Compression.NONE);
        }
        shardManager = login(builder::build);
        ready.await();
    }

    private boolean customEndpoints() {
        return !config.apiBaseUrl().isEmpty() || !config.gatewayUrl().isEmpty();
    }

    /**
     * JDA's default session controller with the gateway at {@code url}: for one connection ({@code getGateway}) and
     * for shards, which ask Discord's {@code gateway/bot} for the URL and the recommended shard count (the count is
     * kept, only the URL is replaced).
     */
    private static ConcurrentSessionController sessionController(String url) {
        return new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return url;
            }

            @Override
            public ShardedGateway getShardedGateway(JDA api) {
                ShardedGateway discord = super.getShardedGateway(api);
                return new ShardedGateway(url, discord.getShardTotal(), discord.getConcurrency());
            }
        };
    }

    /**
     * JDA's REST requester logs an ERROR for an I/O failure before the login call fails with it; during login that
     * failure is ours to report (one line, below), so the requester's own line is held back until the login ends.
     */
    private static final String REQUESTER_LOGGER = "net.dv8tion.jda.internal.requests.Requester";

    /** Builds the client, turning a rejected token or an unreachable API into a one-line {@link UserError}. */
    private <T> T login(Supplier<T> build) {
        ch.qos.logback.classic.Logger requester =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(REQUESTER_LOGGER);
        ch.qos.logback.classic.Level level = requester.getLevel();
        requester.setLevel(ch.qos.logback.classic.Level.OFF);
        try {
            return build.get();
        } catch (InvalidTokenException e) {
            throw new UserError("Discord rejected the bot token (401 Unauthorized): check "
                    + "TRADETALK_DISCORD_TOKEN / discord.token; reset it in the developer portal if it leaked");
        } catch (RuntimeException e) {
            IOException unreachable = ioCause(e);
            if (unreachable == null) {
                throw e;
            }
            String api = config.apiBaseUrl().isEmpty() ? "https://discord.com/api" : config.apiBaseUrl();
            throw new UserError("cannot reach Discord at " + api + " (" + describe(unreachable) + "): check "
                    + "discord.api-base-url / TRADETALK_DISCORD_API_BASE_URL and the network");
        } finally {
            requester.setLevel(level);
        }
    }

    /** The I/O failure behind a failed login (the API could not be reached), or null. */
    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(IOException e) {
        String what = e instanceof java.net.ConnectException
                ? "connection refused"
                : e instanceof java.net.UnknownHostException
                        ? "unknown host"
                        : e instanceof java.net.SocketTimeoutException ? "timed out" : "I/O error";
        return e.getMessage() == null || e.getMessage().isBlank() ? what : what + ": " + e.getMessage();
    }

    /**
     * Global commands: registered by the process running shard 0 (every process would otherwise PUT the same list).
     * Guild commands ({@code discord.guild-ids}): each guild's by the process running that guild's shard, the only
     * one that has the guild (a guild belongs to one shard).
     */
    private void registerCommands() {
        List<CommandData> data = core.registry().definitions();
        if (config.guildIds().isEmpty()) {
            JDA first = client(0);
            if (first == null) {
                log.info("Global commands are registered by the process running shard 0 (this one runs {})", shards);
                return;
            }
            try {
                first.updateCommands().addCommands(data).complete();
            } catch (ErrorResponseException e) {
                throw new UserError(DiscordErrors.describe(e, "registering the global commands"));
            }
            log.info("Registered {} global commands (may take up to an hour to appear)", data.size());
            return;
        }
        for (String id : config.guildIds()) {
            int shard = shards.enabled() ? shards.shardOf(id) : 0;
            JDA holder = client(shard);
            if (holder == null) {
                log.debug("Guild {} is on shard {}: its commands are registered by the process running it", id, shard);
                continue;
            }
            Guild guild = holder.getGuildById(id);
            if (guild == null) {
                log.warn("discord.guild-ids lists {} but the bot is not in that guild; invite it first", id);
                continue;
            }
            try {
                guild.updateCommands().addCommands(data).complete();
            } catch (ErrorResponseException e) {
                throw new UserError(DiscordErrors.describe(e, "registering the commands in server " + id));
            }
            log.info("Registered {} commands in guild {}", data.size(), id);
        }
    }

    /** The connection of a shard when this process runs it (not sharded: the one connection), else null. */
    private JDA client(int shard) {
        if (shardManager == null) {
            return jda;
        }
        return shards.holds(shard) ? shardManager.getShardById(shard) : null;
    }

    /** The running connections: the one, or this process's shards. */
    private List<JDA> clients() {
        if (shardManager != null) {
            return shardManager.getShards();
        }
        return jda == null ? List.of() : List.of(jda);
    }

    private void startDigest(Duration every) {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("digest").factory());
        scheduler.scheduleAtFixedRate(
                () -> work.submit("digest", this::runDigest),
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Status digest to channel {} every {}", config.digestChannel(), every);
    }

    /**
     * Posts the digest through the connection that has its channel. Sharded, the channel's guild is on one shard:
     * a process that does not run it leaves the digest to the one that does.
     */
    private void runDigest() {
        String channel = config.digestChannel();
        JDA client = clients().stream()
                .filter(c -> c.getChannelById(GuildMessageChannel.class, channel) != null)
                .findFirst()
                .orElse(jda); // not sharded: Digest says the channel is not visible
        if (client == null) {
            log.debug("Digest: channel {} is not on this process's shards ({}); skipped", channel, shards);
            return;
        }
        digest.runOnce(client);
    }

    /** The JDA client; sharded, the first shard this process runs (tests). */
    public JDA jda() {
        if (jda == null && shardManager != null) {
            return shardManager.getShardById(shards.ids().getFirst());
        }
        return jda;
    }

    /** The shard manager, or null when not sharded (tests). */
    public ShardManager shardManager() {
        return shardManager;
    }

    /** The digest, when configured. */
    public Digest digest() {
        return digest;
    }

    /** The mention conversations. */
    public Conversations conversations() {
        return conversations;
    }

    /**
     * The gateway state of each of this process's shards (JDA's status names, e.g. {@code CONNECTED}), by shard id
     * (0 when not sharded); read anew at each call (health, metrics).
     */
    public Map<Integer, String> gatewayStates() {
        Map<Integer, String> states = new TreeMap<>();
        for (JDA client : clients()) {
            states.put(client.getShardInfo().getShardId(), client.getStatus().name());
        }
        return states;
    }

    /** The feedback store. */
    public FeedbackStore feedback() {
        return feedback;
    }

    /** Finishes running answers (or tells their members), disconnects, closes the feedback store. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        work.shutdown(SHUTDOWN_GRACE);
        List<JDA> running = clients();
        if (shardManager != null) {
            shardManager.shutdown(); // asynchronous: each shard is shut down like the one connection below
        } else if (jda != null) {
            jda.shutdown();
        }
        for (JDA client : running) {
            try {
                if (!client.awaitShutdown(Duration.ofSeconds(10))) {
                    client.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                client.shutdownNow();
            }
        }
        feedback.close();
        log.info("Discord bot stopped");
    }
}
