package tradetalk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.model.ModelSettings;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void given_no_file_when_loading_then_the_shipped_defaults_apply_with_paths_under_home() {
        TradetalkConfig c = loader.load(null, Map.of(), home);

        assertThat(c.index().dirPath()).isEqualTo(home.resolve("data/index"));
        assertThat(c.index().articlesPath()).isEqualTo(home.resolve("data/articles"));
        assertThat(c.index().passageWords()).isEqualTo(120);
        assertThat(c.search().k()).isEqualTo(8);
        assertThat(c.search().settings().denseWeight()).isEqualTo(0.5);
        assertThat(c.model().provider()).isEqualTo(ModelSettings.Provider.OFFLINE);
        assertThat(c.model().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.answer().maxSentences()).isEqualTo(3);
    }

    @Test
    void given_a_file_when_loading_then_its_values_override_the_defaults_and_others_stay() throws IOException {
        Path file = write("model:\n  provider: openai\n  base-url: http://127.0.0.1:8000/v1\n  name: qwen\n"
                + "  timeout: 5s\nsearch:\n  k: 4\n");

        TradetalkConfig c = loader.load(file, Map.of(), home);

        assertThat(c.model().provider()).isEqualTo(ModelSettings.Provider.OPENAI);
        assertThat(c.model().baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(c.model().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.search().k()).isEqualTo(4);
        assertThat(c.search().candidates()).isEqualTo(50);
    }

    @Test
    void given_environment_overrides_when_loading_then_they_win_over_the_file() throws IOException {
        Path file = write("index:\n  dir: from-file\n");

        TradetalkConfig c = loader.load(
                file,
                Map.of(
                        "TRADETALK_INDEX_DIR",
                        "/srv/idx",
                        "TRADETALK_MODEL_TIMEOUT",
                        "750ms",
                        "TRADETALK_SEARCH_K",
                        "12"),
                home);

        assertThat(c.index().dirPath()).isEqualTo(Path.of("/srv/idx"));
        assertThat(c.model().timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(c.search().k()).isEqualTo(12);
    }

    @Test
    void given_model_limits_when_loading_then_they_reach_the_model_settings() {
        TradetalkConfig defaults = loader.load(null, Map.of(), home);
        TradetalkConfig c = loader.load(
                null, Map.of("TRADETALK_MODEL_DEADLINE", "90s", "TRADETALK_MODEL_MAX_REPLY_BYTES", "65536"), home);

        assertThat(defaults.model().deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.model().maxReplyBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(c.model().deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.model().maxReplyBytes()).isEqualTo(65536);
    }

    @Test
    void given_a_tiny_reply_cap_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_MODEL_MAX_REPLY_BYTES", "10"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.max-reply-bytes must be at least 1024");
    }

    @Test
    void given_a_config_file_of_comments_over_the_size_limit_when_loading_then_it_is_refused_before_parsing()
            throws IOException {
        String comments = "# padding\n".repeat(210_000); // 2,100,000 bytes, valid YAML
        Path file = write("model:\n  timeout: 5s\n" + comments);

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + file + " is " + java.nio.file.Files.size(file)
                        + " bytes; a config file may be at most 1048576 bytes (1 MiB)");
    }

    @Test
    void given_an_unknown_key_when_loading_then_it_fails_naming_the_key() throws IOException {
        Path file = write("model:\n  tmeout: 5s\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'model.tmeout'")
                .hasMessageContaining("timeout");
    }

    @Test
    void given_an_unknown_section_when_loading_then_it_fails_naming_it() throws IOException {
        Path file = write("modle:\n  provider: openai\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'modle'");
    }

    @Test
    void given_a_bad_duration_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_MODEL_TIMEOUT", "soon"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.timeout")
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void given_a_number_out_of_range_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_SEARCH_K", "0"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("search.k must be 1 to 100");
    }

    @Test
    void given_an_ingest_batch_of_zero_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_INDEX_INGEST_BATCH", "0"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("index.ingest-batch must be 1 to 4096");
    }

    @Test
    void given_no_ingest_batch_in_the_file_when_loading_then_the_shipped_default_applies() {
        assertThat(loader.load(null, Map.of(), home).index().ingestBatch()).isEqualTo(256);
    }

    @Test
    void given_text_where_a_number_belongs_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_INDEX_PASSAGE_WORDS", "many"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("index.passage-words");
    }

    @Test
    void given_an_unknown_provider_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_MODEL_PROVIDER", "skynet"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.provider must be one of");
    }

    @Test
    void given_broken_yaml_when_loading_then_it_fails_naming_the_file() throws IOException {
        Path file = write("model: [unclosed\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void given_a_missing_file_when_loading_then_it_fails_naming_it() {
        Path missing = home.resolve("nope.yml");

        assertThatThrownBy(() -> loader.load(missing, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing + " does not exist");
    }

    @Test
    void given_an_api_key_when_printing_the_model_config_then_the_key_is_masked() {
        TradetalkConfig c = loader.load(null, Map.of("TRADETALK_MODEL_API_KEY", "sk-secret-123"), home);

        assertThat(c.model().apiKey()).isEqualTo("sk-secret-123");
        assertThat(c.model().toString()).doesNotContain("sk-secret-123").contains("***");
        assertThat(c.toString()).doesNotContain("sk-secret-123");
    }

    @Test
    void given_openai_without_a_key_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(
                        null,
                        Map.of("TRADETALK_MODEL_PROVIDER", "openai", "TRADETALK_MODEL_NAME", "gpt-4o-mini"),
                        home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.api-key");
    }

    @Test
    void env_names_follow_section_and_key() {
        assertThat(ConfigLoader.envName("model", "base-url")).isEqualTo("TRADETALK_MODEL_BASE_URL");
        assertThat(ConfigLoader.envName("index", "dir")).isEqualTo("TRADETALK_INDEX_DIR");
    }

    private Path write(String yaml) throws IOException {
        Path f = home.resolve("tradetalk.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void given_broken_yaml_when_loading_then_the_message_gives_the_line_and_column() throws IOException {
        Path file = write("index:\n  dir: data/index\nsearch:\n  k: [unclosed\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + file + " is not valid YAML at line 4, column 15: while parsing a flow "
                        + "sequence; expected ',' or ']', but got <stream end>");
    }

    @Test
    void given_a_key_written_twice_when_loading_then_it_fails_naming_the_key_and_line() throws IOException {
        Path file = write("search:\n  k: 4\n  k: 12\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at line 3, column ")
                .hasMessageContaining("Duplicate field 'k'");
    }

    @Test
    void given_a_fraction_for_an_integer_key_when_loading_then_it_fails_naming_the_key() throws IOException {
        Path file = write("search:\n  k: 2.5\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad value for config key search.k: expected a whole number, got 2.5");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_SEARCH_K", "2.5"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad value for config key search.k: expected a whole number, got \"2.5\"");
    }

    @Test
    void given_a_value_of_the_wrong_kind_when_loading_then_the_message_says_what_was_expected_not_the_parser()
            throws IOException {
        Path file = write("discord:\n  message-content-intent: maybe\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad value for config key discord.message-content-intent: expected true or false,"
                        + " got \"maybe\"")
                .hasMessageNotContaining("Cannot")
                .hasMessageNotContaining("coercion");
    }

    @Test
    void given_a_list_or_a_map_where_a_single_value_belongs_when_loading_then_it_fails_naming_the_key_and_the_type()
            throws IOException {
        assertThatThrownBy(() -> loader.load(write("search:\n  k: [1, 2]\n"), Map.of(), home))
                .hasMessage("bad value for config key search.k: expected a whole number, got [1,2]");
        assertThatThrownBy(() -> loader.load(write("model:\n  base-url: {a: 1}\n"), Map.of(), home))
                .hasMessage("bad value for config key model.base-url: expected text, got {\"a\":1}");
        assertThatThrownBy(() -> loader.load(write("model:\n  timeout: [1s]\n"), Map.of(), home))
                .hasMessage("bad value for config key model.timeout: expected a duration such as 500ms, 5s, 2m,"
                        + " 1h or 1d, got [\"1s\"]");
        assertThatThrownBy(() -> loader.load(write("feeds:\n  sources: [5]\n"), Map.of(), home))
                .hasMessage("bad value for config key feeds.sources[0]: expected a map of url, name, interval, keep,"
                        + " got 5");
    }

    @Test
    void given_a_mistyped_key_when_loading_then_the_key_meant_is_suggested() throws IOException {
        Path file = write("serch:\n  k: 4\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'serch'")
                .hasMessageContaining("did you mean 'search'?");
        Path nested = write("search:\n  kk: 4\n");
        assertThatThrownBy(() -> loader.load(nested, Map.of(), home)).hasMessageContaining("did you mean 'search.k'?");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_SEARCH_KK", "4"), home))
                .hasMessageContaining("did you mean TRADETALK_SEARCH_K?");
    }

    @Test
    void given_an_unknown_tradetalk_variable_when_loading_then_it_fails_like_an_unknown_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_SEARCH_KK", "4"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "unknown environment variable TRADETALK_SEARCH_KK: no config key is called " + "that");
    }

    @Test
    void given_the_launchers_own_variables_when_loading_then_they_are_accepted() {
        TradetalkConfig c = loader.load(
                null,
                Map.of(
                        "TRADETALK_LOG_LEVEL",
                        "debug",
                        "TRADETALK_JAVA_OPTS",
                        "-Xmx1g",
                        "TRADETALK_CDS",
                        "off",
                        "TRADETALK_MODEL_MAX_TOKENS",
                        "100",
                        "OTHER_VARIABLE",
                        "x"),
                home);

        assertThat(c.model().maxTokens()).isEqualTo(100);
    }

    @Test
    void given_a_log_level_logback_does_not_know_when_loading_then_it_fails_listing_the_levels() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_LOG_LEVEL", "LOUD"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessage("TRADETALK_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'LOUD'");
    }

    @Test
    void given_an_article_size_limit_when_loading_then_it_is_read_and_checked() throws IOException {
        assertThat(loader.load(null, Map.of(), home).index().maxArticleBytes()).isEqualTo(1_000_000);
        assertThat(loader.load(write("index:\n  max-article-bytes: 50000\n"), Map.of(), home)
                        .index()
                        .maxArticleBytes())
                .isEqualTo(50_000);
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_INDEX_MAX_ARTICLE_BYTES", "10"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("index.max-article-bytes must be 1000 to 1000000000, got 10");
    }

    @Test
    void given_no_setting_when_loading_then_unsupported_model_sentences_are_dropped() {
        TradetalkConfig c = loader.load(null, Map.of(), home);

        assertThat(c.answer().unsupportedPolicy()).isEqualTo(tradetalk.answer.support.UnsupportedPolicy.DROP);
        assertThat(c.answer().supportSimilarity()).isEqualTo(0.80);
        assertThat(loader.load(null, Map.of("TRADETALK_ANSWER_UNSUPPORTED", "mark"), home)
                        .answer()
                        .unsupportedPolicy())
                .isEqualTo(tradetalk.answer.support.UnsupportedPolicy.MARK);
    }

    @Test
    void given_an_unknown_unsupported_policy_when_loading_then_it_fails_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_ANSWER_UNSUPPORTED", "hide"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("answer.unsupported must be drop or mark, but was 'hide'");
        assertThatThrownBy(() -> loader.load(null, Map.of("TRADETALK_ANSWER_SUPPORT_SIMILARITY", "1.5"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("answer.support-similarity must be 0 to 1");
    }
}
