package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        j.get("skipped").forEach(x -> skipped.add(Path.of(x.get("source").asText()).getFileName() + ": "
                + x.get("reason").asText()));
        assertThat(skipped).containsExactlyInAnyOrder(
                "article.TXT.bak: unsupported file type (expected one of .htm, .html, .json, .jsonl, .markdown, .md, "
                        + ".ndjson, .txt)",
                "loop: symbolic link loop (a directory that contains itself); not followed",
                "report.pdf: unsupported file type (expected one of .htm, .html, .json, .jsonl, .markdown, .md, "
                        + ".ndjson, .txt)");
        assertThat(r.err()).contains("tradetalk: 3 file(s) in the directories are not articles and were skipped: ");
    }
}
