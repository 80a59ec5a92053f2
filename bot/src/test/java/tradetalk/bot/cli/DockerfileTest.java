package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Dockerfile promises, read from the file (Docker does not run on the machines the tests run on, so the
 * image itself is not built here).
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
        assertThat(instruction("HEALTHCHECK"))
                .contains("CMD [\"java\"")
                .contains("\"/app/tradetalk.jar\", \"health\"]");
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
        assertThat(instruction("ENTRYPOINT"))
                .contains("-Djava.io.tmpdir=/data/tmp")
                .contains("-Dtradetalk.cache.dir=/data/cache/tradetalk")
                .contains("jdk.incubator.vector");
        assertThat(dockerfile).contains("java --list-modules | grep -q '^jdk.incubator.vector@'");
    }
}
