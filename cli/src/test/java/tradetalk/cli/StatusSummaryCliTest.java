package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradetalk status} and {@code tradetalk summary} run in-process on a temp index of the seed articles. */
class StatusSummaryCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path index;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Path seeds() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("data/articles"))) {
                return p.resolve("data/articles");
            }
        }
        throw new IllegalStateException("data/articles not found");
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--index", index.toString()));
        int code = Cli.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("TRADETALK_INDEX_ARTICLES", seeds().toString()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("status --json gives status text, dated items newest first with citations, and ask-shaped citations")
    void should_print_status_json() throws Exception {
        Run r = run("status", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("topic").asText()).isEqualTo("US–China trade talks");
        assertThat(j.path("status").asText()).contains("[1]");
        assertThat(j.path("empty").asBoolean()).isFalse();
        assertThat(j.path("items").findValuesAsText("date")).containsExactly("2019-11-26", "2019-11-18", "2019-10-25");
        for (JsonNode item : j.path("items")) {
            assertThat(item.path("text").asText()).matches(".*\\[\\d+]$");
            assertThat(item.path("citations")).isNotEmpty();
        }
        JsonNode c = j.path("citations").get(0);
        assertThat(iterable(c.fieldNames()))
                .containsExactly("n", "article_id", "title", "source", "published_at", "url", "path", "passage");
        assertThat(j.path("backend").asText()).isEqualTo("offline");
        // the window: status.window-days (60) back from the newest article on the topic
        assertThat(j.path("reaches_back").asText()).isEqualTo("2019-09-27");
    }

    @Test
    @DisplayName("status text shows the headline, the timeline and the sources")
    void should_print_status_text() {
        Run r = run("status", "--since", "2019-11-01");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("Status of US–China trade talks:")
                .contains("Timeline (newest first, reaching back to 2019-11-01)")
                .contains("):\n  2019-11-26  ")
                .contains("\n  2019-11-18  ")
                .doesNotContain("2019-10-25  ")
                .contains("Sources:\n  [1] ");
    }

    @Test
    @DisplayName("a topic with no coverage says so, with empty=true")
    void should_say_nothing_indexed_for_uncovered_topic() throws Exception {
        Run r = run("status", "--topic", "Brexit negotiations", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().path("empty").asBoolean()).isTrue();
        assertThat(r.json().path("status").asText()).isEqualTo("Nothing indexed on Brexit negotiations.");
        assertThat(r.json().path("citations")).isEmpty();
        assertThat(r.json().has("reaches_back")).isTrue();
        assertThat(r.json().path("reaches_back").isNull()).isTrue();
    }

    @Test
    @DisplayName("summary --article by title part gives a cited summary of that article")
    void should_summarise_article_by_title_part() throws Exception {
        Run r = run("summary", "--article", "final throes", "--length", "long", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("summary").asText()).contains("final throes").contains("[1]");
        assertThat(j.path("citations")).hasSize(1);
        assertThat(j.path("citations").get(0).path("published_at").asText()).isEqualTo("2019-11-26");
        assertThat(j.path("empty").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("summary --topic within dates cites only articles in the range")
    void should_summarise_topic_within_dates() throws Exception {
        Run r = run(
                "summary",
                "--topic",
                "US–China trade talks",
                "--since",
                "2019-11-01",
                "--until",
                "2019-11-30",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().path("citations").findValuesAsText("published_at"))
                .isNotEmpty()
                .allMatch(d -> d.startsWith("2019-11"));
    }

    @Test
    @DisplayName("an ambiguous article reference fails with the candidates and no stack trace")
    void should_list_candidates_for_ambiguous_article() {
        Run r = run("summary", "--article", "trade");

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("'trade' matches 3 articles").doesNotContain("Exception");
    }

    @Test
    @DisplayName("summary --article naming nothing indexed fails with one line saying how to find the articles")
    void should_fail_when_the_article_is_not_indexed() throws Exception {
        Run text = run("summary", "--article", "no such thing");

        assertThat(text.code()).isEqualTo(Cli.FAILED);
        assertThat(text.err().strip())
                .isEqualTo("tradetalk: Nothing indexed matches the article 'no such thing'. "
                        + "`tradetalk sources --query WORDS` lists the articles.");

        Run json = run("summary", "--article", "no such thing", "--json");
        assertThat(json.code()).isEqualTo(Cli.FAILED);
        assertThat(json.json().path("empty").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("bad dates, lengths and option combinations fail with a clear message")
    void should_refuse_bad_input_clearly() {
        Run badDate = run("status", "--since", "2019-02-30");
        assertThat(badDate.code()).isNotZero();
        assertThat(badDate.err()).contains("'2019-02-30' is not a date; use YYYY-MM-DD");

        Run both = run("summary", "--article", "x", "--topic", "y");
        assertThat(both.code()).isEqualTo(Cli.FAILED);
        assertThat(both.err()).contains("give an article or a topic, not both");

        Run none = run("summary");
        assertThat(none.err()).contains("say what to summarise");

        Run length = run("summary", "--topic", "tariffs", "--length", "medium");
        assertThat(length.err()).contains("--length must be short or long, got 'medium'");

        Run order = run("summary", "--since", "2019-12-01", "--until", "2019-11-01");
        assertThat(order.code()).isEqualTo(Cli.FAILED);
        assertThat(order.err()).contains("since (2019-12-01) is after until (2019-11-01)");

        Run window = run("status", "--window", "0");
        assertThat(window.err()).contains("window must be 1 to 3650 days, got 0");
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
