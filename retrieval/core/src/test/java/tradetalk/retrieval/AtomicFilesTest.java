package tradetalk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void given_many_writers_at_once_then_every_replace_succeeds_and_the_file_is_one_whole_write() throws Exception {
        Path file = dir.resolve("sub").resolve("state.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String body = ("writer " + w + ";").repeat(2000);
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        AtomicFiles.replace(file, out -> out.write(body.getBytes(StandardCharsets.UTF_8)));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String text = Files.readString(file);
        assertThat(text).matches("(writer \\d;){2000}");
        assertThat(text.substring(0, 9).repeat(2000)).isEqualTo(text);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void given_a_failing_writer_then_the_old_file_stays_and_no_temporary_is_left() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "old");
        try {
            AtomicFiles.replace(file, out -> {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
