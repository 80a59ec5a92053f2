package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot commands print their reply and no INFO log lines around it, unless TRADETALK_LOG_LEVEL asks. */
class QuietLoggingTest {

    @TempDir
    Path tmp;

    private String ingestStderr(Map<String, String> env) throws IOException, InterruptedException {
        Path err = tmp.resolve("err-" + env.size() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-cp",
                        System.getProperty("java.class.path"),
                        // the shipped logging configuration, not the tests' logback-test.xml
                        "-Dlogback.configurationFile="
                                + Path.of("target/classes/logback.xml").toAbsolutePath(),
                        "tradetalk.cli.Main",
                        "ingest",
                        "--index",
                        tmp.resolve("index-" + env.size()).toString(),
                        CliRun.SEEDS.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().remove("TRADETALK_LOG_LEVEL");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readString(err);
    }

    @Test
    void given_no_log_level_when_ingesting_then_no_info_lines_and_with_info_asked_then_they_appear() throws Exception {
        assertThat(ingestStderr(Map.of())).doesNotContain(" INFO ");
        assertThat(ingestStderr(Map.of("TRADETALK_LOG_LEVEL", "INFO")))
                .contains(" INFO ")
                .contains("Ingested 3 new");
    }
}
