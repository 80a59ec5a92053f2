package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackStoreTest {

    @TempDir
    Path dir;

    private static FeedbackStore.Vote vote(String answer, String user, boolean helpful) {
        return new FeedbackStore.Vote(
                answer,
                user,
                helpful,
                Instant.parse("2026-01-02T03:04:05Z"),
                "q?",
                "the answer [1]",
                List.of("[1] Reuters, \"Title\""));
    }

    @Test
    void given_votes_when_the_same_user_votes_again_then_the_vote_changes_instead_of_adding() {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            store.record(vote("a1", "u1", true));
            store.record(vote("a1", "u2", true));
            FeedbackStore.Tally t = store.record(vote("a1", "u1", false));

            assertThat(t).isEqualTo(new FeedbackStore.Tally(1, 1));
        }
    }

    @Test
    void given_recorded_votes_when_reopening_then_they_survive_with_question_answer_and_sources() {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            store.record(vote("a1", "u1", true));
            store.record(vote("a1", "u1", false));
            store.record(vote("a2", "u1", true));
        }

        try (FeedbackStore reopened = FeedbackStore.open(dir)) {
            assertThat(reopened.tally("a1")).isEqualTo(new FeedbackStore.Tally(0, 1));
            assertThat(reopened.tally("a2")).isEqualTo(new FeedbackStore.Tally(1, 0));
            assertThat(reopened.vote("a1", "u1")).hasValueSatisfying(v -> {
                assertThat(v.question()).isEqualTo("q?");
                assertThat(v.answer()).isEqualTo("the answer [1]");
                assertThat(v.sources()).containsExactly("[1] Reuters, \"Title\"");
            });
        }
    }

    @Test
    void given_a_torn_last_line_when_opening_then_earlier_votes_load_and_new_votes_append() throws IOException {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            store.record(vote("a1", "u1", true));
        }
        Files.writeString(
                dir.resolve(FeedbackStore.FILE),
                "{\"answerId\":\"a1\",\"us",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (FeedbackStore store = FeedbackStore.open(dir)) {
            assertThat(store.tally("a1")).isEqualTo(new FeedbackStore.Tally(1, 0));
            store.record(vote("a1", "u2", false));
        }
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            assertThat(store.tally("a1")).isEqualTo(new FeedbackStore.Tally(1, 1));
        }
    }
}
