package tradetalk.bot;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /help}: what the bot does and how to use it (only shown to the member who asked). The command list is
 * generated from the registered commands ({@link CommandRegistry}), so it cannot drift from them.
 */
public final class HelpCommand implements SlashCommand {

    static final String NAME = "help";
    private static final String DESCRIPTION = "What Tradetalk does and how to use it";

    private final String text;

    HelpCommand(String text) {
        this.text = text;
    }

    /** The help text: an introduction, each command with its options and description, then how the bot behaves. */
    static String text(List<CommandRegistry.Registered> commands) {
        StringBuilder members = new StringBuilder();
        StringBuilder admins = new StringBuilder();
        for (CommandRegistry.Registered r : commands) {
            if (r.command() instanceof HelpCommand) {
                continue;
            }
            StringBuilder to = r.command().adminOnly() ? admins : members;
            to.append('`')
                    .append(CommandRegistry.usage(r.data()))
                    .append("` ")
                    .append(r.data().getDescription())
                    .append('\n');
        }
        members.append('`').append('/').append(NAME).append("` this message.\n");
        return """
                **Tradetalk** answers questions about the news from the articles it has indexed. Every claim cites \
                its source as [n]; the sources are listed under the answer.

                **Commands** (options in [brackets] are optional; dates look like 2019-11-26)
                """ + members + """

                **Conversations** Mention me with a question in a channel: I open a thread for the answer and answer \
                follow-ups there (mention me again in the thread if I do not react to a follow-up).

                **Feedback** Use the Helpful / Not helpful buttons under an answer; clicking again changes your vote.
                """ + (admins.isEmpty() ? "" : "\n**Admins** (Manage Server)\n" + admins) + """

                To keep things fair there is a short cooldown per member and a budget per server.""";
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, DESCRIPTION);
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        Messages.sendSplit(AskCommand.hookSurface(hook), text, List.of());
    }
}
