package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding model's native session is never torn down half-made: a command that needs no vectors never loads
 * it, and exit waits for a load in flight (exiting mid-load crashed the JVM in libonnxruntime.so).
 */
class ModelLifecycleTest {

    /** The logging of the shipped jar (stderr only), not the tests' logback-test.xml (stdout). */
    private static final String PRODUCT_LOGGING = "-Dlogback.configurationFile="
            + Path.of("target/classes/logback.xml").toAbsolutePath();

    @TempDir
    Path tmp;

    private record Child(int exit, String out, String err) {}

    private Child java(List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
        options.addAll(jvmOptions);
        return javaWith(options, mainClass, args);
    }

    /** A child JVM with exactly these options (no incubator module unless given). */
    private Child javaWith(List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(jvmOptions);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("TRADETALK_INDEX_ARTICLES", CliRun.SEEDS.toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the child finished").isTrue();
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void given_an_index_when_listing_sources_then_the_embedding_model_is_never_loaded_and_stdout_is_clean()
            throws Exception {
        Path index = tmp.resolve("index");
        assertThat(CliRun.run("ingest", "--index", index.toString(), CliRun.SEEDS.toString())
                        .exit())
                .isZero();
        Path classes = tmp.resolve("classes.log");

        Child c = java(
                List.of("-Xlog:class+load=info:file=" + classes, PRODUCT_LOGGING),
                "tradetalk.cli.Main",
                "sources",
                "--index",
                index.toString());

        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines().toList()).hasSize(4).last().isEqualTo("3 article(s).");
        assertThat(Files.readString(classes))
                .contains("tradetalk.store.lucene.ArticleIndex")
                .doesNotContain("dev.langchain4j.model.embedding.onnx")
                .doesNotContain("ai.onnxruntime");
    }

    @Test
    void given_a_model_load_in_flight_when_the_jvm_exits_then_exit_waits_for_the_load_to_finish() throws Exception {
        Path logback = Files.writeString(tmp.resolve("logback.xml"), """
                <configuration>
                  <appender name="E" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
                    <encoder><pattern>%msg%n</pattern></encoder></appender>
                  <logger name="tradetalk.retrieval.embed" level="DEBUG"/>
                  <root level="WARN"><appender-ref ref="E"/></root>
                </configuration>
                """);

        Child c = java(List.of("-Dlogback.configurationFile=" + logback), LoadThenExitMain.class.getName());

        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err())
                .contains("Loading bge-small-en-v1.5-q")
                .contains("Exit waited for the embedding model load: ");
        assertThat(c.out()).isEmpty();
    }

    @Test
    void given_a_command_that_loads_the_model_when_it_exits_then_no_onnxruntime_temp_directory_is_left()
            throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path cache = tmp.resolve("cache");

        Child c = java(
                List.of("-Djava.io.tmpdir=" + javaTmp, "-Dtradetalk.cache.dir=" + cache, PRODUCT_LOGGING),
                "tradetalk.cli.Main",
                "ask",
                "--index",
                tmp.resolve("index").toString(),
                "Where did Trump hope to sign the deal?");

        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("Santiago");
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("onnxruntime-java"));
        }
        try (Stream<Path> unpacked = Files.walk(cache)) {
            assertThat(unpacked.map(p -> p.getFileName().toString())).contains(System.mapLibraryName("onnxruntime"));
        }
    }

    @Test
    void given_the_launchers_options_for_a_one_shot_command_when_asking_then_stderr_stays_empty() throws Exception {
        Path index = tmp.resolve("index");
        assertThat(CliRun.run("ingest", "--index", index.toString(), CliRun.SEEDS.toString())
                        .exit())
                .isZero();

        // what ./tradetalk passes to `ask QUESTION`: C1 only, reflection by native accessors, no Vector API module,
        // Lucene's remark about it muted
        Child c = javaWith(
                List.of(
                        "--enable-native-access=ALL-UNNAMED",
                        "-XX:TieredStopAtLevel=1",
                        "-Djdk.reflect.useNativeAccessorOnly=true",
                        "-Dtradetalk.log.vectorization=ERROR",
                        "-Dtradetalk.cache.dir=" + tmp.resolve("cache"),
                        PRODUCT_LOGGING),
                "tradetalk.cli.Main",
                "ask",
                "--index",
                index.toString(),
                "Where did Trump hope to sign the deal?");

        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("Santiago");
        assertThat(c.err()).isEmpty();
    }
}
