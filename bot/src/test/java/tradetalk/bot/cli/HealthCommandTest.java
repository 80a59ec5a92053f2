package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(text.out()).isEqualTo("ok: 3 article(s) in " + index + System.lineSeparator());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("status").asText()).isEqualTo("ok");
        assertThat(j.get("articles").asInt()).isEqualTo(3);
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
}
