package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tradetalk.answer.Citation;
import tradetalk.answer.CitedAnswer;
import tradetalk.retrieval.ArticleMeta;

class DiscordFormatTest {

    private static final Pattern MARKER = Pattern.compile("\\[\\d+\\]");

    private static String longAnswer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("Sentence number ")
                    .append(i)
                    .append(" says the talks went on [")
                    .append(i % 9 + 1)
                    .append("] and see https://example.com/articles/")
                    .append(i)
                    .append("?ref=x for more. ");
            if (i % 7 == 6) {
                sb.append("\n\n");
            }
        }
        return sb.toString();
    }

    @Test
    void given_a_long_answer_when_splitting_then_every_part_fits_and_no_marker_or_url_is_cut() {
        String text = longAnswer();

        List<String> parts = DiscordFormat.split(text);

        assertThat(parts)
                .hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join(" ", parts).replaceAll("\\s+", " "))
                .isEqualTo(text.strip().replaceAll("\\s+", " "));
        int markers = 0;
        for (String p : parts) {
            Matcher m = MARKER.matcher(p);
            while (m.find()) {
                markers++;
            }
            assertThat(p).doesNotEndWith("[").doesNotStartWith("]");
        }
        assertThat(markers).isEqualTo(60);
        long urls = parts.stream()
                .flatMap(p -> Pattern.compile("https://example.com/articles/\\d+\\?ref=x")
                        .matcher(p)
                        .results())
                .count();
        assertThat(urls).isEqualTo(60);
    }

    @Test
    void given_text_without_spaces_near_the_limit_when_splitting_then_it_still_fits() {
        String text = "a".repeat(4500);

        List<String> parts = DiscordFormat.split(text);

        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void given_a_code_fence_across_the_limit_when_splitting_then_it_is_closed_and_reopened_with_its_language() {
        StringBuilder code = new StringBuilder("Here is the data:\n```json\n");
        for (int i = 0; i < 150; i++) {
            code.append("{\"row\": ").append(i).append(", \"value\": \"tariff\"}\n");
        }
        code.append("```\nThat is all [1].");

        List<String> parts = DiscordFormat.split(code.toString());

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(2000);
            assertThat(p.split("```", -1).length % 2)
                    .as("balanced fences in %s", p)
                    .isEqualTo(1);
        });
        assertThat(parts.get(1)).startsWith("```json\n");
        assertThat(parts.getLast()).endsWith("That is all [1].");
    }

    @Test
    void given_a_short_text_when_splitting_then_it_is_one_part() {
        assertThat(DiscordFormat.split("Short [1].")).containsExactly("Short [1].");
    }

    @Test
    void given_an_answer_with_mentions_and_urls_when_formatting_then_nothing_pings_and_links_do_not_unfurl() {
        ArticleMeta web = new ArticleMeta(
                "a1",
                "@everyone Tariffs [paused]",
                "Reuters",
                LocalDate.of(2019, 11, 26),
                "https://example.com/a?x=1",
                "",
                "",
                "");
        ArticleMeta file = new ArticleMeta("a2", "Phase one", "", null, "", "/srv/data/articles/001_x.txt", "", "");
        CitedAnswer a = new CitedAnswer(
                "q",
                "Tariffs paused [1] says @here and <@123> [2].",
                false,
                "offline",
                null,
                List.of(new Citation(1, web, "p1", "..."), new Citation(2, file, "p2", "...")),
                List.of(),
                null,
                null,
                null,
                List.of());

        String text = Messages.safe(DiscordFormat.answer(a));

        assertThat(text).doesNotContain("@everyone").doesNotContain("@here").doesNotContain("<@123>");
        assertThat(text)
                .contains("**Sources**")
                .contains(
                        "[1] Reuters, 2019-11-26, [@\u200Beveryone Tariffs \\[paused\\]](<https://example.com/a?x=1>)")
                .contains("[2] \"Phase one\" (file `001_x.txt`)");
    }

    @Test
    void given_text_over_a_limit_when_truncating_then_it_fits_and_ends_with_an_ellipsis() {
        String t = DiscordFormat.truncate("word ".repeat(300), 1024);

        assertThat(t.length()).isLessThanOrEqualTo(1024);
        assertThat(t).endsWith("…");
        assertThat(DiscordFormat.truncate("short", 1024)).isEqualTo("short");
    }

    @Test
    void given_a_long_text_with_mentions_when_split_and_sent_then_nothing_is_cut_off() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 940; i++) {
            text.append(i % 47 == 0 ? "<@1> " : "word ");
        }
        text.append("end [1]");

        List<String> parts = Messages.parts(text.toString());

        for (String part : parts) {
            String sent = Messages.create(part).getContent();
            assertThat(sent).hasSizeLessThanOrEqualTo(DiscordFormat.MAX_CONTENT).isEqualTo(part);
        }
        assertThat(parts.getLast()).endsWith("end [1]");
    }

    @Test
    void given_a_marked_model_answer_when_formatting_then_the_unsupported_sentence_is_in_italics_with_the_note() {
        ArticleMeta web = new ArticleMeta("a1", "Talks", "Reuters", LocalDate.of(2019, 11, 26), "", "", "", "");
        List<tradetalk.answer.CheckedSentence> sentences = List.of(
                new tradetalk.answer.CheckedSentence(
                        "Trump signed the *deal* [1].",
                        List.of(1),
                        false,
                        "the cited source says otherwise (a negation differs)",
                        true),
                new tradetalk.answer.CheckedSentence("Talks resumed [1].", List.of(1), true, null, true));
        CitedAnswer a = new CitedAnswer(
                "q",
                "Trump signed the *deal* [1]. Talks resumed [1].",
                false,
                "openai",
                null,
                List.of(new Citation(1, web, "p1", "...")),
                List.of(),
                null,
                null,
                null,
                sentences);

        String text = DiscordFormat.answer(a);

        assertThat(text)
                .startsWith(
                        "*Trump signed the \\*deal\\* [1].* (not found in the cited source) " + "Talks resumed [1].");
    }
}
