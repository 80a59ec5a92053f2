package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradetalk.answer.Citation;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.TimelineItem;
import tradetalk.retrieval.ArticleMeta;

/** How {@code /status} shows a report in Discord. */
class StatusCommandTextTest {

    static final ArticleMeta ARTICLE =
            new ArticleMeta("a", "Talks resume", "CNN", LocalDate.parse("2025-03-01"), "https://x/a", "", "", "");

    @Test
    void given_a_timeline_then_the_reply_says_how_far_back_it_reaches_before_its_lines() {
        Citation c = new Citation(1, ARTICLE, "a#0", "Talks resumed.");
        StatusReport r = new StatusReport(
                "trade talks",
                "Talks resumed. [1]",
                List.of(new TimelineItem(ARTICLE.publishedAt(), "Talks resumed. [1]", List.of(c))),
                List.of(c),
                false,
                "offline",
                null,
                null,
                List.of(),
                LocalDate.parse("2024-12-31"));

        String text = StatusCommand.text(r);

        assertThat(text).contains("\n_Timeline reaching back to 2024-12-31:_\n• `2025-03-01` Talks resumed.");
    }

    @Test
    void given_an_empty_report_then_no_timeline_header_is_shown() {
        StatusReport r = new StatusReport(
                "trade talks", "Nothing indexed on trade talks.", List.of(), List.of(), true, "offline", null, null);

        assertThat(StatusCommand.text(r))
                .contains("Nothing indexed on trade talks.")
                .doesNotContain("reaching back");
    }
}
