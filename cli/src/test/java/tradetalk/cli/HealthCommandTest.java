package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tradetalk health`, the container probe: exit 0 on a readable index, 1 with the reason when not. */
class HealthCommandTest {

    @TempDir
    Path tmp;

    @Test
    void given_a_readable_index_when_probed_then_ok_with_the_article_count() throws IOException {
        Path index = tmp.resolve("index");
        assertThat(CliRun.run("ingest", "--index", index.toString(), CliRun.SEEDS.toString())
                        .exit())
                .isZero();

        CliRun text = CliRun.run("health", "--index", index.toString());
        CliRun json = CliRun.run("health", "--json", "--index", index.toString());

        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .isEqualTo("ok: 3 article(s) in " + index
                        + "; segment checksums not verified (tradetalk check verifies them)" + System.lineSeparator());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("status").asText()).isEqualTo("ok");
        assertThat(j.get("articles").asInt()).isEqualTo(3);
        assertThat(j.get("checksums_verified").asBoolean()).isFalse();
    }

    @Test
    void given_an_index_that_lost_its_commit_point_when_probed_then_unhealthy_with_the_reason() throws IOException {
        Path index = tmp.resolve("index");
        assertThat(CliRun.run("ingest", "--index", index.toString(), CliRun.SEEDS.toString())
                        .exit())
                .isZero();
        try (Stream<Path> s = Files.list(index)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.delete(p);
            }
        }

        CliRun r = CliRun.run("health", "--index", index.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("tradetalk: index " + index + " is damaged");
    }

    @Test
    void given_no_index_when_probed_then_unhealthy_saying_so() {
        Path missing = tmp.resolve("nonexistent");

        CliRun r = CliRun.run("health", "--index", missing.toString());
        CliRun json = CliRun.run("health", "--json", "--index", missing.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).startsWith("unhealthy: there is no index at " + missing + ": ");
        assertThat(json.exit()).isEqualTo(Cli.FAILED);
        assertThat(json.out()).contains("\"status\":\"unhealthy\"").contains("\"articles\":0");
        assertThat(missing).doesNotExist();
    }

    @Test
    void given_an_empty_index_when_probed_then_unhealthy_unless_the_configuration_expects_it() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("index"));

        CliRun r = CliRun.run("health", "--index", empty.toString());
        CliRun expected = CliRun.run(
                Map.of("TRADETALK_HEALTH_ALLOW_EMPTY_INDEX", "true"), "", "health", "--index", empty.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).startsWith("unhealthy: the index " + empty + " has no articles: ");
        assertThat(expected.exit()).isZero();
        assertThat(expected.out()).startsWith("ok: 0 article(s) in " + empty);
    }

    @Test
    void given_no_index_when_listing_sources_then_it_fails_saying_so() {
        Path missing = tmp.resolve("nonexistent");

        CliRun r = CliRun.run("sources", "--index", missing.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("tradetalk: there is no index at " + missing);
    }
}
