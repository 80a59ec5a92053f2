package tradetalk.bot;

import java.util.List;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.store.IngestReport;

/** {@code /reindex} (Manage Server only): re-reads the configured articles and indexes what is new or changed. */
public final class ReindexCommand implements SlashCommand {

    private final Supplier<IngestReport> reindex;

    public ReindexCommand(Supplier<IngestReport> reindex) {
        this.reindex = reindex;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("reindex", "Admins: re-read the article folder and index what is new or changed")
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
        IngestReport report = reindex.get();
        Messages.sendSplit(AskCommand.hookSurface(hook), "Reindex: " + describe(report), List.of());
    }

    /** "2 added, 0 replaced, 1 unchanged (14 passages, 830 ms)", then the rejected inputs. */
    static String describe(IngestReport r) {
        StringBuilder sb = new StringBuilder()
                .append(r.added())
                .append(" added, ")
                .append(r.replaced())
                .append(" replaced, ")
                .append(r.unchanged())
                .append(" unchanged (")
                .append(r.passages())
                .append(" passages, ")
                .append(Math.round(r.millis()))
                .append(" ms).");
        for (Rejected x : r.rejected()) {
            sb.append("\nRejected ")
                    .append(DiscordFormat.escape(x.source()))
                    .append(": ")
                    .append(DiscordFormat.escape(x.reason()));
        }
        return sb.toString();
    }
}
