package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input at the command line (issue 23): refused precisely, in one line, and nothing else lost. */
class HostileInputCliTest {

    @TempDir
    Path tmp;

    private String index() {
        return tmp.resolve("index").toString();
    }

    @Test
    void given_a_shortened_ipv4_feed_url_when_ingesting_then_the_error_says_what_it_stands_for() {
        CliRun r = CliRun.run("ingest", "--index", index(), "--feed", "http://127.1/");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().strip())
                .isEqualTo("tradetalk: --feed http://127.1/: cannot read its host: '127.1' is a shortened or "
                        + "non-decimal form of the IPv4 address 127.0.0.1, which URLs here must write in full "
                        + "(a.b.c.d)");
    }

    @Test
    void given_a_hex_metadata_address_as_feed_when_ingesting_then_it_is_refused_as_that_address_without_connecting() {
        CliRun r = CliRun.run("ingest", "--json", "--index", index(), "--feed", "http://0xA9FEA9FE/");

        assertThat(r.out() + r.err())
                .contains("host 0xA9FEA9FE has the link-local address 169.254.169.254")
                .doesNotContain("connection refused");
    }

    @Test
    void given_articles_whose_file_names_carry_escapes_and_newlines_when_printed_then_text_is_clean_and_json_exact()
            throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String escName = "esc\u001b[31mname\u009b2J.txt";
        String lineName = "line\nbreak.txt";
        Files.copy(CliRun.SEEDS.resolve("000_75e7d6d2605e1b51.txt"), in.resolve(escName));
        Files.copy(CliRun.SEEDS.resolve("001_094b3742853613a8.txt"), in.resolve(lineName));
        assertThat(CliRun.run("ingest", "--index", index(), in.toString()).exit())
                .isZero();

        List<CliRun> printed = new ArrayList<>();
        printed.add(CliRun.run("sources", "--index", index()));
        printed.add(CliRun.run(
                "summary", "--index", index(), "--article", in.resolve(escName).toString()));
        printed.add(CliRun.run(
                "summary", "--index", index(), "--article", in.resolve(lineName).toString()));
        printed.add(CliRun.run("ask", "--index", index(), "What did Liu He and Mnuchin discuss in the phone call?"));
        for (CliRun r : printed) {
            assertThat(r.out() + r.err()).doesNotContain("\u001b", "\u009b", "line\nbreak");
        }
        assertThat(printed.get(0).out()).contains("escname.txt").contains("line break.txt");
        assertThat(printed.get(1).out()).contains("escname.txt");
        assertThat(printed.get(3).out()).contains("escname.txt");

        CliRun json = CliRun.run("sources", "--json", "--index", index());
        assertThat(json.out()).doesNotContain("\u001b", "\u009b").contains("\\u001B[31m", "\\u009B2J");
        List<String> paths = new ArrayList<>();
        new ObjectMapper().readTree(json.out()).findValues("path").forEach(p -> paths.add(p.asText()));
        assertThat(paths)
                .contains(in.resolve(escName).toString(), in.resolve(lineName).toString());
    }

    @Test
    void given_a_sparse_2_gib_file_among_articles_when_ingesting_then_it_is_rejected_by_name_and_the_rest_goes_in()
            throws Exception {
        Path in = Files.createDirectories(tmp.resolve("big"));
        Files.copy(CliRun.SEEDS.resolve("000_75e7d6d2605e1b51.txt"), in.resolve("good.txt"));
        Path big = in.resolve("huge.txt");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse, like truncate -s 2G: no data is written
        }

        CliRun r = CliRun.run("ingest", "--json", "--index", index(), in.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(Cli.PARTIAL);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("added").asInt()).isEqualTo(1);
        assertThat(j.get("rejected").get(0).get("source").asText()).isEqualTo(big.toString());
        assertThat(j.get("rejected").get(0).get("reason").asText())
                .startsWith("file of 2147483648 bytes is larger than the 67108864 bytes read from one file");
    }

    @Test
    void given_a_fifo_named_on_the_command_line_when_ingesting_then_it_is_rejected_without_opening_it()
            throws Exception {
        Path fifo = tmp.resolve("pipe.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        Path good = Files.copy(CliRun.SEEDS.resolve("000_75e7d6d2605e1b51.txt"), tmp.resolve("good.txt"));
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        // its own JVM: a thread blocked opening a FIFO cannot be interrupted, a process can be killed
        List<String> command = new ArrayList<>(
                CliRun.childCommand("ingest", "--json", "--index", index(), fifo.toString(), good.toString()));
        // the shipped logging (stderr only), not the tests' logback-test.xml (stdout)
        command.add(
                1,
                "-Dlogback.configurationFile="
                        + Path.of("target/classes/logback.xml").toAbsolutePath());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.directory(tmp.toFile());
        Process p = pb.start();
        boolean ended;
        try {
            ended = p.waitFor(180, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly().waitFor();
        }

        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(ended)
                .as("ingest still running after 180 s: blocked opening the FIFO? " + stderr)
                .isTrue();
        assertThat(p.exitValue()).as(stderr).isEqualTo(Cli.PARTIAL);
        JsonNode j = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(j.get("added").asInt()).isEqualTo(1);
        assertThat(j.get("rejected").get(0).get("source").asText()).isEqualTo(fifo.toString());
        assertThat(j.get("rejected").get(0).get("reason").asText()).startsWith("not a regular file");
    }
}
