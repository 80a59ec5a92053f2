package tradetalk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions asked by mentioning the bot: the answer goes into a new thread on the question, and later messages in
 * that thread are follow-ups answered with the thread's earlier questions as history. Without the Message Content
 * intent a follow-up must mention the bot (Discord only sends the text of messages that mention it).
 */
public final class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    private static final int MAX_HISTORY = 6;
    private static final String THINKING = "🔎 Looking through the articles…";

    /** Decides whether a member may ask now: the refusal, or empty. */
    @FunctionalInterface
    public interface Gate {
        Optional<Refusal> refusal(String userId, String guildId, String channelId);
    }

    private final Answering answering;
    private final Work work;
    private final Gate gate;
    private final Cache<String, List<String>> histories = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofDays(3))
            .build();

    public Conversations(Answering answering, Work work, Gate gate) {
        this.answering = answering;
        this.work = work;
        this.gate = gate;
    }

    /** Called on JDA's event thread for every message; cheap checks here, the work on the executor. */
    public void onMessage(MessageReceivedEvent event) {
        if (!event.isFromGuild()
                || event.getAuthor().isBot()
                || event.isWebhookMessage()
                || event.getAuthor().isSystem()) {
            return;
        }
        Message message = event.getMessage();
        String selfId = event.getJDA().getSelfUser().getId();
        boolean mentioned = message.getMentions().isMentioned(event.getJDA().getSelfUser(), Message.MentionType.USER);
        boolean inOwnThread = event.getChannelType() == ChannelType.GUILD_PUBLIC_THREAD
                && selfId.equals(event.getChannel().asThreadChannel().getOwnerId());
        if (!mentioned && !inOwnThread) {
            return;
        }
        String question = withoutMention(message.getContentRaw(), selfId);
        if (question.isEmpty()) {
            if (mentioned) {
                log.debug("Mention without a question in {}", event.getChannel().getId());
            }
            return; // a follow-up without the Message Content intent arrives empty
        }
        if (!event.getChannelType().isThread() && event.getChannelType() != ChannelType.TEXT) {
            return; // announcement channels, voice-channel chats...: no thread to answer in, spend nothing
        }
        String parentId = event.getChannelType().isThread()
                ? event.getChannel().asThreadChannel().getParentChannel().getId()
                : event.getChannel().getId();
        Optional<Refusal> refusal =
                gate.refusal(event.getAuthor().getId(), event.getGuild().getId(), parentId);
        if (refusal.isPresent()) {
            if (!refusal.get().silentForMentions()) {
                refusePrivately(message, refusal.get().message());
            }
            return;
        }
        if (event.getChannelType().isThread()) {
            ThreadChannel thread = event.getChannel().asThreadChannel();
            work.submit(
                    "follow-up",
                    text -> thread.sendMessage(Messages.create(text)).queue(),
                    () -> answerIn("follow-up", thread, question, message.getId()));
        } else if (event.getChannelType() == ChannelType.TEXT) {
            work.submit(
                    "mention",
                    text -> message.reply(Messages.create(text)).queue(),
                    () -> answerInNewThread(message, question));
        }
    }

    private void answerInNewThread(Message message, String question) {
        String name = DiscordFormat.truncate(question.replaceAll("\\s+", " ").replaceAll("[@#<>]", ""), 90);
        ThreadChannel thread =
                message.createThreadChannel(name.isBlank() ? "Question" : name).complete();
        histories.put(thread.getId(), new ArrayList<>());
        answerIn("mention", thread, question, message.getId());
    }

    private void answerIn(String command, ThreadChannel thread, String question, String questionMessageId) {
        Message placeholder = thread.sendMessage(Messages.create(THINKING)).complete();
        List<String> history = histories.get(thread.getId(), k -> recover(thread, questionMessageId));
        List<String> earlier;
        synchronized (history) { // the question joins the history before the answer goes out
            earlier = List.copyOf(history);
            history.add(question);
            while (history.size() > MAX_HISTORY) {
                history.removeFirst();
            }
        }
        answering.answer(command, question, earlier, null, new Messages.Surface() {
            @Override
            public CompletableFuture<?> edit(MessageEditData data) {
                return placeholder.editMessage(data).submit();
            }

            @Override
            public CompletableFuture<?> send(MessageCreateData data) {
                return thread.sendMessage(data).submit();
            }
        });
    }

    /**
     * Tells only the member why their mention is not answered (a message has no ephemeral reply): by direct message,
     * or, when their DMs are closed, with an hourglass reaction on their message.
     */
    private static void refusePrivately(Message message, String refusal) {
        message.getAuthor()
                .openPrivateChannel()
                .flatMap(dm -> dm.sendMessage(Messages.create(refusal)))
                .queue(
                        null,
                        e -> message.addReaction(Emoji.fromUnicode("⏳"))
                                .queue(null, again -> log.debug("Refusal not delivered: {}", again.getMessage())));
    }

    /**
     * The earlier questions of a thread the bot does not remember (it was restarted): the message that started the
     * thread, then the members' messages in it, oldest first, without the one being answered.
     */
    private List<String> recover(ThreadChannel thread, String skipMessageId) {
        String selfId = thread.getJDA().getSelfUser().getId();
        List<String> questions = new ArrayList<>();
        try {
            questions.add(
                    withoutMention(thread.retrieveParentMessage().complete().getContentRaw(), selfId));
        } catch (RuntimeException e) {
            log.debug("No starter message for thread {}: {}", thread.getId(), e.getMessage());
        }
        try {
            List<Message> newestFirst = thread.getHistory().retrievePast(50).complete();
            for (Message m : newestFirst.reversed()) {
                if (!m.getAuthor().isBot() && !m.getId().equals(skipMessageId)) {
                    questions.add(withoutMention(m.getContentRaw(), selfId));
                }
            }
        } catch (RuntimeException e) {
            log.debug("No history for thread {}: {}", thread.getId(), e.getMessage());
        }
        questions.removeIf(String::isBlank);
        List<String> recent =
                new ArrayList<>(questions.subList(Math.max(0, questions.size() - MAX_HISTORY), questions.size()));
        log.debug("Recovered {} earlier questions of thread {}", recent.size(), thread.getId());
        return recent;
    }

    private static String withoutMention(String content, String selfId) {
        return Pattern.compile("<@!?" + selfId + ">")
                .matcher(content)
                .replaceAll("")
                .strip();
    }

    /** The questions asked so far in a thread, oldest first. */
    public List<String> history(String threadId) {
        List<String> h = histories.getIfPresent(threadId);
        if (h == null) {
            return List.of();
        }
        synchronized (h) {
            return List.copyOf(h);
        }
    }
}
