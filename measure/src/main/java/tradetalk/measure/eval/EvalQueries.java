package tradetalk.measure.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tradetalk.answer.UserError;
import tradetalk.ingest.parse.Dates;
import tradetalk.ingest.parse.MalformedArticleException;
import tradetalk.measure.metrics.RetrievalOutput;

/**
 * Reads evaluation questions from a JSON array or a JSON Lines file. Each record is either MultiHop-RAG's
 * ({@code query, answer, question_type, evidence_list[{title, url, fact, ...}]}) or the seeds-dev format
 * ({@code query, answer_mentions_any, sources} or {@code expect: "no-answer"}); both may carry
 * {@code question_date} or {@code as_of}, and {@code history}: the earlier questions of a conversation, oldest
 * first, when the question is a follow-up.
 */
public final class EvalQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalQueries() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Reads a queries file.
     *
     * @throws UserError naming the file and record when it cannot be read
     */
    public static List<EvalQuery> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read queries file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a queries file; {@code name} is used in error messages. */
    public static List<EvalQuery> parse(String text, String name) {
        List<JsonNode> records = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try {
                JSON.readTree(trimmed).forEach(records::add);
            } catch (JsonProcessingException e) {
                throw new UserError(name + ": broken JSON: " + e.getOriginalMessage());
            }
        } else {
            String[] lines = text.split("\\r?\\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readTree(lines[i]));
                } catch (JsonProcessingException e) {
                    throw new UserError(name + " line " + (i + 1) + ": broken JSON: " + e.getOriginalMessage());
                }
            }
        }
        List<EvalQuery> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            out.add(toQuery(records.get(i), name + " record " + (i + 1)));
        }
        if (out.isEmpty()) {
            throw new UserError(name + ": no queries");
        }
        return out;
    }

    private static EvalQuery toQuery(JsonNode r, String where) {
        if (!r.isObject()) {
            throw new UserError(where + " is not a JSON object");
        }
        String query = r.path("query").asText("").strip();
        if (query.isEmpty()) {
            throw new UserError(where + " has no 'query'");
        }
        String type = r.path("question_type").asText("");
        boolean noAnswer = RetrievalOutput.NULL_QUERY.equals(type)
                || "no-answer".equals(r.path("expect").asText(""));
        if (type.isEmpty() && noAnswer) {
            type = RetrievalOutput.NULL_QUERY;
        }
        List<EvalQuery.Evidence> evidence = new ArrayList<>();
        for (JsonNode e : r.path("evidence_list")) {
            evidence.add(new EvalQuery.Evidence(
                    e.path("title").asText(""),
                    e.path("url").asText(""),
                    "",
                    e.path("fact").asText("")));
        }
        for (JsonNode s : r.path("sources")) {
            evidence.add(new EvalQuery.Evidence("", "", s.asText(""), ""));
        }
        List<String> mentions = new ArrayList<>();
        for (JsonNode m : r.path("answer_mentions_any")) {
            mentions.add(m.asText(""));
        }
        String dateText = r.hasNonNull("question_date")
                ? r.get("question_date").asText()
                : r.path("as_of").asText("");
        LocalDate asOf = null;
        if (!dateText.isBlank()) {
            try {
                asOf = Dates.parse(dateText);
            } catch (MalformedArticleException e) {
                throw new UserError(where + ": question_date/as_of: " + e.reason());
            }
        }
        String answer = r.path("answer").isTextual() ? r.get("answer").asText() : "";
        List<String> history = new ArrayList<>();
        JsonNode h = r.path("history");
        if (!h.isMissingNode() && !h.isNull() && !h.isArray()) {
            throw new UserError(where + ": 'history' must be a list of earlier questions, oldest first");
        }
        for (JsonNode e : h) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new UserError(where + ": 'history' holds a blank or non-text entry");
            }
            history.add(e.asText().strip());
        }
        return new EvalQuery(query, answer, mentions, type, evidence, noAnswer, asOf, history);
    }
}
