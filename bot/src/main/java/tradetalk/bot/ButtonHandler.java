package tradetalk.bot;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;

/** Buttons whose custom id starts with {@link #prefix()}. */
public interface ButtonHandler {

    /** The custom id prefix, e.g. {@code "src:"}. */
    String prefix();

    /** True: acknowledged with deferEdit (the message is updated); false: with an ephemeral deferred reply. */
    boolean editsMessage();

    /** Does the work after the acknowledgement, off JDA's event thread. */
    void click(ButtonInteractionEvent event, InteractionHook hook) throws Exception;
}
