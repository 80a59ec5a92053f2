package tradetalk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
