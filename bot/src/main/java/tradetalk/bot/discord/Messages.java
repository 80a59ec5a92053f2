package tradetalk.bot.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Builds every message the bot sends, always with allowed mentions empty (so nothing pings, whatever the text) and
 * the text passed through {@link DiscordFormat#safe}.
 */
public final class Messages {

    /** No mention type may ping. */
    public static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private Messages() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A new message with text (cut to Discord's limit) and optional components. */
    public static MessageCreateData create(String text, List<? extends MessageTopLevelComponent> components) {
        return new MessageCreateBuilder()
                .setContent(DiscordFormat.truncate(DiscordFormat.safe(text), DiscordFormat.MAX_CONTENT))
                .setComponents(components)
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    /** A new message with text only. */
    public static MessageCreateData create(String text) {
        return create(text, List.of());
    }

    /** A replacement for a message: text (cut to the limit), components (replacing the old ones), no embeds. */
    public static MessageEditData edit(String text, List<? extends MessageTopLevelComponent> components) {
        return new MessageEditBuilder()
                .setContent(DiscordFormat.truncate(DiscordFormat.safe(text), DiscordFormat.MAX_CONTENT))
                .setComponents(components)
                .setEmbeds(List.of())
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    /** A replacement for a message with text only (components removed). */
    public static MessageEditData edit(String text) {
        return edit(text, List.of());
    }

    /** A replacement for a message with embeds and components, no text. */
    public static MessageEditData editEmbeds(List<MessageEmbed> embeds,
                                             List<? extends MessageTopLevelComponent> components) {
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(embeds)
                .setComponents(components)
                .setAllowedMentions(NO_MENTIONS)
                .build();
    }

    /** Where an answer is written: an interaction's original response and follow-ups, or a thread. */
    public interface Surface {
        /** Replaces the first message of the answer. */
        CompletableFuture<?> edit(MessageEditData data);

        /** Adds a message after it. */
        CompletableFuture<?> send(MessageCreateData data);
    }
}
