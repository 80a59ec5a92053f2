package tradetalk.measure.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation question, read from MultiHop-RAG's query format or the seeds-dev format.
 *
 * @param query        the question
 * @param answer       the gold answer; empty when unknown
 * @param mentionsAny  the answer must contain one of these (case-insensitive); empty when not given
 * @param questionType MultiHop-RAG's type (inference_query, comparison_query, temporal_query, null_query), or
 *                     "seeds" style types; "unspecified" when absent
 * @param evidence     the articles (and facts) that answer it
 * @param noAnswer     true when the corpus does not answer it (MultiHop-RAG's null_query, seeds-dev's
 *                     expect:"no-answer")
 * @param asOf         answer as of this date (question_date or as_of); null for no date
 * @param history      the earlier questions of the conversation, oldest first (the question is a follow-up); empty
 *                     for a question asked on its own
 */
public record EvalQuery(
        String query,
        String answer,
        List<String> mentionsAny,
        String questionType,
        List<Evidence> evidence,
        boolean noAnswer,
        LocalDate asOf,
        List<String> history) {

    public EvalQuery {
        Objects.requireNonNull(query, "query");
        answer = answer == null ? "" : answer;
        mentionsAny = List.copyOf(mentionsAny);
        questionType = questionType == null || questionType.isBlank() ? "unspecified" : questionType;
        evidence = List.copyOf(evidence);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A question asked on its own. */
    public EvalQuery(
            String query,
            String answer,
            List<String> mentionsAny,
            String questionType,
            List<Evidence> evidence,
            boolean noAnswer,
            LocalDate asOf) {
        this(query, answer, mentionsAny, questionType, evidence, noAnswer, asOf, List.of());
    }

    /** The gold facts of the evidence (MultiHop-RAG's), empty when none. */
    public List<String> facts() {
        return evidence.stream().map(Evidence::fact).filter(f -> !f.isBlank()).toList();
    }

    /**
     * What the composed answer must contain: the mentions when given, else a short gold answer (at most five words,
     * e.g. "Yes", "Sam Bankman-Fried"); empty when there is nothing to check.
     */
    public List<String> expectedMentions() {
        if (!mentionsAny.isEmpty()) {
            return mentionsAny;
        }
        String a = answer.strip();
        if (!noAnswer && !a.isEmpty() && a.split("\\s+").length <= 5) {
            return List.of(a.replaceAll("[.!]+$", ""));
        }
        return List.of();
    }

    /**
     * One evidence item: an article named by URL, title or file name, and optionally the fact it supports.
     *
     * @param title the article's title; empty when unknown
     * @param url   the article's URL; empty when unknown
     * @param file  the article's file name (seeds-dev's {@code sources}); empty when unknown
     * @param fact  the supporting text (MultiHop-RAG's {@code fact}); empty when unknown
     */
    public record Evidence(String title, String url, String file, String fact) {

        public Evidence {
            title = title == null ? "" : title;
            url = url == null ? "" : url;
            file = file == null ? "" : file;
            fact = fact == null ? "" : fact;
        }
    }
}
