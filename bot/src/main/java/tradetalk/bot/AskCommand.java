package tradetalk.bot;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import tradetalk.answer.UserError;

/** {@code /ask question:} the cited answer, streamed when the backend streams. */
public final class AskCommand implements SlashCommand {

    private final Answering answering;

    public AskCommand(Answering answering) {
        this.answering = answering;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ask", "Ask about the news; the answer cites the articles it comes from")
                .addOptions(
                        new OptionData(OptionType.STRING, "question", "Your question", true).setMaxLength(500),
                        new OptionData(
                                        OptionType.STRING,
                                        "as_of",
                                        "Answer as of this day, YYYY-MM-DD: later articles are left out",
                                        false)
                                .setMaxLength(10));
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        String question = event.getOption("question", "", o -> o.getAsString());
        answering.answer(
                "ask",
                question,
                List.of(),
                asOf(event.getOption("as_of", "", o -> o.getAsString())),
                hookSurface(hook));
    }

    /** The {@code as_of} option: null when not given; a user error when it is not a YYYY-MM-DD date. */
    static LocalDate asOf(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new UserError("as_of must be a date like 2019-11-26 (YYYY-MM-DD).");
        }
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
