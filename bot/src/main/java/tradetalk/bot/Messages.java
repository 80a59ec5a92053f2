package tradetalk.bot;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Builds every message the bot sends: allowed mentions are always empty (so nothing pings, whatever the text) and
 * the text is defused ({@link Mentions}) here and nowhere else, once, before it is split into messages Discord
 * accepts. Sent text is never truncated: a text longer than one message goes out with {@link #sendSplit}; giving
 * {@link #create}/{@link #edit} one is a bug and fails.
 */
public final class Messages {

    /** No mention type may ping. */
    public static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private Messages() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Text that cannot ping anyone (for embeds, which are built by the caller); null becomes "". */
    public static String safe(String text) {
        return Mentions.defuse(text);
    }

    /** The text, defused, then split into messages of at most {@link DiscordFormat#MAX_CONTENT} characters. */
    public static List<String> parts(String text) {
        return DiscordFormat.split(safe(text));
    }

    /** A new message with text (at most one message long) and optional components. */
    public static MessageCreateData create(String text, List<? extends MessageTopLevelComponent> components) {
        return createDefused(oneMessage(safe(text)), components);
    }

    /** A new message with text only. */
    public static MessageCreateData create(String text) {
        return create(text, List.of());
    }

    /** Any text as new messages, split where Discord needs it (the digest). */
    public static List<MessageCreateData> createAll(String text) {
        List<MessageCreateData> all = new ArrayList<>();
        for (String part : parts(text)) {
            all.add(createDefused(part, List.of()));
        }
        return all;
    }

    /** A replacement for a message: text (at most one message long), components (replacing the old), no embeds. */
    public static MessageEditData edit(String text, List<? extends MessageTopLevelComponent> components) {
        return editDefused(oneMessage(safe(text)), components);
    }

    /** A replacement for a message with text only (components removed). */
    public static MessageEditData edit(String text) {
        return edit(text, List.of());
    }

    /**
     * A replacement showing the beginning of a growing answer (streaming): cut to one message with a cursor. It is
     * always replaced by the whole answer, sent with {@link #sendSplit}.
     */
    public static MessageEditData preview(String textSoFar) {
        return editDefused(DiscordFormat.truncate(safe(textSoFar), DiscordFormat.MAX_CONTENT - 2) + " ▍", List.of());
    }

    /** A replacement for a message with embeds and components, no text. */
    public static MessageEditData editEmbeds(
            List<MessageEmbed> embeds, List<? extends MessageTopLevelComponent> components) {
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(embeds)
                .setComponents(components)
                .setAllowedMentions(NO_MENTIONS)
                .build();
    }

    /**
     * Writes any text, defused then split into Discord-sized messages: the first replaces the surface's message, the
     * others follow; the last carries {@code components}. Blocks until sent.
     */
    public static void sendSplit(Surface surface, String text, List<ActionRow> components) {
        List<String> parts = parts(text);
        for (int i = 0; i < parts.size(); i++) {
            List<ActionRow> rows = i == parts.size() - 1 ? components : List.of();
            if (i == 0) {
                surface.edit(editDefused(parts.get(i), rows)).join();
            } else {
                surface.send(createDefused(parts.get(i), rows)).join();
            }
        }
    }

    private static String oneMessage(String defused) {
        if (defused.length() > DiscordFormat.MAX_CONTENT) {
            throw new IllegalStateException("a message of " + defused.length() + " characters is longer than "
                    + "Discord allows; send it with Messages.sendSplit");
        }
        return defused;
    }

    private static MessageCreateData createDefused(String text, List<? extends MessageTopLevelComponent> components) {
        return new MessageCreateBuilder()
                .setContent(text)
                .setComponents(components)
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    private static MessageEditData editDefused(String text, List<? extends MessageTopLevelComponent> components) {
        return new MessageEditBuilder()
                .setContent(text)
                .setComponents(components)
                .setEmbeds(List.of())
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
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
