package tradetalk.bot.ops;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.answer.Usage;
import tradetalk.answer.service.AnswerService;
import tradetalk.bot.DiscordBot;
import tradetalk.bot.DiscordConfig;
import tradetalk.bot.QuestionLog;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.bot.fake.InteractionHandle;
import tradetalk.cli.Tradetalk;
import tradetalk.cli.config.ConfigLoader;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.retrieval.SearchHit;

/**
 * The real bot (real JDA against {@link FakeDiscord}) over the seed articles, with a stand-in model in front of the
 * offline composer: it reports token usage, and fails when {@link #modelDown} is set (the offline answer follows);
 * {@link #storeDown} makes searches fail. For the tests that drive a scripted run of questions and look at what an
 * operator sees (metrics, insights).
 */
public final class ScriptedBot implements AutoCloseable {

    public static final String TOKEN = "scripted-bot-token";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Tokens the stand-in model reports per answer. */
    public static final int TOKENS_IN = 120;

    public static final int TOKENS_OUT = 30;

    public final AtomicBoolean modelDown = new AtomicBoolean();
    public final AtomicBoolean storeDown = new AtomicBoolean();
    public final FakeDiscord discord;
    public final Graph graph;
    public final DiscordBot bot;
    /** The config file the bot runs with (for the CLI). */
    public final Path configFile;

    /**
     * Starts the fake Discord and the bot.
     *
     * @param yaml extra config file text (sections such as metrics or feeds); the index, the articles, the insights
     *     and the feedback directory are set here, all under {@code home}
     * @param budget the guild's question budget (0: unlimited)
     * @param keepQuestions {@code insights.keep-questions}
     * @param clock the bot's clock (when questions are asked)
     */
    public ScriptedBot(Path home, String yaml, int budget, boolean keepQuestions, Clock clock)
            throws IOException, InterruptedException {
        Path articles = Path.of("..", "data", "articles").toAbsolutePath().normalize();
        Path file = home.resolve("tradetalk.yml");
        Files.writeString(
                file,
                "index:\n  dir: " + home.resolve("index") + "\n  articles: " + articles + "\ninsights:\n  dir: "
                        + home.resolve("insights") + "\n  keep-questions: " + keepQuestions
                        + "\ndiscord:\n  feedback-dir: "
                        + home.resolve("feedback") + "\n" + yaml,
                StandardCharsets.UTF_8);
        TradetalkConfig config = new ConfigLoader().load(file, Map.of(), home);
        configFile = file;
        graph = new Graph(config);
        graph.ingestDefaultsIfEmpty(System.err);
        discord = new FakeDiscord(TOKEN);
        DiscordConfig dc = config.discord()
                .withConnection(TOKEN, discord.restBaseUrl(), discord.gatewayUrl())
                .withLimits(Duration.ZERO, budget);
        bot = graph.startDiscordBot(dc, clock);
        discord.awaitReady();
    }

    /** Asks with /ask as a member and waits until the bot logged the question's end. */
    public InteractionHandle ask(String question) {
        int before = logged();
        InteractionHandle h = discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", question));
        awaitLogged(before + 1);
        return h;
    }

    /** Runs a slash command as a member and waits until the bot logged its end. */
    public InteractionHandle command(String name, Map<String, Object> options) {
        int before = logged();
        InteractionHandle h = discord.sendSlashCommand(discord.normalUser(), name, options);
        awaitLogged(before + 1);
        return h;
    }

    /** Asks by mentioning the bot in the general channel and waits until the bot logged the question's end. */
    public void mention(String question) {
        int before = logged();
        discord.sendMessage(discord.normalUser(), discord.generalChannelId(), question, true);
        awaitLogged(before + 1);
    }

    /** Questions in the log (with or without their text). */
    public int logged() {
        return QuestionLog.read(graph.config().insights(), Clock.systemUTC()).size();
    }

    private void awaitLogged(int n) {
        await().atMost(TIMEOUT).until(() -> logged() >= n);
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            discord.close();
            graph.close();
        }
    }

    /** The graph with the stand-in model and a store that can be made to fail. */
    public final class Graph extends Tradetalk {
        private AnswerService answers;

        Graph(TradetalkConfig config) {
            super(config);
        }

        @Override
        public synchronized AnswerService answers() {
            if (answers == null) {
                AnswerComposer model = new AnswerComposer() {
                    @Override
                    public String name() {
                        return "test-model";
                    }

                    @Override
                    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
                        if (modelDown.get()) {
                            throw new ComposerException("test-model timed out");
                        }
                        Composition c = offlineComposer().compose(question, evidence, partial);
                        return new Composition(
                                c.answer(),
                                c.abstained(),
                                c.citations(),
                                c.nearest(),
                                new Usage("test-model", TOKENS_IN, TOKENS_OUT, 5.0));
                    }
                };
                answers = new AnswerService(
                        r -> {
                            if (storeDown.get()) {
                                throw new IllegalStateException("the index is gone");
                            }
                            return index().search(r);
                        },
                        model,
                        offlineComposer());
            }
            return answers;
        }
    }
}
