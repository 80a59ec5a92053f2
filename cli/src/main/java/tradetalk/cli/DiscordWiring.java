package tradetalk.cli;

import java.time.Clock;
import java.util.List;
import tradetalk.answer.UserError;
import tradetalk.bot.Access;
import tradetalk.bot.Answering;
import tradetalk.bot.AskCommand;
import tradetalk.bot.BotCore;
import tradetalk.bot.CommandRegistry;
import tradetalk.bot.Conversations;
import tradetalk.bot.Digest;
import tradetalk.bot.DiscordBot;
import tradetalk.bot.DiscordConfig;
import tradetalk.bot.FeedbackButtons;
import tradetalk.bot.FeedbackStore;
import tradetalk.bot.IngestCommand;
import tradetalk.bot.Insights;
import tradetalk.bot.InsightsCommand;
import tradetalk.bot.QuestionLog;
import tradetalk.bot.ReindexCommand;
import tradetalk.bot.SourcesCommand;
import tradetalk.bot.StatusCommand;
import tradetalk.bot.SummaryCommand;
import tradetalk.bot.Work;
import tradetalk.bot.ops.BotEvents;
import tradetalk.bot.ops.Questions;
import tradetalk.cli.metrics.MetricsServer;

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
    static DiscordBot start(Tradetalk tt, DiscordConfig discord, Clock clock) throws InterruptedException {
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
        DiscordBot bot = new DiscordBot(discord, core, work, feedback, conversations, digest).start();
        if (metrics != null) {
            metrics.meters().gateway(bot::gatewayStates);
        }
        return bot;
    }
}
