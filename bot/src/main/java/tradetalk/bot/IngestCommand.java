package tradetalk.bot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import tradetalk.answer.UserError;
import tradetalk.retrieval.store.IngestReport;

/** {@code /ingest url:} (Manage Server only): fetches one article page and indexes it. */
public final class IngestCommand implements SlashCommand {

    private final Function<URI, IngestReport> ingestUrl;

    public IngestCommand(Function<URI, IngestReport> ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ingest", "Admins: fetch one article page and add it to the index")
                .addOptions(new OptionData(OptionType.STRING, "url", "The article's address (https://...)", true)
                        .setMaxLength(2000))
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
        URI url = parse(event.getOption("url", "", o -> o.getAsString()).strip());
        IngestReport report = ingestUrl.apply(url);
        Messages.sendSplit(
                AskCommand.hookSurface(hook), "Ingest of <" + url + ">: " + ReindexCommand.describe(report), List.of());
    }

    static URI parse(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new UserError(
                        "`url` must be a web address starting with https:// or http://, " + "got '" + text + "'.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("`url` is not a valid address: " + e.getReason() + ".");
        }
    }
}
