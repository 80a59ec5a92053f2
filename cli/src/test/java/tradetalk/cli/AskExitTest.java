package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask} through {@code Main}, in its own JVM: a command that fails at once (a bad setting) while the embedding
 * model it started loading is still loading exits through {@code System.exit} with its code and its one-line message.
 * That exit waits for the load in flight is {@code ModelLifecycleTest}'s and {@code BgeSmallEmbedderTest}'s to show.
 */
class AskExitTest {

    @TempDir
    Path dir;

    @Test
    void given_a_bad_setting_when_ask_runs_in_its_own_jvm_then_it_exits_with_code_1_and_the_message() throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(CliRun.childCommand(
                        "ask", "--index", dir.resolve("index").toString(), "Who met?"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("TRADETALK_INDEX_PASSAGE_WORDS", "5");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.directory(dir.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains("tradetalk: bad config: index.passage-words must be 10 to 2000, got 5");
    }
}
