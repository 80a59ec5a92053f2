package tradetalk.bot.discord;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.UserError;
import tradetalk.bot.config.DiscordConfig;

/**
 * The Discord bot's connection: {@link #start} connects the bot's listener (built by the wiring class,
 * {@code tradetalk.bot.Tradetalk}) to Discord (or the configured endpoints), registers the commands and returns when
 * the bot is ready; {@link #close} lets running answers finish (or tells their members) and disconnects.
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
    private JDA jda;
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
    }

    /** Whether the configuration has what {@link #start} needs (a token); the message says how to fix it. */
    public static void requireToken(DiscordConfig config) {
        if (!config.hasToken()) {
            throw new UserError("no Discord bot token: set TRADETALK_DISCORD_TOKEN (or discord.token in the config "
                    + "file) to the token from the Discord developer portal (Bot > Reset Token)");
        }
    }

    /**
     * Connects to Discord (or the configured endpoints), registers the commands and starts the digest if configured;
     * on failure everything is closed again.
     *
     * @param customizer last changes to the JDA builder (tests; identity in production)
     * @throws UserError when the token is missing or Discord rejects it (the message never shows it), or Discord
     *                   cannot be reached
     */
    public DiscordBot start(UnaryOperator<JDABuilder> customizer) throws InterruptedException {
        requireToken(config);
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        try {
            connect(customizer);
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
        JDABuilder builder = JDABuilder.createLight(config.token(), intents)
                .addEventListeners(core)
                // our own shutdown (close) lets running answers finish first; JDA's hook would cut them off
                .setEnableShutdownHook(false);
        if (!config.apiBaseUrl().isEmpty()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(config.apiBaseUrl()));
        }
        if (!config.gatewayUrl().isEmpty()) {
            String gateway = config.gatewayUrl();
            builder.setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
        }
        if (!config.apiBaseUrl().isEmpty() || !config.gatewayUrl().isEmpty()) {
            builder.setCompression(Compression.NONE);
        }
        try {
            jda = customizer.apply(builder).build();
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
        }
        jda.awaitReady();
        log.info(
                "Connected to Discord as {} (application {}) in {} guild(s)",
                jda.getSelfUser().getName(),
                jda.getSelfUser().getApplicationId(),
                jda.getGuilds().size());
        registerCommands();
        if (digest != null) {
            config.digestEvery().ifPresent(this::startDigest);
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

    private void registerCommands() {
        List<CommandData> data = core.registry().definitions();
        if (config.guildIds().isEmpty()) {
            jda.updateCommands().addCommands(data).complete();
            log.info("Registered {} global commands (may take up to an hour to appear)", data.size());
            return;
        }
        for (String id : config.guildIds()) {
            Guild guild = jda.getGuildById(id);
            if (guild == null) {
                log.warn("discord.guild-ids lists {} but the bot is not in that guild; invite it first", id);
                continue;
            }
            guild.updateCommands().addCommands(data).complete();
            log.info("Registered {} commands in guild {}", data.size(), id);
        }
    }

    private void startDigest(Duration every) {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("digest").factory());
        scheduler.scheduleAtFixedRate(
                () -> work.submit("digest", () -> digest.runOnce(jda)),
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Status digest to channel {} every {}", config.digestChannel(), every);
    }

    /** The JDA client (tests). */
    public JDA jda() {
        return jda;
    }

    /** The digest, when configured. */
    public Digest digest() {
        return digest;
    }

    /** The mention conversations. */
    public Conversations conversations() {
        return conversations;
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
        if (jda != null) {
            jda.shutdown();
            try {
                if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                    jda.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jda.shutdownNow();
            }
        }
        feedback.close();
        log.info("Discord bot stopped");
    }
}
