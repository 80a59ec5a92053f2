package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./tradetalk} launcher's decisions, run by bash from the real script (sourced, so nothing builds). */
class LauncherTest {

    private static final Path SCRIPT = Path.of("../tradetalk").toAbsolutePath().normalize();
    private static final Instant BUILT = Instant.now().minus(1, ChronoUnit.HOURS);

    @TempDir
    Path root;

    /** A repository layout whose every build input is older than its jar. */
    @BeforeEach
    void layout() throws IOException {
        for (String f : List.of(
                "pom.xml",
                "retrieval/pom.xml",
                "retrieval/src/main/java/tradetalk/A.java",
                "retrieval/core/pom.xml",
                "retrieval/core/src/main/java/tradetalk/B.java",
                "bot/pom.xml",
                "bot/src/main/resources/x.txt",
                "prompts/answer.txt",
                "config/logback.xml",
                "config/tradetalk.yml",
                "app/target/tradetalk.jar")) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        try (var all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(BUILT.minus(1, ChronoUnit.MINUTES)));
            }
        }
        Files.setLastModifiedTime(root.resolve("app/target/tradetalk.jar"), FileTime.from(BUILT));
    }

    private static String bash(String script, Path root, String stdin) throws IOException, InterruptedException {
        // sourced, the script only defines its functions ($0 is "bash", not the script)
        Process p = new ProcessBuilder(
                        "bash",
                        "-c",
                        "source \"$1\"; ROOT=\"$2\"; JAR=\"$ROOT/app/target/tradetalk.jar\"; " + script,
                        "bash",
                        SCRIPT.toString(),
                        root.toString())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String needsBuild() throws IOException, InterruptedException {
        return bash("if needs_build; then echo build; else echo fresh; fi", root, "")
                .strip();
    }

    private void touch(String file) throws IOException {
        Files.setLastModifiedTime(root.resolve(file), FileTime.from(Instant.now()));
    }

    @Test
    void given_a_jar_newer_than_every_input_then_no_build() throws Exception {
        assertThat(needsBuild()).isEqualTo("fresh");
    }

    @Test
    void given_the_operator_edits_config_tradetalk_yml_then_no_build() throws Exception {
        Files.writeString(root.resolve("config/tradetalk.yml"), "search:\n  k: 8\n");
        touch("config/tradetalk.yml");

        assertThat(needsBuild()).isEqualTo("fresh");
    }

    @Test
    void given_a_changed_source_prompt_pom_or_logging_config_then_a_build() throws Exception {
        for (String input : List.of(
                "retrieval/src/main/java/tradetalk/A.java",
                "retrieval/core/src/main/java/tradetalk/B.java",
                "retrieval/core/pom.xml",
                "prompts/answer.txt",
                "bot/pom.xml",
                "config/logback.xml",
                "bot/src/main/resources/x.txt")) {
            layout();
            touch(input);
            assertThat(needsBuild()).as(input).isEqualTo("build");
        }
    }

    @Test
    void given_a_deleted_source_file_then_a_build() throws Exception {
        Files.delete(root.resolve("retrieval/src/main/java/tradetalk/A.java"));

        assertThat(needsBuild()).isEqualTo("build");
    }

    @Test
    void given_no_jar_then_a_build() throws Exception {
        Files.delete(root.resolve("app/target/tradetalk.jar"));

        assertThat(needsBuild()).isEqualTo("build");
    }

    /** A fake JDK home: bin/java and bin/javac that record being run in {@code ran}; a release file if given. */
    private Path jdk(String name, String release, String specVersion) throws IOException {
        Path home = root.resolve("jdks/" + name);
        Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path bin = home.resolve("bin/" + tool);
            Files.writeString(
                    bin,
                    "#!/bin/sh\necho \"$0\" >> \"" + root.resolve("ran") + "\"\n"
                            + "echo '    java.specification.version = " + specVersion + "' >&2\n");
            bin.toFile().setExecutable(true);
        }
        if (release != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\n" + release + "\nOS_NAME=\"Linux\"\n");
        }
        return home;
    }

    private String findJavaHome(Path javaHome) throws IOException, InterruptedException {
        return bash("JAVA_HOME='" + javaHome + "' find_java_home", root, "").strip();
    }

    @Test
    void given_a_jdk_with_a_release_file_then_its_major_version_is_read_without_starting_java() throws Exception {
        Path jdk25 = jdk("25", "JAVA_VERSION=\"25.0.3\"", "25");
        Path jdk8 = jdk("8", "JAVA_VERSION=\"1.8.0_392\"", "1.8");

        assertThat(bash("java_major '" + jdk25 + "'; java_major '" + jdk8 + "'", root, ""))
                .isEqualTo("25\n8\n");
        assertThat(root.resolve("ran")).doesNotExist();
    }

    @Test
    void given_a_jdk_without_a_release_file_then_java_itself_says_its_version() throws Exception {
        Path jdk = jdk("22", null, "22");

        assertThat(bash("java_major '" + jdk + "'", root, "")).isEqualTo("22\n");
        assertThat(Files.readString(root.resolve("ran"))).contains("/bin/java");
    }

    @Test
    void given_java_home_changes_then_the_jdk_found_follows_it() throws Exception {
        Path jdk21 = jdk("21", "JAVA_VERSION=\"21.0.5\"", "21");
        Path jdk25 = jdk("25", "JAVA_VERSION=\"25.0.3\"", "25");

        assertThat(findJavaHome(jdk21)).isEqualTo(jdk21 + " 21");
        assertThat(findJavaHome(jdk25)).isEqualTo(jdk25 + " 25");
    }

    @Test
    void given_java_home_is_too_old_then_it_is_passed_over_for_the_java_on_the_path() throws Exception {
        Path jdk17 = jdk("17", "JAVA_VERSION=\"17.0.15\"", "17");
        Path jdk21 = jdk("21", "JAVA_VERSION=\"21.0.5\"", "21");

        String found = bash(
                        "PATH='" + jdk21.resolve("bin") + "':\"$PATH\" JAVA_HOME='" + jdk17 + "' find_java_home",
                        root,
                        "")
                .strip();

        assertThat(found).isEqualTo(jdk21 + " 21");
    }

    /** Whether {@code short_lived} says yes; anything but its yes or no (a bash error, say) fails the test. */
    private boolean shortLived(String args) throws IOException, InterruptedException {
        String verdict = bash("if short_lived " + args + "; then echo short; else echo long; fi", root, "")
                .strip();
        assertThat(verdict).as(args).isIn("short", "long");
        return verdict.equals("short");
    }

    @Test
    void given_a_one_shot_command_then_it_runs_with_the_short_lived_jvm_options() throws Exception {
        for (String args : List.of(
                "ask 'Who spoke?'",
                "ask --index /tmp/i --k 3 --json Who spoke",
                "ask --as-of 2019-11-30 --config c.yml 'Who spoke?'",
                "sources --index /tmp/i",
                "status",
                "summary",
                "check",
                "health",
                "ingest data/articles",
                "--version")) {
            assertThat(shortLived(args)).as(args).isTrue();
        }
    }

    @Test
    void given_a_service_eval_bench_or_ask_reading_standard_input_then_it_runs_with_c2_and_simd() throws Exception {
        for (String args : List.of(
                "discord",
                "watch",
                "eval --queries q.json",
                "bench",
                "ask",
                "ask --index /tmp/i --json",
                "ask --k 3 --as-of 2019-11-30")) {
            assertThat(shortLived(args)).as(args).isFalse();
        }
    }

    @Test
    void given_the_opensearch_local_jar_or_its_classpath_file_missing_then_opensearch_local_needs_a_build()
            throws Exception {
        String check = "if opensearch_local_built; then echo built; else echo missing; fi";
        Path target = Files.createDirectories(root.resolve("opensearch-local/target"));

        assertThat(bash(check, root, "").strip()).isEqualTo("missing");
        Files.writeString(target.resolve("tradetalk-opensearch-local.jar"), "jar");
        assertThat(bash(check, root, "").strip()).isEqualTo("missing");
        Files.writeString(target.resolve("cli-classpath.txt"), "/repo/picocli.jar");
        assertThat(bash(check, root, "").strip()).isEqualTo("built");
    }

    @Test
    void given_the_jar_was_rebuilt_after_the_appcds_archive_then_the_archive_is_deleted() throws Exception {
        Path archive = root.resolve("app/target/tradetalk.jsa");
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(BUILT.minus(1, ChronoUnit.MINUTES)));

        bash("remove_stale_archive '" + archive + "' \"$JAR\"", root, "");

        assertThat(archive).doesNotExist();
    }

    @Test
    void given_an_appcds_archive_newer_than_the_jar_then_it_is_kept() throws Exception {
        Path archive = root.resolve("app/target/tradetalk.jsa");
        Files.writeString(archive, "archive");
        touch("app/target/tradetalk.jsa");

        bash("remove_stale_archive '" + archive + "' \"$JAR\"", root, "");

        assertThat(archive).exists();
    }

    /** A fake java that appends its arguments (one line) to {@code args}, and writes the AOT cache it is told to. */
    private Path recordingJava() throws IOException {
        Path java = root.resolve("fake-java");
        Files.writeString(
                java,
                "#!/bin/sh\necho \"$*\" >> \"" + root.resolve("args") + "\"\n"
                        + "env >> \"" + root.resolve("env") + "\"\n"
                        + "case \" $* \" in *\" -XX:AOTMode=create \"*) for a in \"$@\"; do case \"$a\" in\n"
                        + "  -XX:AOTCache=*) echo cache > \"${a#-XX:AOTCache=}\" ;; esac; done ;; esac\n");
        java.toFile().setExecutable(true);
        return java;
    }

    private String runCli(Path java, String args) throws IOException, InterruptedException {
        bash("run_cli '" + java + "' \"$JAR\" \"$ROOT\" \"$ROOT/app/target\" " + args, root, "");
        return Files.readString(root.resolve("args")).strip();
    }

    @Test
    void given_an_aot_cache_newer_than_the_jar_then_a_one_shot_command_starts_with_it_instead_of_appcds()
            throws Exception {
        Path java = recordingJava();
        Files.writeString(root.resolve("app/target/tradetalk.aot"), "cache");
        Files.writeString(root.resolve("app/target/tradetalk.jsa"), "archive");
        touch("app/target/tradetalk.aot");
        touch("app/target/tradetalk.jsa");

        String args = runCli(java, "ask 'Who spoke?'");

        assertThat(args)
                .contains("-XX:AOTCache=" + root.resolve("app/target/tradetalk.aot"))
                .doesNotContain("SharedArchiveFile");
    }

    @Test
    void given_an_aot_cache_older_than_the_jar_then_it_is_deleted_and_appcds_is_used() throws Exception {
        Path java = recordingJava();
        Path cache = root.resolve("app/target/tradetalk.aot");
        Files.writeString(cache, "cache");
        Files.setLastModifiedTime(cache, FileTime.from(BUILT.minus(1, ChronoUnit.MINUTES)));

        String args = runCli(java, "ask 'Who spoke?'");

        assertThat(cache).doesNotExist();
        assertThat(args).doesNotContain("AOTCache").contains("-XX:SharedArchiveFile=");
    }

    @Test
    void given_an_aot_cache_then_a_long_running_command_does_not_use_it() throws Exception {
        Path java = recordingJava();
        Files.writeString(root.resolve("app/target/tradetalk.aot"), "cache");
        touch("app/target/tradetalk.aot");

        String args = runCli(java, "eval --queries q.json");

        assertThat(args).doesNotContain("AOTCache");
    }

    @Test
    void given_a_build_when_the_start_up_cache_is_trained_then_an_ask_is_recorded_and_the_cache_made_in_a_clean_env()
            throws Exception {
        Path java = recordingJava();
        Path cache = root.resolve("app/target/tradetalk.aot");

        bash(
                "export TRADETALK_INDEX_BACKEND=opensearch; make_aot_cache '" + java + "' \"$JAR\" \"$ROOT\" '" + cache
                        + "'",
                root,
                "");

        List<String> runs = Files.readAllLines(root.resolve("args"));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0))
                .startsWith("-XX:TieredStopAtLevel=1 -Djdk.reflect.useNativeAccessorOnly=true")
                .contains("-XX:AOTMode=record", "ask --config ", "--index ");
        assertThat(runs.get(1)).contains("-XX:AOTMode=create", "-XX:AOTCache=");
        assertThat(Files.readString(root.resolve("env"))).doesNotContain("TRADETALK_");
        assertThat(cache).hasContent("cache");
        try (var left = Files.list(root.resolve("app/target"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("aot-training"));
        }
    }

    @Test
    void given_the_jvms_incubator_notice_on_stderr_then_only_that_line_is_dropped() throws Exception {
        String out = bash(
                "drop_incubator_notice",
                root,
                "WARNING: Using incubator modules: jdk.incubator.vector\n"
                        + "tradetalk: the index was empty\nWARNING: something else\n");

        assertThat(out).isEqualTo("tradetalk: the index was empty\nWARNING: something else\n");
    }
}
