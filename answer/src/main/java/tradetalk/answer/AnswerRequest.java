package tradetalk.answer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import tradetalk.retrieval.SearchRequest;

/**
 * A question to answer.
 *
 * @param question the question
 * @param history  earlier questions of the same conversation (oldest first), used to understand a follow-up
 * @param k        how many passages to retrieve
 * @param asOf     answer as of this date (later articles are ignored); null for today
 */
public record AnswerRequest(String question, List<String> history, int k, LocalDate asOf) {

    public AnswerRequest {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        history = history == null ? List.of() : List.copyOf(history);
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("k must be 1 to 100, got " + k);
        }
    }

    /** A standalone question. */
    public static AnswerRequest of(String question, int k) {
        return new AnswerRequest(question, List.of(), k, null);
    }

    /** The text used for retrieval: a follow-up is read together with the question before it. */
    public String searchText() {
        return history.isEmpty() ? question : history.getLast() + " " + question;
    }

    /** The search for this question asked on {@code day} (its as-of date, or today when it gives none). */
    public SearchRequest searchRequest(LocalDate day) {
        return SearchRequest.of(searchText(), k).withAsOf(day);
    }
}
