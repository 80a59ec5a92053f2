package tradetalk.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The bot's slash commands and buttons, checked once at start: every command's definition is built once (guild
 * contexts only, so Discord offers none in DMs), two commands with one name or two button handlers whose id
 * prefixes overlap fail at start, and a button goes to the one handler that owns its id's prefix. {@code /help} is
 * generated from the registered commands and added last.
 */
public final class CommandRegistry {

    /** A button id prefix: lower-case letters ending in a colon, e.g. {@code src:}; the rest of the id follows. */
    private static final Pattern PREFIX = Pattern.compile("[a-z]+:");

    /** A command with the definition registered with Discord. */
    public record Registered(SlashCommand command, SlashCommandData data) {
        /** The command's name. */
        public String name() {
            return data.getName();
        }
    }

    private final Map<String, Registered> commands = new LinkedHashMap<>();
    private final Map<String, ButtonHandler> buttons = new LinkedHashMap<>();

    /**
     * @throws IllegalStateException when two commands share a name (including {@code help}) or two button prefixes
     *                               overlap, or a prefix is not letters and a colon
     */
    public CommandRegistry(List<? extends SlashCommand> commands, List<? extends ButtonHandler> buttons) {
        commands.forEach(this::add);
        add(new HelpCommand(HelpCommand.text(List.copyOf(this.commands.values()))));
        buttons.forEach(this::add);
    }

    private void add(SlashCommand command) {
        SlashCommandData data = command.data().setContexts(InteractionContextType.GUILD);
        Registered previous = commands.putIfAbsent(data.getName(), new Registered(command, data));
        if (previous != null) {
            throw new IllegalStateException("two slash commands are named /" + data.getName() + ": "
                    + previous.command().getClass().getSimpleName() + " and "
                    + command.getClass().getSimpleName());
        }
    }

    private void add(ButtonHandler handler) {
        String prefix = handler.prefix();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalStateException("button prefix '" + prefix + "' of "
                    + handler.getClass().getSimpleName() + " must be lower-case letters ending in ':'");
        }
        for (Map.Entry<String, ButtonHandler> e : buttons.entrySet()) {
            if (e.getKey().startsWith(prefix) || prefix.startsWith(e.getKey())) {
                throw new IllegalStateException("button prefixes overlap: '" + e.getKey() + "' of "
                        + e.getValue().getClass().getSimpleName() + " and '" + prefix + "' of "
                        + handler.getClass().getSimpleName());
            }
        }
        buttons.put(prefix, handler);
    }

    /** The command registered under this name. */
    public Optional<Registered> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** The handler that owns the button id's prefix (the id up to its first colon). */
    public Optional<ButtonHandler> button(String customId) {
        int colon = customId.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.ofNullable(buttons.get(customId.substring(0, colon + 1)));
    }

    /** The commands, in registration order ({@code help} last). */
    public List<Registered> commands() {
        return List.copyOf(commands.values());
    }

    /** The definitions to register with Discord, in registration order. */
    public List<CommandData> definitions() {
        List<CommandData> data = new ArrayList<>();
        commands.values().forEach(r -> data.add(r.data()));
        return data;
    }

    /** "/summary article: topic: since: until: length:" as shown in help. */
    static String usage(SlashCommandData data) {
        StringBuilder sb = new StringBuilder("/").append(data.getName());
        for (OptionData o : data.getOptions()) {
            sb.append(' ').append(o.isRequired() ? o.getName() + ":" : "[" + o.getName() + ":]");
        }
        return sb.toString();
    }
}
