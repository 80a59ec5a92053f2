package tradetalk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.store.opensearch.OpenSearchSettings;

class OpenSearchConfigTest {

    @TempDir
    Path home;

    private final ConfigLoader loader = new ConfigLoader();

    private Path write(String yaml) throws IOException {
        Path f = home.resolve("t.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void given_the_defaults_then_the_backend_is_lucene_and_opensearch_is_a_local_node_with_one_replica() {
        TradetalkConfig c = loader.load(null, Map.of(), home);

        assertThat(c.index().backendKind()).isEqualTo(IndexConfig.Backend.LUCENE);
        OpenSearchSettings s = c.opensearch().settings();
        assertThat(s.urls()).containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(s.articlesIndex()).isEqualTo("tradetalk-articles");
        assertThat(s.engine()).isEqualTo(OpenSearchSettings.Engine.LUCENE);
        assertThat(s.replicas()).isEqualTo(1);
        assertThat(s.caFile()).isNull();
    }

    @Test
    void given_the_environment_then_backend_urls_and_password_are_taken_from_it() {
        TradetalkConfig c = loader.load(
                null,
                Map.of(
                        "TRADETALK_INDEX_BACKEND", "opensearch",
                        "TRADETALK_OPENSEARCH_URLS", "http://10.0.0.1:9200, https://10.0.0.2:9200",
                        "TRADETALK_OPENSEARCH_USERNAME", "bot",
                        "TRADETALK_OPENSEARCH_PASSWORD", "s3cret-pw",
                        "TRADETALK_OPENSEARCH_ENGINE", "faiss",
                        "TRADETALK_OPENSEARCH_READ_TIMEOUT", "2m"),
                home);

        assertThat(c.index().backendKind()).isEqualTo(IndexConfig.Backend.OPENSEARCH);
        OpenSearchSettings s = c.opensearch().settings();
        assertThat(s.urls()).containsExactly(URI.create("http://10.0.0.1:9200"), URI.create("https://10.0.0.2:9200"));
        assertThat(s.username()).isEqualTo("bot");
        assertThat(s.password()).isEqualTo("s3cret-pw");
        assertThat(s.engine()).isEqualTo(OpenSearchSettings.Engine.FAISS);
        assertThat(s.readTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.toString()).doesNotContain("s3cret-pw");
        assertThat(s.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void given_a_password_in_the_file_then_loading_fails_naming_the_environment_variable() throws IOException {
        Path f = write("""
                opensearch:
                  password: hunter2
                """);

        assertThatThrownBy(() -> loader.load(f, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("opensearch.password")
                .hasMessageContaining("TRADETALK_OPENSEARCH_PASSWORD")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void given_bad_values_then_loading_fails_naming_the_key() throws IOException {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_INDEX_BACKEND", "solr"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("index.backend");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_OPENSEARCH_ENGINE", "nmslib"), home))
                .hasMessageContaining("opensearch.engine");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_OPENSEARCH_URLS", "ftp://x:21"), home))
                .hasMessageContaining("opensearch.urls");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_OPENSEARCH_URLS", ""), home))
                .hasMessageContaining("opensearch.urls");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_OPENSEARCH_INDEX", "Bad Name"), home))
                .hasMessageContaining("opensearch.index");
        assertThatThrownBy(() -> loader.load(write("opensearch:\n  replicas: -1\n"), Map.of(), home))
                .hasMessageContaining("opensearch.replicas");
        assertThatThrownBy(() -> loader.load(write("opensearch:\n  shards: 0\n"), Map.of(), home))
                .hasMessageContaining("opensearch.shards");
        assertThatThrownBy(() -> loader.load(write("opensearch:\n  connect-timeout: 0s\n"), Map.of(), home))
                .hasMessageContaining("opensearch.connect-timeout");
    }

    @Test
    void given_a_relative_ca_file_then_it_is_resolved_against_the_home() throws IOException {
        TradetalkConfig c = loader.load(write("opensearch:\n  ca-file: certs/ca.pem\n"), Map.of(), home);

        assertThat(c.opensearch().settings().caFile()).isEqualTo(home.resolve("certs/ca.pem"));
    }
}
