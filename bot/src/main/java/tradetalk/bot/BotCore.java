package tradetalk.bot;

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

/**
 * The bot's only listener: dispatches slash commands by name and buttons by the prefix of their custom id (both
 * through the {@link CommandRegistry}), and mentions to {@link Conversations}. It checks allow-lists, permissions and rate limits, acknowledges every interaction at once
 * (Discord's 3 s deadline), then runs the work on {@link Work}'s executor.
 */
public final class BotCore extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BotCore.class);

    private final CommandRegistry registry;
    private final Conversations conversations;
    private final Access access;
    private final Work work;

    public BotCore(CommandRegistry registry, Conversations conversations, Access access, Work work) {
        this.registry = registry;
        this.conversations = conversations;
        this.access = access;
        this.work = work;
    }

    /** The registered commands. */
    public CommandRegistry registry() {
        return registry;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Optional<CommandRegistry.Registered> found = registry.command(event.getName());
        if (found.isEmpty()) {
            event.reply(Messages.create("I do not know that command; try /help."))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        CommandRegistry.Registered command = found.get();
        Optional<Refusal> refusal = refusal(
                command,
                event.getMember(),
                event.getUser().getId(),
                event.getGuild() == null ? null : event.getGuild().getId(),
                event.getChannel());
        if (refusal.isPresent()) {
            log.info(
                    "/{} by {} refused: {}",
                    command.name(),
                    event.getUser().getId(),
                    refusal.get().kind());
            event.reply(Messages.create(refusal.get().message()))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        boolean ephemeral = command.command().ephemeral();
        event.deferReply(ephemeral).queue(); // acknowledge before any work
        InteractionHook hook = event.getHook().setEphemeral(ephemeral);
        work.submit(
                "/" + command.name(),
                text -> hook.editOriginal(Messages.edit(text)).queue(),
                () -> command.command().execute(event, hook));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Optional<CommandRegistry.Registered> command = registry.command(event.getName());
        if (command.isEmpty()) {
            event.replyChoices().queue();
            return;
        }
        work.submit(
                "autocomplete /" + command.get().name(),
                () -> command.get().command().autocomplete(event));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<ButtonHandler> handler = registry.button(event.getComponentId());
        if (handler.isEmpty()) {
            event.reply(Messages.create("This button is out of date."))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        ButtonHandler h = handler.get();
        if (h.editsMessage()) {
            event.deferEdit().queue();
        } else {
            event.deferReply(true).queue();
        }
        InteractionHook hook = event.getHook().setEphemeral(!h.editsMessage());
        work.submit(
                "button " + h.prefix(),
                text -> {
                    if (h.editsMessage()) {
                        hook.sendMessage(Messages.create(text))
                                .setEphemeral(true)
                                .queue();
                    } else {
                        hook.editOriginal(Messages.edit(text)).queue();
                    }
                },
                () -> h.click(event, hook));
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        conversations.onMessage(event);
    }

    /** Commands are registered for guilds only (see {@link CommandRegistry}), so DMs do not reach this. */
    private Optional<Refusal> refusal(
            CommandRegistry.Registered command,
            Member member,
            String userId,
            String guildId,
            MessageChannelUnion channel) {
        String channelId = parentId(channel);
        if (command.command().adminOnly()
                && access.allowed(guildId, channelId)
                && (member == null || !member.hasPermission(Permission.MANAGE_SERVER))) {
            return Optional.of(new Refusal(
                    Refusal.Kind.NOT_ADMIN,
                    "Only members with the Manage Server permission can use /" + command.name() + "."));
        }
        return access.check(userId, guildId, channelId, command.command().rateLimited());
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
