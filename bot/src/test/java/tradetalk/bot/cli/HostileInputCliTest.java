package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
