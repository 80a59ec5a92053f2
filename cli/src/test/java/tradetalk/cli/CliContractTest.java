package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line is a contract other tools rely on: fields, exit codes and error messages. */
class CliContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String index() {
        return tmp.resolve("index").toString();
    }

    @Test
    void given_an_empty_index_when_asking_with_json_then_it_ingests_the_seeds_and_prints_the_documented_object()
            throws IOException {
        CliRun r = CliRun.run(
                "ask", "--json", "--index", index(), "Where", "did", "Trump", "hope", "to", "sign", "the", "first",
                "phase", "of", "the", "deal?");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("the index was empty; ingested 3 articles from " + CliRun.SEEDS);
        assertThat(r.out().lines().count()).isEqualTo(1);
        JsonNode a = JSON.readTree(r.out());
        assertThat(iterableFieldNames(a))
                .containsExactly(
                        "question",
                        "answer",
                        "abstained",
                        "backend",
                        "fallback",
                        "citations",
                        "nearest",
                        "usage",
                        "timings_ms",
                        "as_of",
                        "sentences");
        assertThat(a.get("sentences")).isEmpty(); // the offline composer quotes: nothing to check
        assertThat(a.get("question").asText()).isEqualTo("Where did Trump hope to sign the first phase of the deal?");
        assertThat(a.get("abstained").asBoolean()).isFalse();
        assertThat(a.get("backend").asText()).isEqualTo("offline");
        assertThat(a.get("fallback").isNull()).isTrue();
        assertThat(a.get("usage").isNull()).isTrue();
        assertThat(a.get("answer").asText()).contains("Santiago").contains("[1]");
        JsonNode c = a.get("citations").get(0);
        assertThat(iterableFieldNames(c))
                .containsExactly("n", "article_id", "title", "source", "published_at", "url", "path", "passage");
        assertThat(c.get("n").asInt()).isEqualTo(1);
        assertThat(c.get("published_at").asText()).isEqualTo("2019-10-25");
        assertThat(c.get("path").asText()).endsWith("001_094b3742853613a8.txt");
        assertThat(iterableFieldNames(a.get("timings_ms"))).containsExactly("retrieve", "compose", "total");
    }

    @Test
    void given_questions_on_stdin_when_asking_with_json_then_each_gets_one_line() throws IOException {
        CliRun.run("ingest", "--index", index(), CliRun.SEEDS.toString());

        CliRun r = CliRun.run(
                Map.of(),
                "Who asked for the Saturday phone call?\n\n"
                        + "What did the European Commission decide about steel quotas?\n",
                "ask",
                "--json",
                "--index",
                index());

        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("abstained").asBoolean()).isFalse();
        JsonNode no = JSON.readTree(lines.get(1));
        assertThat(no.get("abstained").asBoolean()).isTrue();
        assertThat(no.get("citations")).isEmpty();
        assertThat(no.get("nearest")).isNotEmpty();
    }

    @Test
    void given_an_as_of_date_when_asking_then_later_articles_are_left_out_and_the_json_names_the_date()
            throws IOException {
        CliRun.run("ingest", "--index", index(), CliRun.SEEDS.toString());
        String q = "What did Trump say about Hong Kong?";

        JsonNode now =
                JSON.readTree(CliRun.run("ask", "--json", "--index", index(), q).out());
        JsonNode then = JSON.readTree(CliRun.run("ask", "--json", "--index", index(), "--as-of", "2019-11-20", q)
                .out());

        assertThat(dates(now)).contains("2019-11-26");
        assertThat(LocalDate.parse(now.get("as_of").asText()))
                .isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1)); // today
        assertThat(then.get("as_of").asText()).isEqualTo("2019-11-20");
        assertThat(dates(then)).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo("2019-11-20"));
    }

    @Test
    void given_a_bad_as_of_date_when_asking_then_one_line_says_how_to_write_it() {
        CliRun r = CliRun.run("ask", "--index", index(), "--as-of", "2019-02-30", "What did Trump say?");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .contains("'2019-02-30' is not a date; use YYYY-MM-DD")
                .doesNotContain("\tat ")
                .doesNotContain("Usage:")
                .doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    /** The publication dates of an answer's citations and nearest sources. */
    private static List<String> dates(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("citations").forEach(c -> out.add(c.get("published_at").asText()));
        answer.get("nearest").forEach(c -> out.add(c.get("published_at").asText()));
        return out;
    }

    @Test
    void given_a_question_when_asking_as_text_then_sources_follow_the_answer() {
        CliRun r = CliRun.run("ask", "--index", index(), "What did Trump say about Hong Kong?");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("[1]").contains("\nSources:\n  [1] ").contains("2019-11-26");
    }

    @Test
    void given_good_and_bad_files_when_ingesting_then_the_good_go_in_and_each_bad_one_is_reported() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(CliRun.SEEDS.resolve("001_094b3742853613a8.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("empty.md"), "");
        Files.writeString(in.resolve("broken.json"), "[{\"title\": \"x\", ");
        Files.writeString(in.resolve("baddate.md"), "---\ntitle: T\ndate: 2019-02-30\n---\nSome text here.\n");

        CliRun r = CliRun.run("ingest", "--json", "--index", index(), in.toString());

        assertThat(r.exit()).isEqualTo(Cli.PARTIAL);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("added").asInt()).isEqualTo(1);
        assertThat(j.get("articles_in_index").asInt()).isEqualTo(1);
        List<String> rejected = new ArrayList<>();
        j.get("rejected")
                .forEach(x -> rejected.add(
                        x.get("source").asText() + ": " + x.get("reason").asText()));
        assertThat(rejected).hasSize(3);
        assertThat(rejected).anySatisfy(x -> assertThat(x).contains("empty.md").contains("empty"));
        assertThat(rejected)
                .anySatisfy(x -> assertThat(x).contains("broken.json").contains("JSON"));
        assertThat(rejected)
                .anySatisfy(x -> assertThat(x).contains("baddate.md").contains("impossible date"));

        CliRun text = CliRun.run("ingest", "--index", index(), in.toString());
        assertThat(text.exit()).isEqualTo(Cli.PARTIAL);
        assertThat(text.err())
                .contains("tradetalk: rejected ")
                .contains("baddate.md")
                .doesNotContain("skipped");
        assertThat(text.out()).contains("Rejected 3 input(s)");
        assertThat(text.out()).contains("Ingested 0 new and 0 changed articles (1 unchanged");
    }

    @Test
    void given_clean_input_when_ingesting_then_the_exit_code_is_zero() {
        CliRun r = CliRun.run("ingest", "--index", index(), CliRun.SEEDS.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Ingested 3 new");
    }

    @Test
    void given_an_index_when_listing_sources_as_json_then_articles_come_newest_first() throws IOException {
        CliRun.run("ingest", "--index", index(), CliRun.SEEDS.toString());

        CliRun r = CliRun.run("sources", "--json", "--index", index());

        assertThat(r.exit()).isZero();
        JsonNode list = JSON.readTree(r.out());
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("published_at").asText()).isEqualTo("2019-11-26");
        assertThat(list.get(1).get("source").asText()).isEqualTo("Bloomberg");
        assertThat(list.get(1).get("also_in").isArray()).isTrue();
    }

    @Test
    void given_a_bad_config_value_when_running_then_one_line_names_the_key_and_the_exit_code_is_one() {
        CliRun r = CliRun.run(Map.of("TRADETALK_MODEL_TIMEOUT", "soon"), "", "ask", "--index", index(), "hi");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip())
                .startsWith("tradetalk: bad value for config key model.timeout")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void given_an_unknown_option_when_running_then_one_line_names_it_and_the_help_with_exit_code_two() {
        CliRun r = CliRun.run("ask", "--nope", "question");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .startsWith("tradetalk: Unknown option: '--nope'")
                .endsWith("(see 'tradetalk ask --help')")
                .doesNotContain("Usage:")
                .doesNotContain("\n");
    }

    @Test
    void given_a_mistyped_command_when_running_then_one_line_suggests_the_command_meant() {
        CliRun r = CliRun.run("aks", "Who called whom?");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .contains("'aks'")
                .contains("did you mean 'ask'?")
                .doesNotContain("Usage:")
                .doesNotContain("\n");
    }

    @Test
    void given_a_mistyped_option_when_running_then_the_option_meant_is_suggested() {
        CliRun r = CliRun.run("sources", "--jsno");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("'--jsno'").contains("did you mean '--json'?");
    }

    @Test
    void given_missing_files_when_ingesting_then_they_are_reported_not_thrown() {
        CliRun r =
                CliRun.run("ingest", "--index", index(), tmp.resolve("nope.txt").toString());

        assertThat(r.exit()).isEqualTo(Cli.PARTIAL);
        assertThat(r.err()).contains("nope.txt").contains("no such file");
    }

    private static List<String> iterableFieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
