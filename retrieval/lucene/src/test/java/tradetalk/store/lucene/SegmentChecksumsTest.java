package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/** A write never builds on a segment whose bytes changed on disk; a segment verified once is not read again. */
class SegmentChecksumsTest {

    @TempDir
    Path dir;

    private ArticleIndex open() {
        return ArticleIndex.open(dir, new RandomEmbedder(16), new Chunker(50, 0), SearchSettings.defaults());
    }

    private static Article article(String id) {
        return Article.of(
                new ArticleMeta(
                        id,
                        "Title " + id,
                        "Wire",
                        LocalDate.of(2019, 11, 18),
                        "https://example.test/" + id,
                        "",
                        "",
                        ""),
                "Tariff talks on " + id + " resumed in Geneva on Monday. Negotiators met for hours.");
    }

    /** Inverts 16 bytes in the middle of the file, as a failing disk would. */
    private static void flip16Bytes(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = f.length() / 2;
            for (long i = middle; i < middle + 16; i++) {
                f.seek(i);
                int b = f.read();
                f.seek(i);
                f.write(b ^ 0xFF);
            }
        }
    }

    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(
                        p.getFileName().toString(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    @Test
    void given_flipped_bytes_in_a_segment_when_ingesting_then_it_refuses_as_damaged_and_writes_nothing()
            throws Exception {
        try (ArticleIndex index = open()) {
            index.ingest(List.of(article("a")));
        }
        flip16Bytes(dir.resolve("_0.cfs"));
        Map<String, String> before = snapshot(dir);

        try (ArticleIndex index = open()) {
            assertThatThrownBy(() -> index.ingest(List.of(article("b"))))
                    .isInstanceOf(DamagedIndexException.class)
                    .hasMessageStartingWith("index " + dir + " is damaged: file _0.cfs is corrupt (checksum failed")
                    .hasMessageContaining("Nothing was changed. Run `tradetalk check --index " + dir + "`")
                    .hasMessageNotContainingAny("checkindex", "CheckIndex");
        }
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void given_segments_verified_once_when_verifying_again_then_only_new_segments_are_read() throws Exception {
        try (ArticleIndex index = open()) {
            index.ingest(List.of(article("a")));
            index.ingest(List.of(article("b")));
        }
        SegmentChecksums checksums = new SegmentChecksums();
        try (Directory d = FSDirectory.open(dir)) {
            checksums.verify(d);
            List<String> first = checksums.filesRead();
            assertThat(first).contains("_0.cfs", "_0.si", "_1.cfs", "_1.si");

            checksums.verify(d);
            assertThat(checksums.filesRead()).isEqualTo(first);

            try (ArticleIndex index = open()) {
                index.ingest(List.of(article("c")));
            }
            checksums.verify(d);
            assertThat(checksums
                            .filesRead()
                            .subList(first.size(), checksums.filesRead().size()))
                    .isNotEmpty()
                    .allMatch(f -> f.startsWith("_2."));
        }
    }
}
