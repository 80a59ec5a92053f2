package tradetalk.bot.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.bot.discord.commands.ButtonHandler;
import tradetalk.bot.discord.commands.SlashCommand;

/**
 * The bot's only listener: dispatches slash commands by name, buttons by custom id prefix and mentions to
 * {@link Conversations}. It checks allow-lists, permissions and rate limits, acknowledges every interaction at once
 * (Discord's 3 s deadline), then runs the work on {@link Work}'s executor.
 */
public final class BotCore extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BotCore.class);

    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final List<ButtonHandler> buttons;
    private final Conversations conversations;
    private final Access access;
    private final Work work;

    public BotCore(List<SlashCommand> commands, List<ButtonHandler> buttons, Conversations conversations,
                   Access access, Work work) {
        commands.forEach(c -> this.commands.put(c.name(), c));
        this.buttons = List.copyOf(buttons);
        this.conversations = conversations;
        this.access = access;
        this.work = work;
    }

    /** The commands, in registration order. */
    public List<SlashCommand> commands() {
        return List.copyOf(commands.values());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            event.reply(Messages.create("I do not know that command; try /help.")).setEphemeral(true).queue();
            return;
        }
        String refusal = refusal(command, event.getMember(), event.getUser().getId(),
                event.getGuild() == null ? null : event.getGuild().getId(), event.getChannel());
        if (refusal != null) {
            log.info("/{} by {} refused: {}", command.name(), event.getUser().getId(), refusal);
            event.reply(Messages.create(refusal.isEmpty() ? "I am not enabled here." : refusal))
                    .setEphemeral(true).queue();
            return;
        }
        event.deferReply(command.ephemeral()).queue(); // acknowledge before any work
        InteractionHook hook = event.getHook().setEphemeral(command.ephemeral());
        work.submit("/" + command.name(), text -> hook.editOriginal(Messages.edit(text)).queue(),
                () -> command.execute(event, hook));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            event.replyChoices().queue();
            return;
        }
        work.submit("autocomplete /" + command.name(), () -> command.autocomplete(event));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        Optional<ButtonHandler> handler = buttons.stream().filter(b -> id.startsWith(b.prefix())).findFirst();
        if (handler.isEmpty()) {
            event.reply(Messages.create("This button is out of date.")).setEphemeral(true).queue();
            return;
        }
        ButtonHandler h = handler.get();
        if (h.editsMessage()) {
            event.deferEdit().queue();
        } else {
            event.deferReply(true).queue();
        }
        InteractionHook hook = event.getHook().setEphemeral(!h.editsMessage());
        work.submit("button " + h.prefix(), text -> {
            if (h.editsMessage()) {
                hook.sendMessage(Messages.create(text)).setEphemeral(true).queue();
            } else {
                hook.editOriginal(Messages.edit(text)).queue();
            }
        }, () -> h.click(event, hook));
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        conversations.onMessage(event);
    }

    private String refusal(SlashCommand command, Member member, String userId, String guildId,
                           MessageChannelUnion channel) {
        if (guildId == null) {
            return "Please use me in a server channel.";
        }
        if (!access.allowed(guildId, parentId(channel))) {
            return "I am not enabled in this channel.";
        }
        if (command.adminOnly() && (member == null || !member.hasPermission(Permission.MANAGE_SERVER))) {
            return "Only members with the Manage Server permission can use /" + command.name() + ".";
        }
        return command.rateLimited() ? access.limited(userId, guildId) : null;
    }

    private static String parentId(MessageChannelUnion channel) {
        try {
            if (channel.getType().isThread()) {
                return channel.asThreadChannel().getParentChannel().getId();
            }
        } catch (RuntimeException e) {
            log.debug("No parent for channel {}", channel.getId(), e);
        }
        return channel.getId();
    }
}
