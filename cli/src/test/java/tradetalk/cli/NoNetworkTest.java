package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Runs with no network": the real CLI, loading the embedding model, opens no connection, even when the shell does
 * not set OPT_OUT_TRACKING (DJL calls the cloud metadata address 169.254.169.254 at start unless told not to).
 */
class NoNetworkTest {

    @TempDir
    Path tmp;

    @Test
    void given_no_opt_out_in_the_environment_when_ask_loads_the_model_then_no_connection_is_attempted()
            throws Exception {
        Path record = tmp.resolve("connections.txt");
        Path log = tmp.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RecordingSocketsMain.class.getName(),
                        record.toString(),
                        "ask",
                        "--index",
                        tmp.resolve("index").toString(),
                        "Where did Trump hope to sign the deal?")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("OPT_OUT_TRACKING");
        pb.environment().remove("DJL_OFFLINE");
        pb.environment().put("TRADETALK_INDEX_ARTICLES", CliRun.SEEDS.toString());
        Process child = pb.start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child finished").isTrue();

        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).as("the model was loaded and used").contains("Santiago");
        assertThat(Files.readString(record)).as("connections attempted").isEmpty();
    }
}
