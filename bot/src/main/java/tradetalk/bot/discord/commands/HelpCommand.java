package tradetalk.bot.discord.commands;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import tradetalk.bot.discord.Messages;

/** {@code /help}: what the bot does and how to use it (only shown to the member who asked). */
public final class HelpCommand implements SlashCommand {

    static final String TEXT = """
            **Tradetalk** answers questions about the news (US–China trade talks) from the articles it has indexed. \
            Every claim cites its source as [n]; the sources are listed under the answer.

            **Commands**
            `/ask question:` ask anything; the answer cites the articles it comes from.
            `/status [topic:]` where a topic stands now, with a dated timeline.
            `/summary article:` or `/summary topic: [since:] [until:]` a short summary; dates look like 2019-11-26.
            `/sources [query:]` the indexed articles, newest first (use the buttons to page).
            `/help` this message.

            **Conversations** Mention me with a question in a channel: I open a thread for the answer and answer \
            follow-ups there (mention me again in the thread if I do not react to a follow-up).

            **Feedback** Use the Helpful / Not helpful buttons under an answer; clicking again changes your vote.

            **Admins** (Manage Server): `/ingest url:` adds one article page, `/reindex` re-reads the article folder.

            To keep things fair there is a short cooldown per member and a budget per server.""";

    @Override
    public SlashCommandData data() {
        return Commands.slash("help", "What Tradetalk does and how to use it");
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        hook.editOriginal(Messages.edit(TEXT)).complete();
    }
}
