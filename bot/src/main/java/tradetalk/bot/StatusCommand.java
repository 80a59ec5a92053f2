package tradetalk.bot;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import tradetalk.answer.UserError;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.StatusRequest;
import tradetalk.answer.status.StatusService;
import tradetalk.answer.status.TimelineItem;
import tradetalk.bot.ops.Question;
import tradetalk.bot.ops.Questions;

/** {@code /status [topic:]}: where a topic stands, with a dated timeline and sources. */
public final class StatusCommand implements SlashCommand {

    private final StatusService status;
    private final String defaultTopic;
    private final Questions questions;

    /**
     * @param defaultTopic the topic reported on when the member names none ({@code status.default-topic})
     * @param questions    where each request's end is reported
     */
    public StatusCommand(StatusService status, String defaultTopic, Questions questions) {
        this.questions = questions;
        this.status = status;
        this.defaultTopic = defaultTopic;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("status", "Where a topic stands now, with a dated timeline")
                .addOptions(new OptionData(
                                OptionType.STRING,
                                "topic",
                                DiscordFormat.truncate(
                                        "What to report on (default: " + defaultTopic + ")",
                                        OptionData.MAX_DESCRIPTION_LENGTH),
                                false)
                        .setMaxLength(200));
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        String topic = event.getOption("topic", null, o -> o.getAsString());
        questions.observe(
                "status",
                topic == null || topic.isBlank() ? defaultTopic : topic.strip(),
                () -> {
                    StatusReport report = status.status(UserError.whenInvalid(() -> new StatusRequest(
                            topic == null || topic.isBlank() ? null : topic.strip(),
                            null,
                            StatusRequest.CONFIGURED_WINDOW,
                            null)));
                    Messages.sendSplit(AskCommand.hookSurface(hook), text(report), List.of());
                    return report;
                },
                Question.Result::of);
    }

    /** The report as Discord text. */
    public static String text(StatusReport r) {
        StringBuilder sb = new StringBuilder("**Status: ")
                .append(DiscordFormat.escape(r.topic() == null ? "" : r.topic()))
                .append("**\n")
                .append(DiscordFormat.marked(r.headline(), r.sentences()).strip());
        if (!r.items().isEmpty()) {
            sb.append('\n');
            if (r.reachesBack() != null) {
                sb.append("\n_Timeline reaching back to ")
                        .append(r.reachesBack())
                        .append(":_");
            }
            for (TimelineItem item : r.items()) {
                sb.append("\n• ")
                        .append(item.date() == null ? "" : "`" + item.date() + "` ")
                        .append(DiscordFormat.marked(item.text(), r.sentences()).strip());
            }
        }
        if (r.fallback() != null) {
            sb.append("\n\n_(The model could not answer: ").append(r.fallback()).append("; written offline.)_");
        }
        sb.append(DiscordFormat.sources("Sources", r.citations()));
        return sb.toString();
    }
}
