package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every question of the seed development set, answered through the CLI as that file says. */
class SeedQuestionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void ingest() {
        CliRun r = CliRun.run("ingest", "--index", tmp.resolve("index").toString(), CliRun.SEEDS.toString());
        assertThat(r.exit()).isZero();
    }

    static Stream<JsonNode> questions() throws IOException {
        try (InputStream in = SeedQuestionsTest.class.getResourceAsStream("/eval/seeds-dev.jsonl")) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void answered_as_the_development_set_says(JsonNode q) throws IOException {
        CliRun r = CliRun.run(
                "ask",
                "--json",
                "--index",
                tmp.resolve("index").toString(),
                q.get("query").asText());
        assertThat(r.exit()).isZero();
        JsonNode a = JSON.readTree(r.out());

        if ("no-answer".equals(q.path("expect").asText())) {
            assertThat(a.get("abstained").asBoolean()).as("abstains").isTrue();
            assertThat(a.get("citations")).isEmpty();
            assertThat(a.get("nearest")).isNotEmpty();
            return;
        }
        assertThat(a.get("abstained").asBoolean()).as("answers").isFalse();
        String answer = a.get("answer").asText().toLowerCase(Locale.ROOT);
        List<String> mentions = new ArrayList<>();
        q.get("answer_mentions_any").forEach(m -> mentions.add(m.asText().toLowerCase(Locale.ROOT)));
        assertThat(mentions)
                .as("answer <%s> mentions one of %s", answer, mentions)
                .anyMatch(answer::contains);

        List<String> expectedFiles = new ArrayList<>();
        q.get("sources").forEach(s -> expectedFiles.add(s.asText()));
        List<String> cited = new ArrayList<>();
        a.get("citations")
                .forEach(c ->
                        cited.add(Path.of(c.get("path").asText()).getFileName().toString()));
        assertThat(cited).as("cites one of %s", expectedFiles).containsAnyElementsOf(expectedFiles);
        // every [n] in the answer has a citation, and every citation is used
        for (JsonNode c : a.get("citations")) {
            assertThat(answer).contains("[" + c.get("n").asInt() + "]");
        }
        assertThat(answer.replaceAll("\\[(\\d+)]", "").contains("[")).isFalse();
    }

    @Test
    void a_follow_up_with_history_is_answered_as_its_earlier_question_and_it_read_together() throws IOException {
        String earlier = "Who did Liu He speak with on the phone about the phase one deal?";
        String followUp = "Who asked for it?";
        String index = tmp.resolve("index").toString();

        JsonNode asked = answer("ask", "--json", "--index", index, "--history", earlier, followUp);
        JsonNode together = answer("ask", "--json", "--index", index, earlier + " " + followUp);
        JsonNode alone = answer("ask", "--json", "--index", index, followUp);

        // the follow-up alone is read differently, so the history is what makes the two alike
        assertThat(alone.get("answer")).as(together.toString()).isNotEqualTo(together.get("answer"));
        assertThat(asked.get("answer")).isEqualTo(together.get("answer"));
        assertThat(asked.get("citations")).isEqualTo(together.get("citations"));
        assertThat(asked.get("question").asText()).isEqualTo(followUp);
    }

    private static JsonNode answer(String... args) throws IOException {
        CliRun r = CliRun.run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }
}
