package tradetalk.opensearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tradetalk opensearch-local start|stop DIR}: a detached cluster, its URL line, and one-line errors. */
class OpenSearchLocalCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return OpenSearchLocalCli.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void given_an_empty_dir_when_started_then_the_last_stdout_line_is_a_green_clusters_url_and_stop_leaves_no_process()
            throws Exception {
        Path home = dir.resolve("os");
        try {
            assertThat(run("start", home.toString(), "--nodes", "1"))
                    .as(stderr())
                    .isZero();
            List<String> lines = stdout().lines().toList();
            URI url = URI.create(lines.get(lines.size() - 1));
            long pid = Long.parseLong(Files.readString(home.resolve(LocalOpenSearchCluster.PID_FILE))
                    .strip());
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(url.resolve("/_cluster/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(health.body()).contains("\"status\":\"green\"").contains("\"number_of_nodes\":1");

            assertThat(run("start", home.toString())).isEqualTo(1);
            assertThat(stderr().strip())
                    .isEqualTo("opensearch-local: a cluster is already running in " + home + " (pid " + pid + ")");

            assertThat(run("stop", home.toString())).as(stderr()).isZero();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
            assertThat(home.resolve(LocalOpenSearchCluster.PID_FILE)).doesNotExist();
            assertThat(home.resolve(LocalOpenSearchCluster.READY_FILE)).doesNotExist();

            assertThat(run("stop", home.toString())).isEqualTo(1);
            assertThat(stderr().strip()).isEqualTo("opensearch-local: no cluster is running in " + home);
        } finally {
            LocalOpenSearchCluster.running(home).ifPresent(p -> LocalOpenSearchCluster.stop(home));
        }
    }

    @Test
    void given_a_dir_with_other_files_when_started_then_one_line_error_and_nothing_written() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThat(run("start", dir.toString())).isEqualTo(1);

        assertThat(stderr().strip())
                .isEqualTo("opensearch-local: " + dir + " is not empty and not an opensearch-local cluster directory"
                        + " (no opensearch-local.properties)");
        assertThat(stdout()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
    }

    @Test
    void given_a_dir_that_is_not_a_cluster_dir_when_stopped_then_one_line_error() {
        assertThat(run("stop", dir.toString())).isEqualTo(1);

        assertThat(stderr().strip())
                .isEqualTo("opensearch-local: " + dir
                        + " is not an opensearch-local cluster directory (no opensearch-local.properties)");
    }

    @Test
    void given_a_heap_that_is_not_a_size_when_started_then_one_line_error_and_nothing_written() throws Exception {
        Path home = dir.resolve("os");

        assertThat(run("start", home.toString(), "--heap", "lots")).isEqualTo(1);

        assertThat(stderr().strip())
                .isEqualTo("opensearch-local: the heap must be a size like 2g or 1536m, not 'lots'");
        assertThat(stdout()).isEmpty();
        assertThat(home).doesNotExist();
    }

    @Test
    void given_a_heap_when_the_nodes_jvm_command_is_built_then_it_has_that_heap_and_the_vector_module() {
        NodeFiles files = NodeFiles.fromBuild();

        List<String> command = LocalOpenSearchCluster.command(
                files, dir, 3, "c", LocalOpenSearchCluster.Mode.ATTACHED, LocalOpenSearchCluster.checkedHeap("2G"));

        assertThat(command).contains("-Xms2g", "-Xmx2g").containsSubsequence("--add-modules", "jdk.incubator.vector");
        assertThat(LocalOpenSearchCluster.defaultHeap(3)).isEqualTo("1g");
    }
}
