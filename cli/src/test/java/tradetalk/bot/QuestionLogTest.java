package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.ops.Question;
import tradetalk.cli.MutableClock;

/** The question log: text only when kept, entries gone after the retention period, bad lines skipped. */
class QuestionLogTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private InsightsConfig config(boolean keep) {
        return new InsightsConfig(dir.toString(), keep, Duration.ofDays(30), 0.7, 14);
    }

    private Question asked(String text, Question.Outcome outcome) {
        return new Question(
                "ask",
                text,
                outcome,
                clock.instant(),
                Duration.ofMillis(250),
                new Question.Result(outcome == Question.Outcome.DECLINED, "offline", null, null));
    }

    @Test
    void without_keep_questions_the_text_is_not_written() throws IOException {
        try (QuestionLog log = QuestionLog.open(config(false), clock)) {
            log.question(asked("Who won the 2018 World Cup?", Question.Outcome.DECLINED));
        }

        String file = Files.readString(dir.resolve(QuestionLog.FILE), StandardCharsets.UTF_8);
        assertThat(file).contains("\"outcome\":\"declined\"").doesNotContain("World Cup");
        List<QuestionLog.Entry> read = QuestionLog.read(config(false), clock);
        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.question()).isNull();
            assertThat(e.command()).isEqualTo("ask");
            assertThat(e.latencyMs()).isEqualTo(250);
        });
    }

    @Test
    void entries_older_than_the_retention_are_deleted_from_the_file() throws IOException {
        try (QuestionLog log = QuestionLog.open(config(true), clock)) {
            log.question(asked("an old question", Question.Outcome.ANSWERED));
            clock.advance(Duration.ofDays(20));
            log.question(asked("a recent question", Question.Outcome.ANSWERED));
            clock.advance(Duration.ofDays(15)); // the first is 35 days old now
            assertThat(QuestionLog.read(config(true), clock))
                    .extracting(QuestionLog.Entry::question)
                    .containsExactly("a recent question");
            log.question(asked("a new question", Question.Outcome.ANSWERED)); // a day since the last prune: prunes
        }

        assertThat(Files.readString(dir.resolve(QuestionLog.FILE), StandardCharsets.UTF_8))
                .doesNotContain("an old question")
                .contains("a recent question")
                .contains("a new question");
    }

    @Test
    void an_unreadable_line_is_skipped() throws IOException {
        Files.writeString(dir.resolve(QuestionLog.FILE), "{torn\n", StandardCharsets.UTF_8);
        try (QuestionLog log = QuestionLog.open(config(true), clock)) {
            log.question(asked("a question", Question.Outcome.ANSWERED));
        }

        assertThat(QuestionLog.read(config(true), clock))
                .extracting(QuestionLog.Entry::question)
                .containsExactly("a question");
    }
}
