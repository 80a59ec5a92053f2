package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask} starts loading the embedding model before it reads its configuration: a command that then fails at once
 * (a bad setting) must still exit with its message and code, not crash the JVM in ONNX Runtime's native code.
 */
class AskExitTest {

    @TempDir
    Path dir;

    @Test
    void given_a_bad_setting_when_ask_runs_in_its_own_jvm_then_it_exits_with_the_message_and_no_crash_report()
            throws Exception {
        // the crash was a race (5 runs of 6 through the launcher); on the test class path it shows less often, so this
        // guards the exit code and message every run and the crash only when the timing allows it
        for (int run = 0; run < 5; run++) {
            Path out = dir.resolve("out" + run);
            Path err = dir.resolve("err" + run);
            List<String> command = new ArrayList<>(
                    CliRun.childCommand("ask", "--index", dir.resolve("index").toString(), "Who met?"));
            // the launcher's options for a one-shot ask: with C1 the configuration fails sooner, which the race needs
            command.addAll(1, List.of("-XX:TieredStopAtLevel=1", "-Djdk.reflect.useNativeAccessorOnly=true"));
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("TRADETALK_INDEX_PASSAGE_WORDS", "5");
            pb.environment().put("OPT_OUT_TRACKING", "true");
            pb.directory(dir.toFile());
            Process p = pb.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(stderr).isEqualTo(1);
            assertThat(stderr).contains("index.passage-words must be 10 to 2000, got 5");
            // the JVM writes its crash report to standard output (the test class path's logback may chat there too)
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain("A fatal error has been detected");
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("hs_err"));
            }
        }
    }
}
