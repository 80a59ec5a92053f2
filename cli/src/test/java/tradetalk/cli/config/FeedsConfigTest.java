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
import tradetalk.ingest.feed.FeedSource;

class FeedsConfigTest {

    @TempDir
    Path home;

    private final ConfigLoader loader = new ConfigLoader();

    private Path write(String yaml) throws IOException {
        Path f = home.resolve("t.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void given_a_max_items_of_zero_when_loading_then_it_fails_naming_the_key() throws IOException {
        Path file = write("feeds:\n  max-items: 0\n");

        assertThatThrownBy(() -> loader.load(file, Map.of(), home))
                .hasMessageContaining("feeds.max-items must be 1 to 100000, got 0");
    }

    @Test
    void given_the_defaults_then_there_are_no_feeds_and_articles_are_kept_forever() {
        TradetalkConfig c = loader.load(null, Map.of(), home);

        assertThat(c.feeds().feedSources()).isEmpty();
        assertThat(c.feeds().fetchSettings().maxRedirects()).isEqualTo(5);
        assertThat(c.feeds().maxItems()).isEqualTo(200);
        assertThat(c.feeds().fetchSettings().userAgent()).startsWith("TradetalkBot/0.1");
        assertThat(c.index().maxAgeDuration()).isNull();
        assertThat(c.feeds().hostPolicy().allows(URI.create("https://example.com/")))
                .isTrue();
        assertThat(c.feeds().hostPolicy().allows(URI.create("http://127.0.0.1:8080/admin")))
                .isFalse();
        assertThat(c.feeds().hostPolicy().allows(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isFalse();
    }

    @Test
    void given_sources_in_the_file_then_they_load_with_defaults_for_what_is_left_out() throws IOException {
        TradetalkConfig c = loader.load(write("""
                index:
                  max-age: 365d
                feeds:
                  sources:
                    - url: https://example.com/rss.xml
                      name: Example
                      interval: 15m
                      keep: "tariff, /u\\\\.s\\\\.-china/"
                    - url: https://other.example.org/atom
                """), Map.of(), home);

        assertThat(c.feeds().feedSources())
                .extracting(FeedSource::name, FeedSource::interval)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Example", Duration.ofMinutes(15)),
                        org.assertj.core.groups.Tuple.tuple("other.example.org", Duration.ofMinutes(30)));
        assertThat(c.feeds().feedSources().getFirst().keeps("Tariff news", "")).isTrue();
        assertThat(c.index().maxAgeDuration()).isEqualTo(Duration.ofDays(365));
        assertThat(c.withIndexDir(home.resolve("other")).index().maxAge()).isEqualTo("365d");
    }

    @Test
    void given_feed_urls_in_the_environment_then_each_becomes_a_source() {
        TradetalkConfig c = loader.load(
                null,
                Map.of(
                        "TRADETALK_FEEDS_SOURCES",
                        "https://a.example.com/rss, https://b.example.com/atom",
                        "TRADETALK_FEEDS_ALLOW_HOSTS",
                        "127.0.0.1"),
                home);

        assertThat(c.feeds().feedSources())
                .extracting(f -> f.url().toString())
                .containsExactly("https://a.example.com/rss", "https://b.example.com/atom");
        assertThat(c.feeds().hostPolicy().allows(URI.create("https://a.example.com/rss")))
                .isFalse();
        assertThat(c.feeds().hostPolicy().allows(URI.create("http://127.0.0.1:8080/rss")))
                .isTrue();
    }

    @Test
    void given_bad_feed_settings_then_loading_fails_naming_the_key() throws IOException {
        assertThatThrownBy(() -> loader.load(write("feeds:\n  sources:\n    - name: no url\n"), Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feeds.sources[0].url must be set");
        assertThatThrownBy(() ->
                        loader.load(write("feeds:\n  sources:\n    - url: ftp://x.example.com/f\n"), Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feeds.sources[0]")
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> loader.load(
                        write("feeds:\n  sources:\n    - url: https://x.example.com/f\n" + "      keep: /(oops/\n"),
                        Map.of(),
                        home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> loader.load(
                        write("feeds:\n  sources:\n    - url: https://x.example.com/f\n" + "      colour: red\n"),
                        Map.of(),
                        home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> loader.load(write("feeds:\n  max-redirects: 50\n"), Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feeds.max-redirects");
        assertThatThrownBy(() -> loader.load(write("index:\n  max-age: forever\n"), Map.of(), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("index.max-age");
    }

    @Test
    void given_allow_private_addresses_when_no_hosts_are_listed_then_internal_addresses_may_be_fetched() {
        TradetalkConfig c =
                new ConfigLoader().load(null, Map.of("TRADETALK_FEEDS_ALLOW_PRIVATE_ADDRESSES", "true"), Path.of("."));

        assertThat(c.feeds().hostPolicy().allows(URI.create("http://10.1.2.3/rss")))
                .isTrue();
        assertThat(c.feeds().hostPolicy().allows(URI.create("ftp://10.1.2.3/rss")))
                .isFalse();
    }

    @Test
    void given_the_defaults_then_the_bot_refreshes_feeds_and_an_override_turns_that_off() {
        assertThat(loader.load(null, Map.of(), home).feeds().refresh()).isTrue();
        assertThat(loader.load(null, Map.of("TRADETALK_FEEDS_REFRESH", "false"), home)
                        .feeds()
                        .refresh())
                .isFalse();
    }
}
