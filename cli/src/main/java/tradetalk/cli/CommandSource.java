package tradetalk.cli;

import java.util.List;

/**
 * Subcommands that a module above the CLI adds to it, found through {@link java.util.ServiceLoader}: the measuring
 * tools' {@code eval} and {@code bench} are commands of {@code tradetalk}, yet no class of the CLI imports them.
 */
public interface CommandSource {

    /** The picocli command classes (each annotated with {@code @Command}), in the order {@code --help} lists them. */
    List<Class<?>> commands();
}
