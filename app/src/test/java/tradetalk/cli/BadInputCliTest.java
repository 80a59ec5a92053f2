package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input at the command line: reported in one line, and nothing else lost (issue 10). */
class BadInputCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String index() {
        return tmp.resolve("index").toString();
    }

    @Test
    void given_a_directory_with_other_files_and_links_when_ingesting_as_json_then_skipped_lists_them_and_stderr_counts()
            throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(CliRun.SEEDS.resolve("001_094b3742853613a8.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("report.pdf"), "%PDF-1.4");
        Files.writeString(in.resolve("article.TXT.bak"), " date 2019-11-18 Backup.\n");
        Files.createSymbolicLink(in.resolve("linked.txt"), CliRun.SEEDS.resolve("000_75e7d6d2605e1b51.txt"));
        Files.createSymbolicLink(in.resolve("loop"), in);

        CliRun r = CliRun.run("ingest", "--json", "--index", index(), in.toString());

        assertThat(r.exit()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("added").asInt()).isEqualTo(2);
        assertThat(j.get("rejected")).isEmpty();
        List<String> skipped = new ArrayList<>();
        j.get("skipped")
                .forEach(x -> skipped.add(Path.of(x.get("source").asText()).getFileName() + ": "
                        + x.get("reason").asText()));
        assertThat(skipped)
                .containsExactlyInAnyOrder(
                        "article.TXT.bak: unsupported file type (expected one of .htm, .html, .json, .jsonl, .markdown, .md, "
                                + ".ndjson, .txt)",
                        "loop: symbolic link loop (a directory that contains itself); not followed",
                        "report.pdf: unsupported file type (expected one of .htm, .html, .json, .jsonl, .markdown, .md, "
                                + ".ndjson, .txt)");
        assertThat(r.err())
                .contains("tradetalk: 3 input(s) are not articles and were skipped (")
                .contains("report.pdf")
                .contains("; reasons in \"skipped\")");
    }

    @Test
    void given_a_byte_identical_copy_under_another_name_when_ingesting_then_it_is_recorded_not_indexed_twice()
            throws IOException {
        Path in = Files.createDirectories(tmp.resolve("copies"));
        Files.copy(CliRun.SEEDS.resolve("001_094b3742853613a8.txt"), in.resolve("a.txt"));
        Files.copy(CliRun.SEEDS.resolve("001_094b3742853613a8.txt"), in.resolve("b-copy.txt"));

        CliRun first = CliRun.run("ingest", "--json", "--index", index(), in.toString());
        CliRun again = CliRun.run("ingest", "--json", "--index", index(), in.toString());
        CliRun sources = CliRun.run("sources", "--json", "--index", index());

        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode j = JSON.readTree(first.out());
        assertThat(j.get("added").asInt()).isEqualTo(1);
        assertThat(j.get("articles_in_index").asInt()).isEqualTo(1);
        assertThat(j.get("skipped"))
                .singleElement()
                .satisfies(s -> assertThat(s.get("reason").asText())
                        .startsWith("same story as the indexed article ")
                        .endsWith("; recorded there as also_in"));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(JSON.readTree(again.out()).get("added").asInt()).isZero();
        assertThat(JSON.readTree(again.out()).get("articles_in_index").asInt()).isEqualTo(1);
        JsonNode listed = JSON.readTree(sources.out());
        assertThat(listed).hasSize(1);
        String copy = Path.of(j.get("skipped").get(0).get("source").asText())
                .getFileName()
                .toString();
        assertThat(listed.get(0).get("also_in").toString()).contains(copy);
    }

    @Test
    void given_two_copies_of_a_story_in_one_ingest_when_ingesting_then_the_first_published_is_the_one_kept()
            throws IOException {
        String body = "Negotiators from the United States and China agreed to extend their tariff truce by ninety "
                + "days, officials in both capitals said after two days of talks in Geneva. The extension keeps the "
                + "lower tariff rates in place while the two sides work on a broader agreement on farm purchases.";
        Path file = tmp.resolve("quiz.json");
        Files.writeString(
                file,
                JSON.writeValueAsString(List.of(
                        Map.of(
                                "title",
                                "Truce",
                                "source",
                                "Wire",
                                "published_at",
                                "2021-03-02",
                                "url",
                                "https://example.com/2021/truce",
                                "body",
                                body),
                        Map.of(
                                "title",
                                "Truce",
                                "source",
                                "Wire",
                                "published_at",
                                "2020-03-02",
                                "url",
                                "https://example.com/2020/truce",
                                "body",
                                body))));

        CliRun r = CliRun.run("ingest", "--json", "--index", index(), file.toString());
        JsonNode listed = JSON.readTree(
                CliRun.run("sources", "--json", "--index", index()).out());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("published_at").asText()).isEqualTo("2020-03-02");
        assertThat(listed.get(0).get("also_in").toString()).contains("https://example.com/2021/truce");
    }

    private static void assertOneLineError(CliRun r, String message) {
        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip()).isEqualTo("tradetalk: " + message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void given_a_binary_file_when_scored_then_one_line_says_it_is_not_text() throws IOException {
        Path bin = Files.write(tmp.resolve("run.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});

        CliRun r = CliRun.run("eval", "--score-only", bin.toString());

        assertOneLineError(
                r, bin + ": not UTF-8 text (a binary file?); expected the JSON array a retrieval run " + "writes");
    }

    @Test
    void given_since_and_window_when_asking_for_status_then_they_are_refused_as_contradictory() {
        CliRun r = CliRun.run("status", "--index", index(), "--since", "2019-11-01", "--window", "30");

        assertOneLineError(
                r,
                "give --since or --window, not both: --since DATE covers everything from DATE, "
                        + "--window DAYS the days back from the newest article");
    }

    @Test
    void given_the_relative_path_sources_prints_when_summarising_that_article_then_it_is_found() {
        CliRun.run("ingest", "--index", index(), CliRun.SEEDS.toString());
        // stored absolute; sources prints a file under the working directory relative to it (tests run in bot/)
        Path relative = Path.of("").toAbsolutePath().relativize(CliRun.SEEDS.resolve("002_a3e20f71e49fec1f.txt"));
        assertThat(relative.toString()).startsWith("../data/articles/");

        CliRun r = CliRun.run("summary", "--index", index(), "--json", "--article", relative.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"empty\":false").contains("final throes");
    }

    @Test
    void given_an_articles_directory_that_does_not_exist_when_asking_on_an_empty_index_then_one_line_names_the_key() {
        Path missing = tmp.resolve("no-such-articles");

        CliRun r = CliRun.run(
                java.util.Map.of("TRADETALK_INDEX_ARTICLES", missing.toString()),
                "",
                "ask",
                "--index",
                index(),
                "What did China pledge?");

        assertOneLineError(
                r,
                "the index " + index() + " is empty and index.articles (" + missing + ") does not exist:"
                        + " set index.articles (TRADETALK_INDEX_ARTICLES) to a directory of articles, or run tradetalk "
                        + "ingest PATH");
    }
}
