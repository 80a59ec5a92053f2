package tradetalk.bot;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * {@code /insights days:} (Manage Server only, ephemeral): questions per day, answered against declined, as a chart
 * (attached PNG), the declined questions grouped by meaning and the feedback votes with the answers they rate.
 */
public final class InsightsCommand implements SlashCommand {

    /** The chart's file name in Discord. */
    public static final String CHART = "insights.png";

    private final IntFunction<Insights.Report> report;
    private final int defaultDays;

    /**
     * @param report      the report of the last N days
     * @param defaultDays the days covered when the admin gives none ({@code insights.days})
     */
    public InsightsCommand(IntFunction<Insights.Report> report, int defaultDays) {
        this.report = report;
        this.defaultDays = defaultDays;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("insights", "Admins: questions per day, what the articles could not answer, feedback")
                .addOptions(new OptionData(OptionType.INTEGER, "days", "Days covered, ending today", false)
                        .setRequiredRange(1, 366))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        int days = event.getOption("days", defaultDays, o -> o.getAsInt());
        Insights.Report r = report.apply(days);
        String text = InsightsViews.text(r)
                .lines()
                .map(DiscordFormat::escape) // members' words: no markdown
                .collect(Collectors.joining("\n"));
        Messages.sendSplit(AskCommand.hookSurface(hook), text, List.of());
        hook.sendFiles(FileUpload.fromData(InsightsChart.png(r), CHART))
                .setEphemeral(true)
                .complete();
    }
}
