package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI with the OpenSearch backend when its cluster cannot be reached. */
class OpenSearchCliTest {

    /** A loopback port nothing listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void given_the_cluster_unreachable_when_asking_then_one_line_says_so_and_the_exit_code_is_not_zero()
            throws IOException {
        String urls = "http://127.0.0.1:" + closedPort() + ",http://127.0.0.1:" + closedPort();

        CliRun r = CliRun.run(
                Map.of(
                        "TRADETALK_INDEX_BACKEND", "opensearch",
                        "TRADETALK_OPENSEARCH_URLS", urls,
                        "TRADETALK_OPENSEARCH_PASSWORD", "pw-never-shown",
                        "TRADETALK_OPENSEARCH_USERNAME", "bot",
                        "TRADETALK_OPENSEARCH_CONNECT_TIMEOUT", "2s"),
                "",
                "ask",
                "What did Kudlow say?");

        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("tradetalk: OpenSearch at ")
                .contains("unreachable")
                .contains("127.0.0.1")
                .doesNotContain("Exception")
                .doesNotContain("pw-never-shown");
    }
}
