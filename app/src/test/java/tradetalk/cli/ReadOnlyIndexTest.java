package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading commands never create, delete or change anything, whatever --index points at. */
class ReadOnlyIndexTest {

    @TempDir
    Path tmp;

    /** Every file under {@code dir} with the SHA-256 of its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path seededIndex() {
        Path index = tmp.resolve("index");
        assertThat(CliRun.run("ingest", "--index", index.toString(), CliRun.SEEDS.toString())
                        .exit())
                .isZero();
        return index;
    }

    @Test
    void given_a_directory_of_user_files_when_listing_sources_then_it_is_refused_and_every_file_survives()
            throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("_notes.md"), "# my notes\n");
        Files.writeString(notes.resolve("_index.md"), "# index of my notes\n");
        Files.writeString(notes.resolve("todo.txt"), "call Liu He\n");
        Map<String, String> before = snapshot(notes);

        CliRun r = CliRun.run("sources", "--index", notes.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip())
                .startsWith("tradetalk: " + notes + " is not a Tradetalk index and not empty")
                .contains("_index.md")
                .contains("nothing was changed")
                .doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(snapshot(notes)).isEqualTo(before);
    }

    @Test
    void given_an_index_that_lost_its_commit_point_when_listing_sources_then_it_is_reported_damaged_and_left_alone()
            throws IOException {
        Path index = seededIndex();
        try (Stream<Path> s = Files.list(index)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.delete(p);
            }
        }
        Map<String, String> before = snapshot(index);
        assertThat(before.keySet()).anyMatch(n -> n.endsWith(".si"));

        CliRun r = CliRun.run("sources", "--index", index.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).doesNotContain("No articles indexed");
        assertThat(r.err().strip())
                .startsWith("tradetalk: index " + index + " is damaged: its commit point")
                .contains("Nothing was changed")
                .contains("tradetalk check --index " + index)
                .contains("restore the directory from a backup");
        assertThat(snapshot(index)).isEqualTo(before);
    }

    @Test
    void given_an_existing_index_when_every_reading_command_runs_then_no_file_is_created_deleted_or_changed()
            throws IOException {
        Path index = seededIndex();
        Map<String, String> before = snapshot(index);
        String dir = index.toString();

        assertThat(CliRun.run("sources", "--index", dir).out()).contains("3 article(s).");
        assertThat(CliRun.run("ask", "--index", dir, "Where did Trump hope to sign the deal?")
                        .out())
                .contains("Santiago");
        assertThat(CliRun.run("status", "--index", dir).exit()).isZero();
        assertThat(CliRun.run("summary", "--index", dir, "--topic", "phase one deal")
                        .exit())
                .isZero();
        assertThat(CliRun.run(
                                "eval",
                                "--index",
                                dir,
                                "--no-answers",
                                "--queries",
                                Path.of("../cli/src/test/resources/eval/seeds-dev.jsonl")
                                        .toString())
                        .exit())
                .isZero();
        assertThat(CliRun.run("ingest", "--index", dir, CliRun.SEEDS.toString()).out())
                .contains("0 new");

        assertThat(snapshot(index)).isEqualTo(before);
    }

    @Test
    void given_a_missing_directory_when_listing_sources_then_it_says_so_and_nothing_is_created() {
        Path missing = tmp.resolve("not-yet");

        CliRun r = CliRun.run("sources", "--index", missing.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED); // a wrong --index is a mistake, not an empty list
        assertThat(r.err()).startsWith("tradetalk: there is no index at " + missing);
        assertThat(r.out()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void given_an_empty_index_path_when_listing_sources_then_it_is_refused_and_the_working_directory_untouched() {
        CliRun r = CliRun.run("sources", "--index", "");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip()).isEqualTo("tradetalk: --index is empty; give the index directory");
        assertThat(Path.of("write.lock")).doesNotExist();
        assertThat(Path.of("segments_1")).doesNotExist();
    }

    @Test
    void given_a_regular_file_as_index_when_listing_sources_then_a_clear_message_and_the_file_is_unchanged()
            throws IOException {
        Path file = Files.writeString(tmp.resolve("index.txt"), "not an index\n");

        CliRun r = CliRun.run("sources", "--index", file.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip())
                .isEqualTo("tradetalk: index " + file
                        + " is a file, not a directory; give a new or empty directory, or an existing index");
        assertThat(Files.readString(file)).isEqualTo("not an index\n");
    }
}
