package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Dockerfile promises, read from the file. The image itself is built and run by {@code .ci/image-test}
 * (Podman, in CI), which checks the same promises on the running container.
 */
class DockerfileTest {

    private String dockerfile;

    @BeforeEach
    void read() throws IOException {
        dockerfile = Files.readString(Path.of("../Dockerfile"));
    }

    private String instruction(String keyword) {
        int at = dockerfile.indexOf("\n" + keyword + " ");
        assertThat(at).as(keyword + " instruction").isNotNegative();
        int end = at + 1;
        while (end < dockerfile.length() && !(dockerfile.charAt(end) == '\n' && dockerfile.charAt(end - 1) != '\\')) {
            end++;
        }
        return dockerfile.substring(at + 1, end);
    }

    @Test
    void given_the_reactors_modules_then_the_build_stage_copies_each_of_them() throws IOException {
        String pom = Files.readString(Path.of("../pom.xml"));
        var modules = java.util.regex.Pattern.compile("<module>([^<]+)</module>")
                .matcher(pom)
                .results()
                .map(m -> m.group(1))
                .toList();

        assertThat(modules).contains("retrieval", "bot", "opensearch-local");
        for (String module : modules) {
            assertThat(dockerfile).as(module).contains("\nCOPY " + module + " " + module + "\n");
        }
    }

    @Test
    void given_the_dockerfile_then_no_failure_is_hidden() {
        assertThat(dockerfile.lines().filter(l -> !l.strip().startsWith("#"))).noneMatch(l -> l.contains("|| true"));
    }

    @Test
    void given_the_dockerfile_then_a_healthcheck_runs_the_cheap_health_command() {
        assertThat(instruction("HEALTHCHECK")).contains("\"tradetalk\", \"health\"]");
        assertThat(instruction("ENV")).contains("TRADETALK_HEALTH_DIR=/data/health");
        assertThat(dockerfile).contains(" /data/health ");
    }

    @Test
    void given_the_dockerfile_then_base_images_are_fully_qualified_build_arguments() {
        List<String> from =
                dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).containsExactly("FROM ${BUILD_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}");
        Matcher args =
                Pattern.compile("(?m)^ARG (BUILD_IMAGE|RUNTIME_IMAGE)=(\\S+)$").matcher(dockerfile);
        List<String> defaults = args.results().map(m -> m.group(2)).toList();
        // Podman resolves no short names: registry host, then the repository, then a tag
        assertThat(defaults)
                .hasSize(2)
                .allMatch(image -> image.matches("[a-z0-9.-]+\\.[a-z]+/[a-z0-9._/-]+:[A-Za-z0-9._-]+"), "qualified");
        assertThat(defaults.get(0)).startsWith("docker.io/library/maven:");
        assertThat(defaults.get(1)).startsWith("docker.io/library/eclipse-temurin:21-jre");
    }

    @Test
    void given_the_dockerfile_then_output_is_utf8() {
        assertThat(instruction("ENV")).contains("LANG=C.UTF-8");
    }

    @Test
    void given_the_dockerfile_then_commands_run_through_the_launchers_run_cli() throws IOException {
        assertThat(instruction("ENTRYPOINT")).isEqualTo("ENTRYPOINT [\"tradetalk\"]");
        assertThat(dockerfile)
                .contains("\nCOPY tradetalk /usr/local/lib/tradetalk/launcher\n")
                .contains("\nCOPY ops/image/tradetalk /usr/local/bin/tradetalk\n");
        String command = Files.readString(Path.of("../ops/image/tradetalk"));
        // run_cli: the Vector API module for discord and watch, its JVM notice dropped, SIGTERM passed on to java
        assertThat(command)
                .contains("\nsource /usr/local/lib/tradetalk/launcher\n")
                .contains("\nrun_cli java /app/tradetalk.jar /app \"\" \"$@\"")
                .contains("-Djava.io.tmpdir=/data/tmp")
                .contains("-Dtradetalk.cache.dir=/data/cache/tradetalk")
                .contains("export OPT_OUT_TRACKING=true");
        String launcher = Files.readString(Path.of("../tradetalk"));
        assertThat(launcher).contains("MODE_OPTS=(--add-modules jdk.incubator.vector)");
    }

    @Test
    void given_the_dockerfile_then_the_seed_articles_are_not_indexed_unless_asked_for() {
        assertThat(instruction("ENV"))
                .contains("TRADETALK_INDEX_ARTICLES=/data/articles")
                .doesNotContain("/app/data/articles")
                .doesNotContain("/app/seed-articles");
    }

    @Test
    void given_the_dockerfile_then_nothing_phones_home_and_native_libraries_have_a_fixed_place() {
        assertThat(instruction("ENV")).contains("OPT_OUT_TRACKING=true");
        assertThat(dockerfile).contains("java --list-modules | grep -q '^jdk.incubator.vector@'");
    }
}
