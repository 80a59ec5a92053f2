package tradetalk.opensearch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class OpenSearchClusterExtensionTest {

    @Test
    void given_opensearch_urls_then_that_cluster_is_used_and_nothing_is_started() {
        try (OpenSearchTestCluster external =
                OpenSearchClusterExtension.create(" http://127.0.0.1:19200, http://127.0.0.1:19201 ")) {

            assertThat(external.urls())
                    .containsExactly(URI.create("http://127.0.0.1:19200"), URI.create("http://127.0.0.1:19201"));
            assertThat(external.isLocal()).isFalse();
            assertThatThrownBy(() -> external.stopNode(1))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("external cluster");
        }
    }
}
