package tradetalk.bot;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import tradetalk.answer.UserError;
import tradetalk.retrieval.ArticleMeta;

/** {@code /sources [query:]}: the indexed articles, newest first, a page at a time with Previous / Next buttons. */
public final class SourcesCommand implements SlashCommand, ButtonHandler {

    /** Articles per page. */
    public static final int PAGE_SIZE = 8;

    private static final String PREFIX = "src:";
    private static final int MAX_QUERY_IN_ID = 80;

    private final Supplier<List<ArticleMeta>> articles;

    public SourcesCommand(Supplier<List<ArticleMeta>> articles) {
        this.articles = articles;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("sources", "List the indexed articles, newest first")
                .addOptions(new OptionData(OptionType.STRING, "query", "Only titles or outlets containing this")
                        .setMaxLength(MAX_QUERY_IN_ID));
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        String query = event.getOption("query", "", o -> o.getAsString()).strip();
        hook.editOriginal(page(query, 0)).complete();
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean editsMessage() {
        return true;
    }

    @Override
    public void click(ButtonInteractionEvent event, InteractionHook hook) {
        String rest = event.getComponentId().substring(PREFIX.length());
        int colon = rest.indexOf(':');
        int page;
        try {
            page = Integer.parseInt(rest.substring(0, colon));
        } catch (RuntimeException e) {
            throw new UserError("This button is out of date; run /sources again.");
        }
        hook.editOriginal(page(rest.substring(colon + 1), page)).complete();
    }

    /** One page of the list: an embed and the paging buttons. */
    net.dv8tion.jda.api.utils.messages.MessageEditData page(String query, int requestedPage) {
        String q = query.toLowerCase(Locale.ROOT);
        List<ArticleMeta> list = articles.get().stream()
                .filter(a -> q.isEmpty()
                        || a.title().toLowerCase(Locale.ROOT).contains(q)
                        || a.source().toLowerCase(Locale.ROOT).contains(q))
                .toList();
        int pages = Math.max(1, (list.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.clamp(requestedPage, 0, pages - 1);
        StringBuilder description = new StringBuilder();
        for (ArticleMeta a : list.subList(page * PAGE_SIZE, Math.min(list.size(), (page + 1) * PAGE_SIZE))) {
            description
                    .append("• ")
                    .append(DiscordFormat.truncate(DiscordFormat.sourceLine(a), 450))
                    .append('\n');
        }
        if (list.isEmpty()) {
            description.append(
                    q.isEmpty()
                            ? "No articles are indexed yet."
                            : "No indexed article matches '" + DiscordFormat.escape(query) + "'.");
        }
        String title =
                (q.isEmpty() ? "Indexed articles" : "Articles matching '" + query + "'") + " (" + list.size() + ")";
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(DiscordFormat.truncate(Messages.safe(title), 256))
                .setDescription(
                        DiscordFormat.truncate(Messages.safe(description.toString()), DiscordFormat.MAX_DESCRIPTION))
                .setFooter("Page " + (page + 1) + " of " + pages);
        String idQuery = query.length() > MAX_QUERY_IN_ID ? query.substring(0, MAX_QUERY_IN_ID) : query;
        List<ActionRow> rows = pages == 1
                ? List.of()
                : List.of(ActionRow.of(
                        Button.secondary(PREFIX + (page - 1) + ":" + idQuery, "◀ Previous")
                                .withDisabled(page == 0),
                        Button.secondary(PREFIX + (page + 1) + ":" + idQuery, "Next ▶")
                                .withDisabled(page >= pages - 1)));
        return Messages.editEmbeds(List.of(embed.build()), rows);
    }
}
