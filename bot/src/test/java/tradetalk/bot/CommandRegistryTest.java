package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

    /** A command that counts how often its definition is built. */
    private static final class Named implements SlashCommand {
        final String name;
        final boolean admin;
        int built;

        Named(String name, boolean admin) {
            this.name = name;
            this.admin = admin;
        }

        @Override
        public SlashCommandData data() {
            built++;
            return Commands.slash(name, "Does " + name)
                    .addOption(OptionType.STRING, "what", "What", true)
                    .addOption(OptionType.STRING, "when", "When", false);
        }

        @Override
        public boolean adminOnly() {
            return admin;
        }

        @Override
        public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {}
    }

    private record Buttons(String prefix) implements ButtonHandler {
        @Override
        public boolean editsMessage() {
            return false;
        }

        @Override
        public void click(ButtonInteractionEvent event, InteractionHook hook) {}
    }

    @Test
    void given_two_commands_with_one_name_when_registering_then_start_fails_naming_it() {
        assertThatThrownBy(
                        () -> new CommandRegistry(List.of(new Named("ask", false), new Named("ask", false)), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/ask");
        assertThatThrownBy(() -> new CommandRegistry(List.of(new Named("help", false)), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/help");
    }

    @Test
    void given_overlapping_or_malformed_button_prefixes_when_registering_then_start_fails() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(), List.of(new Buttons("src:"), new Buttons("src:"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> new CommandRegistry(List.of(), List.of(new Buttons("s"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ending in ':'");
        assertThatThrownBy(() -> new CommandRegistry(List.of(), List.of(new Buttons("src:1:"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void given_button_ids_when_dispatching_then_only_the_owner_of_the_exact_prefix_gets_them() {
        Buttons fb = new Buttons("fb:");
        Buttons src = new Buttons("src:");
        CommandRegistry registry = new CommandRegistry(List.of(), List.of(fb, src));

        assertThat(registry.button("fb:abc:up")).containsSame(fb);
        assertThat(registry.button("src:2:tariffs")).containsSame(src);
        assertThat(registry.button("srcx:2:")).isEmpty();
        assertThat(registry.button("fb")).isEmpty();
    }

    @Test
    void given_commands_when_registered_then_definitions_are_built_once_for_guilds_only_and_help_lists_them() {
        Named ask = new Named("ask", false);
        Named ingest = new Named("ingest", true);

        CommandRegistry registry = new CommandRegistry(List.of(ask, ingest), List.of());
        registry.definitions();
        registry.definitions();

        assertThat(ask.built).isEqualTo(1);
        assertThat(registry.commands())
                .extracting(CommandRegistry.Registered::name)
                .containsExactly("ask", "ingest", "help");
        assertThat(registry.commands())
                .allSatisfy(r -> assertThat(r.data().getContexts()).containsExactly(InteractionContextType.GUILD));
        String help = HelpCommand.text(registry.commands());
        assertThat(help).contains("`/ask what: [when:]` Does ask").contains("`/help` this message.");
        assertThat(help.substring(help.indexOf("**Admins**"))).contains("`/ingest what: [when:]` Does ingest");
        assertThat(help.substring(0, help.indexOf("**Admins**"))).doesNotContain("/ingest");
    }
}
