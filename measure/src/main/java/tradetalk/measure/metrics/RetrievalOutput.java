package tradetalk.measure.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A MultiHop-RAG retrieval output file: a JSON array of objects with {@code query}, {@code question_type},
 * {@code retrieval_list} (chunks, best first, each with {@code text}) and {@code gold_list} (evidence, each with
 * {@code fact}). {@link #score} applies the benchmark's rules, skipping null queries.
 */
public final class RetrievalOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The question type MultiHop-RAG gives queries that the corpus cannot answer. */
    public static final String NULL_QUERY = "null_query";

    /** One scored row of the file. */
    public record Row(String query, String questionType, List<String> retrieved, List<String> facts) {}

    private RetrievalOutput() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException naming the record and field when the text is not such a file
     */
    public static List<Row> parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of {query, retrieval_list, gold_list} objects");
        }
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode r : root) {
            n++;
            if (!r.path("retrieval_list").isArray() || !r.path("gold_list").isArray()) {
                throw new IllegalArgumentException("record " + n + " lacks retrieval_list or gold_list arrays");
            }
            List<String> retrieved = new ArrayList<>();
            for (JsonNode c : r.get("retrieval_list")) {
                retrieved.add(c.isTextual() ? c.asText() : c.path("text").asText(""));
            }
            List<String> facts = new ArrayList<>();
            for (JsonNode g : r.get("gold_list")) {
                facts.add(g.isTextual() ? g.asText() : g.path("fact").asText(""));
            }
            rows.add(new Row(r.path("query").asText(""), r.path("question_type").asText(""), retrieved, facts));
        }
        return rows;
    }

    /** The benchmark's four figures over the rows that are not null queries and have gold facts. */
    public static MultiHopMetrics.Summary score(List<Row> rows) {
        List<MultiHopMetrics.QueryScore> scores = new ArrayList<>();
        for (Row r : rows) {
            if (NULL_QUERY.equals(r.questionType()) || r.facts().isEmpty()) {
                continue;
            }
            scores.add(MultiHopMetrics.score(r.retrieved(), r.facts()));
        }
        return MultiHopMetrics.summarize(scores);
    }

    /** The summary as the benchmark prints it, four decimals: "Hits@10 0.7500\nHits@4 ...". */
    public static String format(MultiHopMetrics.Summary s) {
        return String.format(
                java.util.Locale.ROOT,
                "Hits@10 %.4f%nHits@4 %.4f%nMAP@10 %.4f%nMRR@10 %.4f%n",
                s.hits10(),
                s.hits4(),
                s.map10(),
                s.mrr10());
    }
}
