package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tradetalk check` finds flipped bytes and says what to do; damage met by other commands is told the same way. */
class IndexCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path seededIndex() {
        Path index = tmp.resolve("index");
        assertThat(CliRun.run("ingest", "--index", index.toString(), CliRun.SEEDS.toString())
                        .exit())
                .isZero();
        return index;
    }

    /** Inverts a few bytes in the middle of the file, as a failing disk would. */
    private static void flipBytes(Path file) throws IOException {
        flipBytes(file, Files.size(file) / 2, 4);
    }

    /** Inverts {@code count} bytes from offset {@code at}. */
    private static void flipBytes(Path file, long at, int count) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (long i = at; i < at + count; i++) {
                f.seek(i);
                int b = f.read();
                f.seek(i);
                f.write(b ^ 0xFF);
            }
        }
    }

    private static Path file(Path index, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(index)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        }
    }

    /**
     * Where the passages' vectors (the {@code .vec} file) lie inside a segment's compound file: offset and length, read
     * from its entry table ({@code .cfe}: header, count, then name, offset and length of each entry).
     */
    private static long[] vectorData(Path index, String segment) throws IOException {
        try (Directory d = FSDirectory.open(index);
                IndexInput in = d.openInput(segment + ".cfe", IOContext.READONCE)) {
            CodecUtil.readIndexHeader(in);
            int entries = in.readVInt();
            for (int i = 0; i < entries; i++) {
                String name = in.readString();
                long offset = in.readLong();
                long length = in.readLong();
                if (name.endsWith(".vec")) {
                    return new long[] {offset, length};
                }
            }
        }
        throw new AssertionError(segment + " holds no vector data");
    }

    @Test
    void given_a_sound_index_when_checked_then_it_says_so_and_exits_zero() throws IOException {
        Path index = seededIndex();

        CliRun text = CliRun.run("check", "--index", index.toString());
        CliRun json = CliRun.run("check", "--json", "--index", index.toString());

        assertThat(text.exit()).isZero();
        // the seeds' passages and articles, then their sentence vectors, written after the passages are searchable
        assertThat(text.out())
                .startsWith("The index at " + index + " is sound: 2 segment(s), 16 documents, "
                        + "every checksum verified.");
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.get("status").asText()).isEqualTo("sound");
        assertThat(j.get("sound").asBoolean()).isTrue();
        assertThat(j.get("problems")).isEmpty();
    }

    @Test
    void given_bytes_flipped_inside_a_segment_file_when_checked_then_it_is_damaged_in_the_products_words()
            throws IOException {
        Path index = seededIndex();
        flipBytes(file(index, "_0.cfs"));
        Map<String, String> before = ReadOnlyIndexTest.snapshot(index);

        CliRun text = CliRun.run("check", "--index", index.toString());
        CliRun json = CliRun.run("check", "--json", "--index", index.toString());

        assertThat(text.exit()).isEqualTo(Cli.FAILED);
        assertThat(text.out())
                .startsWith("The index at " + index + " is damaged:\n  - segment _0 ")
                .contains("Nothing was changed. Restore " + index + " from a backup, or move it aside and ingest")
                .doesNotContainIgnoringCase("checkindex");
        assertThat(text.err()).isEmpty();
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.get("status").asText()).isEqualTo("damaged");
        assertThat(j.get("sound").asBoolean()).isFalse();
        assertThat(j.get("problems").get(0).asText()).contains("_0");
        assertThat(ReadOnlyIndexTest.snapshot(index)).isEqualTo(before);
    }

    @Test
    void given_16_bytes_flipped_inside_a_segment_when_ingesting_then_it_refuses_in_one_line_and_changes_nothing()
            throws IOException {
        Path index = seededIndex();
        long[] vectors = vectorData(index, "_0");
        flipBytes(index.resolve("_0.cfs"), vectors[0] + vectors[1] / 2, 16);
        Map<String, String> before = ReadOnlyIndexTest.snapshot(index);
        Path fresh = Files.writeString(tmp.resolve("new.txt"), " date 2019-11-26 A new article about tariffs.\n");

        CliRun r = CliRun.run("ingest", "--index", index.toString(), fresh.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        // the progress line ("indexing: 0/1") comes first; the damage is told in one line
        assertThat(r.err().lines().filter(l -> l.contains("damaged")))
                .singleElement()
                .asString()
                .startsWith("tradetalk: index " + index + " is damaged: file _0.cfs is corrupt (checksum failed")
                .contains("Nothing was changed. Run `tradetalk check --index " + index + "`")
                .doesNotContainIgnoringCase("checkindex");
        assertThat(ReadOnlyIndexTest.snapshot(index)).isEqualTo(before);
        assertThat(CliRun.run("health", "--index", index.toString()).out())
                .contains("segment checksums not verified (tradetalk check verifies them)");
    }

    @Test
    void given_a_corrupt_commit_point_when_listing_sources_then_the_damage_is_told_with_what_to_do()
            throws IOException {
        Path index = seededIndex();
        Path segments = file(index, "segments_");
        flipBytes(segments);
        Map<String, String> before = ReadOnlyIndexTest.snapshot(index);

        CliRun r = CliRun.run("sources", "--index", index.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip())
                .startsWith(
                        "tradetalk: index " + index + " is damaged: file " + segments.getFileName() + " is corrupt (")
                .contains("Run `tradetalk check --index " + index + "`")
                .doesNotContainIgnoringCase("checkindex");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(ReadOnlyIndexTest.snapshot(index)).isEqualTo(before);
        assertThat(CliRun.run("check", "--index", index.toString()).out()).contains("is damaged:");
    }

    @Test
    void given_no_index_yet_when_checked_then_there_is_nothing_to_check_and_nothing_is_created() {
        Path missing = tmp.resolve("none");

        CliRun r = CliRun.run("check", "--index", missing.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("There is no index at " + missing + " yet");
        assertThat(missing).doesNotExist();
    }
}
