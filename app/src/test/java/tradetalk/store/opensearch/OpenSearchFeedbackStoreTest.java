package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tradetalk.bot.FeedbackStore;
import tradetalk.cli.OpenSearchFeedbackStore;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;

/** Feedback votes in OpenSearch, seen by every bot process of the cluster. */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchFeedbackStoreTest {

    private static List<URI> urls;

    @BeforeAll
    static void cluster(OpenSearchTestCluster cluster) {
        urls = cluster.urls();
    }

    private static OpenSearchSettings settings() {
        return TestIndexes.settings(urls, "feedback", 1, 0);
    }

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
    void given_two_bot_processes_when_users_vote_in_each_then_both_see_every_vote_and_a_revote_replaces() {
        OpenSearchSettings s = settings();
        try (FeedbackStore one = OpenSearchFeedbackStore.open(s);
                FeedbackStore two = OpenSearchFeedbackStore.open(s)) {
            one.record(vote("a1", "u1", true));
            two.record(vote("a1", "u2", true));

            FeedbackStore.Tally t = two.record(vote("a1", "u1", false)); // u1 changes its vote in the other process

            assertThat(t).isEqualTo(new FeedbackStore.Tally(1, 1));
            assertThat(one.tally("a1")).isEqualTo(new FeedbackStore.Tally(1, 1));
            assertThat(one.vote("a1", "u1")).hasValueSatisfying(v -> {
                assertThat(v.helpful()).isFalse();
                assertThat(v.question()).isEqualTo("q?");
                assertThat(v.sources()).containsExactly("[1] Reuters, \"Title\"");
                assertThat(v.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            });
            assertThat(one.anyVote("a1")).isPresent();
            assertThat(one.anyVote("never")).isEmpty();
            assertThat(one.tally("never")).isEqualTo(new FeedbackStore.Tally(0, 0));
            assertThat(one.recentVotes(10)) // every member's current vote, for insights
                    .extracting(FeedbackStore.Vote::userId, FeedbackStore.Vote::helpful)
                    .containsExactlyInAnyOrder(tuple("u1", false), tuple("u2", true));
            assertThat(one.recentVotes(1)).hasSize(1);
        }
    }
}
