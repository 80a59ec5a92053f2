package tradetalk.bot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.StatusRequest;
import tradetalk.answer.status.StatusService;
import tradetalk.retrieval.ArticleMeta;

/**
 * The optional status digest: on each run, when articles were indexed since the previous digest (or since the bot
 * started), posts the status of the default topic to the configured channel.
 */
public final class Digest {

    private static final Logger log = LoggerFactory.getLogger(Digest.class);

    private final StatusService status;
    private final Supplier<List<ArticleMeta>> articles;
    private final String channelId;
    private Set<String> seen;

    public Digest(StatusService status, Supplier<List<ArticleMeta>> articles, String channelId) {
        this.status = status;
        this.articles = articles;
        this.channelId = channelId;
        this.seen = ids(articles.get());
    }

    /**
     * Posts a digest when something new was indexed since the last one.
     *
     * @return true when a digest was posted
     */
    public synchronized boolean runOnce(JDA jda) {
        Set<String> now = ids(articles.get());
        Set<String> fresh = new HashSet<>(now);
        fresh.removeAll(seen);
        if (fresh.isEmpty()) {
            log.debug("Digest: nothing new since the last one");
            return false;
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            log.warn("Digest: channel {} (discord.digest-channel) is not visible to the bot; skipped", channelId);
            return false;
        }
        StatusReport report = status.status(new StatusRequest(null, null, StatusRequest.CONFIGURED_WINDOW, null));
        String text = "**Digest:** " + fresh.size() + " new article(s) indexed.\n" + StatusCommand.text(report);
        for (MessageCreateData data : Messages.createAll(text)) {
            channel.sendMessage(data).complete();
        }
        seen = now;
        log.info("Digest posted to {} ({} new article(s))", channelId, fresh.size());
        return true;
    }

    private static Set<String> ids(List<ArticleMeta> list) {
        return list.stream().map(ArticleMeta::id).collect(Collectors.toSet());
    }
}
