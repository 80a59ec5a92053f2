package tradetalk.bot.discord.commands;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import tradetalk.bot.discord.Answering;
import tradetalk.bot.discord.Messages;

/** {@code /ask question:} the cited answer, streamed when the backend streams. */
public final class AskCommand implements SlashCommand {

    private final Answering answering;

    public AskCommand(Answering answering) {
        this.answering = answering;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ask", "Ask about the news; the answer cites the articles it comes from")
                .addOptions(new OptionData(OptionType.STRING, "question", "Your question", true).setMaxLength(500));
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        String question = event.getOption("question", "", o -> o.getAsString());
        answering.answer(question, List.of(), hookSurface(hook));
    }

    /** Writes to an interaction's original response and follow-ups. */
    public static Messages.Surface hookSurface(InteractionHook hook) {
        return new Messages.Surface() {
            @Override
            public CompletableFuture<?> edit(MessageEditData data) {
                return hook.editOriginal(data).submit();
            }

            @Override
            public CompletableFuture<?> send(MessageCreateData data) {
                return hook.sendMessage(data).submit();
            }
        };
    }
}
