package tradetalk.bot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Helpful / not helpful votes on answers, one per user per answer (a later vote replaces the earlier one). Kept in a
 * JSON Lines file by one bot process ({@link JsonlFeedbackStore}, the default), or in an OpenSearch index that every
 * bot process shares (the wiring's {@code tradetalk.cli.OpenSearchFeedbackStore}, with {@code index.backend:
 * opensearch}). Thread-safe.
 */
public interface FeedbackStore extends AutoCloseable {

    /** The file name of the JSON Lines store. */
    String FILE = "feedback.jsonl";

    /**
     * One vote.
     *
     * @param answerId the answer voted on
     * @param userId   who voted
     * @param helpful  the vote
     * @param time     when
     * @param question the question answered
     * @param answer   the answer text
     * @param sources  the cited sources, one line each
     */
    record Vote(
            String answerId,
            String userId,
            boolean helpful,
            Instant time,
            String question,
            String answer,
            List<String> sources) {
        public Vote {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** Votes of one answer: distinct users' latest votes. */
    record Tally(int helpful, int notHelpful) {}

    /** The JSON Lines store in {@code dir} (created if needed), its votes loaded. */
    static FeedbackStore open(Path dir) {
        return JsonlFeedbackStore.open(dir);
    }

    /**
     * Records a vote durably, replacing the user's earlier vote on the answer.
     *
     * @return the answer's tally after the vote
     */
    Tally record(Vote vote);

    /** The tally of an answer. */
    Tally tally(String answerId);

    /** A user's current vote on an answer. */
    Optional<Vote> vote(String answerId, String userId);

    /** Any vote on the answer (to recover its question, text and sources after a restart). */
    Optional<Vote> anyVote(String answerId);

    /** Every user's current vote on every answer, newest first, at most {@code limit} (insights). */
    List<Vote> recentVotes(int limit);

    @Override
    void close();
}
