package tradetalk.bot;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import tradetalk.answer.UserError;
import tradetalk.answer.summary.Summary;
import tradetalk.answer.summary.SummaryRequest;
import tradetalk.answer.summary.SummaryService;
import tradetalk.bot.ops.Question;
import tradetalk.bot.ops.Questions;
import tradetalk.retrieval.ArticleMeta;

/** {@code /summary article:|topic: [since:] [until:] [length:]}, with article titles autocompleted. */
public final class SummaryCommand implements SlashCommand {

    private final SummaryService summaries;
    private final Questions questions;

    /**
     * @param questions where each request's end is reported
     */
    public SummaryCommand(SummaryService summaries, Questions questions) {
        this.summaries = summaries;
        this.questions = questions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("summary", "Summarise an article, or a topic within dates")
                .addOptions(
                        new OptionData(OptionType.STRING, "article", "An indexed article (start typing its title)")
                                .setAutoComplete(true)
                                .setMaxLength(300),
                        new OptionData(OptionType.STRING, "topic", "A topic, e.g. tariffs on soybeans")
                                .setMaxLength(200),
                        new OptionData(OptionType.STRING, "since", "Only articles from this date (YYYY-MM-DD)")
                                .setMaxLength(10),
                        new OptionData(OptionType.STRING, "until", "Only articles up to this date (YYYY-MM-DD)")
                                .setMaxLength(10),
                        new OptionData(OptionType.STRING, "length", "short (about 3 sentences) or long (about 8)")
                                .addChoice("short", "short")
                                .addChoice("long", "long"));
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public void execute(SlashCommandInteractionEvent event, InteractionHook hook) {
        String article = event.getOption("article", null, o -> o.getAsString());
        String topic = event.getOption("topic", null, o -> o.getAsString());
        LocalDate since = date("since", event.getOption("since", null, o -> o.getAsString()));
        LocalDate until = date("until", event.getOption("until", null, o -> o.getAsString()));
        String length = event.getOption("length", "short", o -> o.getAsString());
        String subject = article != null ? article : topic;
        questions.observe(
                "summary",
                subject,
                () -> {
                    SummaryRequest request = UserError.whenInvalid(() -> new SummaryRequest(
                            article,
                            topic,
                            since,
                            until,
                            "long".equals(length) ? SummaryRequest.Length.LONG : SummaryRequest.Length.SHORT));
                    Summary s = summaries.summarize(request);
                    Messages.sendSplit(AskCommand.hookSurface(hook), text(s), List.of());
                    return s;
                },
                Question.Result::of);
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        if (!event.getFocusedOption().getName().equals("article")) {
            event.replyChoices().queue();
            return;
        }
        List<Command.Choice> choices = summaries
                .findArticles(event.getFocusedOption().getValue().strip(), 25)
                .stream()
                .map(SummaryCommand::choice)
                .toList();
        event.replyChoices(choices).queue();
    }

    private static Command.Choice choice(ArticleMeta a) {
        String name = (a.publishedAt() == null ? "" : a.publishedAt() + " ") + a.title();
        return new Command.Choice(
                DiscordFormat.truncate(name.replace('\n', ' '), 100), DiscordFormat.truncate(a.id(), 100));
    }

    /** The summary as Discord text. */
    public static String text(Summary s) {
        StringBuilder sb = new StringBuilder("**Summary: ")
                .append(DiscordFormat.escape(s.subject()))
                .append("**\n")
                .append(DiscordFormat.marked(s.text(), s.sentences()).strip());
        if (s.fallback() != null) {
            sb.append("\n\n_(The model could not answer: ").append(s.fallback()).append("; written offline.)_");
        }
        sb.append(DiscordFormat.sources("Sources", s.citations()));
        return sb.toString();
    }

    private static LocalDate date(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UserError("`" + option + "` must be a date like 2019-11-26, got '"
                    + value.strip().toLowerCase(Locale.ROOT) + "'.");
        }
    }
}
