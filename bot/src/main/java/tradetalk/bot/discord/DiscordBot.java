package tradetalk.bot.discord;

import java.time.Clock;
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
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.bot.config.DiscordConfig;
import tradetalk.bot.discord.commands.AskCommand;
import tradetalk.bot.discord.commands.HelpCommand;
import tradetalk.bot.discord.commands.IngestCommand;
import tradetalk.bot.discord.commands.ReindexCommand;
import tradetalk.bot.discord.commands.SlashCommand;
import tradetalk.bot.discord.commands.SourcesCommand;
import tradetalk.bot.discord.commands.StatusCommand;
import tradetalk.bot.discord.commands.SummaryCommand;

/**
 * The Discord bot: the one place that builds the commands, the listener and the JDA client from the configuration
 * and the {@link BotServices}. {@link #start} connects, registers the commands and returns when the bot is ready;
 * {@link #close} lets running answers finish (or tells their members) and disconnects.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final DiscordConfig config;
    private final Work work;
    private final FeedbackStore feedback;
    private final BotCore core;
    private final Conversations conversations;
    private final BotServices services;
    private JDA jda;
    private Digest digest;
    private ScheduledExecutorService scheduler;

    private DiscordBot(DiscordConfig config, BotServices services, Clock clock) {
        this.config = config;
        this.services = services;
        this.work = new Work();
        this.feedback = FeedbackStore.open(config.feedbackPath());
        Answering answering = new Answering(services.answers(), services.k(), config.streamEditInterval(), clock);
        Access access = new Access(config, clock);
        this.conversations = new Conversations(answering, work, access::mentionRefusal);
        SourcesCommand sources = new SourcesCommand(services.articles());
        List<SlashCommand> commands = List.of(
                new AskCommand(answering),
                new StatusCommand(services.status()),
                new SummaryCommand(services.summaries()),
                sources,
                new HelpCommand(),
                new IngestCommand(services.ingestUrl()),
                new ReindexCommand(services.reindex()));
        this.core = new BotCore(commands, List.of(sources, new FeedbackButtons(feedback, answering, clock)),
                conversations, access, work);
    }

    /**
     * Connects to Discord (or the configured endpoints), registers the commands and starts the digest if configured.
     *
     * @param customizer last changes to the JDA builder (tests; identity in production)
     * @throws IllegalArgumentException when the token is missing or Discord rejects it (message never shows it)
     */
    public static DiscordBot start(DiscordConfig config, BotServices services, Clock clock,
                                   UnaryOperator<JDABuilder> customizer) throws InterruptedException {
        if (!config.hasToken()) {
            throw new IllegalArgumentException("no Discord bot token: set TRADETALK_DISCORD_TOKEN (or discord.token "
                    + "in the config file) to the token from the Discord developer portal (Bot > Reset Token)");
        }
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        DiscordBot bot = new DiscordBot(config, services, clock);
        try {
            bot.connect(customizer);
        } catch (RuntimeException | InterruptedException e) {
            bot.close();
            throw e;
        }
        return bot;
    }

    private void connect(UnaryOperator<JDABuilder> customizer) throws InterruptedException {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (config.messageContentIntent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        JDABuilder builder = JDABuilder.createLight(config.token(), intents).addEventListeners(core)
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
            throw new IllegalArgumentException("Discord rejected the bot token (401 Unauthorized): check "
                    + "TRADETALK_DISCORD_TOKEN / discord.token; reset it in the developer portal if it leaked");
        }
        jda.awaitReady();
        log.info("Connected to Discord as {} (application {}) in {} guild(s)", jda.getSelfUser().getName(),
                jda.getSelfUser().getApplicationId(), jda.getGuilds().size());
        registerCommands();
        config.digestEvery().ifPresent(this::startDigest);
    }

    private void registerCommands() {
        List<CommandData> data = core.commands().stream().map(c -> (CommandData) c.data()).toList();
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
        digest = new Digest(services.status(), services.articles(),
                id -> jda.getChannelById(GuildMessageChannel.class, id), config.digestChannel());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("digest").factory());
        scheduler.scheduleAtFixedRate(() -> work.submit("digest", () -> digest.runOnce()),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
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
