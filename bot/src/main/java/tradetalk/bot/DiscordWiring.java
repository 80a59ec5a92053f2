package tradetalk.bot;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDABuilder;
import tradetalk.answer.UserError;
import tradetalk.bot.config.DiscordConfig;
import tradetalk.bot.discord.Access;
import tradetalk.bot.discord.Answering;
import tradetalk.bot.discord.BotCore;
import tradetalk.bot.discord.Conversations;
import tradetalk.bot.discord.Digest;
import tradetalk.bot.discord.DiscordBot;
import tradetalk.bot.discord.FeedbackButtons;
import tradetalk.bot.discord.FeedbackStore;
import tradetalk.bot.discord.Work;
import tradetalk.bot.discord.commands.AskCommand;
import tradetalk.bot.discord.commands.CommandRegistry;
import tradetalk.bot.discord.commands.IngestCommand;
import tradetalk.bot.discord.commands.InsightsCommand;
import tradetalk.bot.discord.commands.ReindexCommand;
import tradetalk.bot.discord.commands.SourcesCommand;
import tradetalk.bot.discord.commands.StatusCommand;
import tradetalk.bot.discord.commands.SummaryCommand;
import tradetalk.bot.insights.Insights;
import tradetalk.bot.insights.QuestionLog;
import tradetalk.bot.metrics.MetricsServer;
import tradetalk.bot.ops.BotEvents;
import tradetalk.bot.ops.Questions;

/**
 * The Discord half of the wiring ({@link Tradetalk} is the rest): the bot's parts over the graph's services, the
 * question log and, when enabled, the metrics that its edges report to.
 */
final class DiscordWiring {

    private DiscordWiring() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Builds the bot, warms the graph up, then connects (see {@link DiscordBot#start}).
     *
     * @throws UserError when the token is missing or rejected, or Discord cannot be reached
     */
    static DiscordBot start(Tradetalk tt, DiscordConfig discord, Clock clock, UnaryOperator<JDABuilder> customizer)
            throws InterruptedException {
        DiscordBot.requireToken(discord);
        tt.warmUp();
        QuestionLog questionLog = tt.questionLog(clock);
        MetricsServer metrics = tt.startMetrics();
        Questions questions = new Questions(
                BotEvents.all(metrics == null ? List.of(questionLog) : List.of(questionLog, metrics.meters())), clock);
        Work work = new Work();
        FeedbackStore feedback = tt.openFeedback(discord);
        Answering answering =
                new Answering(tt.answers(), tt.config().search().k(), discord.streamEditInterval(), clock, questions);
        Access access = new Access(discord, clock, questions);
        Conversations conversations =
                new Conversations(answering, work, (user, guild, channel) -> access.check(user, guild, channel, true));
        SourcesCommand sources = new SourcesCommand(tt::articles);
        CommandRegistry registry = new CommandRegistry(
                List.of(
                        new AskCommand(answering),
                        new StatusCommand(
                                tt.statusService(), tt.config().status().defaultTopic(), questions),
                        new SummaryCommand(tt.summaryService(), questions),
                        sources,
                        new IngestCommand(tt::ingestUrl),
                        new ReindexCommand(tt::reindex),
                        new InsightsCommand(
                                days -> Insights.report(tt.config().insights(), tt.embedder(), feedback, days, clock),
                                tt.config().insights().days())),
                List.of(sources, new FeedbackButtons(feedback, answering, clock)));
        BotCore core = new BotCore(registry, conversations, access, work);
        Digest digest = discord.digestEvery().isPresent()
                ? new Digest(tt.statusService(), tt::articles, discord.digestChannel())
                : null;
        DiscordBot bot = new DiscordBot(discord, core, work, feedback, conversations, digest).start(customizer);
        if (metrics != null) {
            metrics.meters().gateway(bot.gatewayConnected());
        }
        return bot;
    }
}
