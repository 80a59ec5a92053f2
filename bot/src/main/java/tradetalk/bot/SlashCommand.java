package tradetalk.bot;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command: it owns its definition, says how it must be acknowledged, and does its work after the
 * acknowledgement, off JDA's event thread. The dispatcher ({@code BotCore}) checks allow-lists, permissions and rate
 * limits first.
 */
public interface SlashCommand {

    /** The definition registered with Discord; built once, by {@link CommandRegistry}. */
    SlashCommandData data();

    /** Whether the response is only shown to the member who asked. */
    default boolean ephemeral() {
        return false;
    }

    /** Whether only members with Manage Server may run it (checked on the server side too). */
    default boolean adminOnly() {
        return false;
    }

    /** Whether it counts against the user cooldown and guild budget (expensive commands). */
    default boolean rateLimited() {
        return false;
    }

    /**
     * Does the work after the interaction was deferred; writes the response through {@code hook}. A
     * {@link tradetalk.answer.UserError} is shown to the member as is; anything else as an error with an id.
     */
    void execute(SlashCommandInteractionEvent event, InteractionHook hook) throws Exception;

    /** Answers an autocomplete request (already off the event thread). */
    default void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices().queue();
    }
}
