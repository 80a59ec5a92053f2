package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Canonical URLs, SimHash, back-off, keep filters and the Rome feed reader. */
class FeedPartsTest {

    @Test
    void canonical_url_drops_tracking_parameters_and_fragment_and_lower_cases_the_host() {
        assertThat(
                        CanonicalUrls.canonical(
                                "HTTPS://News.Example.COM:443/World/Story?id=7&utm_source=rss&fbclid=abc&gclid=x&page=2#comments"))
                .isEqualTo("https://news.example.com/World/Story?id=7&page=2");
        assertThat(CanonicalUrls.canonical("http://example.com")).isEqualTo("http://example.com/");
        assertThat(CanonicalUrls.canonical("http://example.com:8080/a?utm_medium=x"))
                .isEqualTo("http://example.com:8080/a");
        assertThat(CanonicalUrls.canonicalOrNull("mailto:someone@example.com")).isNull();
        assertThat(CanonicalUrls.canonicalOrNull("not a url")).isNull();
    }

    @Test
    void simhash_puts_a_syndicated_copy_near_and_a_different_story_far() {
        long truce = SimHash.of(Fixtures.TRUCE).orElseThrow();
        long copy = SimHash.of("By a staff reporter. " + Fixtures.TRUCE + " Copyright the outlet.")
                .orElseThrow();
        long soy = SimHash.of(Fixtures.SOYBEANS).orElseThrow();
        long round = SimHash.of(Fixtures.NEW_ROUND + " " + Fixtures.NEW_ROUND).orElseThrow();

        assertThat(SimHash.near(truce, copy)).isTrue();
        assertThat(SimHash.near(truce, soy)).isFalse();
        assertThat(SimHash.near(truce, round)).isFalse();
        assertThat(SimHash.of("too short to fingerprint")).isEmpty();
    }

    @Test
    void backoff_doubles_from_the_initial_wait_up_to_the_cap() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(b.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.delay(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(b.delay(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.delay(200)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void keep_filter_matches_keywords_as_whole_words_or_a_regular_expression() {
        FeedSource words =
                new FeedSource(URI.create("http://127.0.0.1/f"), "F", Duration.ofMinutes(5), "tariff, trade talks");
        FeedSource regex = new FeedSource(
                URI.create("http://127.0.0.1/f"), "F", Duration.ofMinutes(5), "/(us|u\\.s\\.)[- ]china/");

        assertThat(words.keeps("New Tariff on steel", "")).isTrue();
        assertThat(words.keeps("Bakery", "after the trade\ntalks ended")).isTrue();
        assertThat(words.keeps("Tariffing", "")).as("whole words only").isFalse();
        assertThat(words.keeps("Bakery wins award", "bread")).isFalse();
        assertThat(regex.keeps("U.S.-China relations", "")).isTrue();
        assertThat(regex.keeps("Europe", "")).isFalse();
        assertThatThrownBy(() ->
                        new FeedSource(URI.create("http://127.0.0.1/f"), "F", Duration.ofMinutes(5), "/(unclosed/"))
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new FeedSource(URI.create("ftp://127.0.0.1/f"), "F", Duration.ofMinutes(5), ""))
                .hasMessageContaining("http(s)");
    }

    @Test
    void feed_reader_reads_rss_1_0_and_atom_with_dates_and_plain_text() throws Exception {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://127.0.0.1/"><title>RDF</title><link>http://127.0.0.1/</link>
                    <description>d</description></channel>
                  <item rdf:about="http://127.0.0.1/x"><title>Tariffs &amp; talks</title>
                    <link>http://127.0.0.1/x</link><description>&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description>
                    <dc:date>2025-05-13T08:00:00Z</dc:date></item>
                </rdf:RDF>
                """;
        FeedReader.Parsed p = FeedReader.parse(rdf.getBytes(StandardCharsets.UTF_8), "application/rdf+xml");

        assertThat(p.title()).isEqualTo("RDF");
        assertThat(p.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Tariffs & talks");
            assertThat(i.link()).isEqualTo("http://127.0.0.1/x");
            assertThat(i.summary()).isEqualTo("First.\n\nSecond.");
            assertThat(i.publishedAt()).isEqualTo(LocalDate.of(2025, 5, 13));
        });

        FeedReader.Parsed atom = FeedReader.parse(
                Fixtures.atom("A", new String[] {"urn:1", "http://127.0.0.1/y", "Y", "Summary", "2025-05-12T23:00:00Z"})
                        .getBytes(StandardCharsets.UTF_8),
                "application/atom+xml");
        assertThat(atom.items()).singleElement().satisfies(i -> {
            assertThat(i.guid()).isEqualTo("urn:1");
            assertThat(i.publishedAt()).isEqualTo(LocalDate.of(2025, 5, 12));
        });
    }

    @Test
    void given_items_at_21_00_eastern_time_when_read_then_they_keep_the_publishers_day_like_pages_do()
            throws Exception {
        // 21:00 EST on 18 Nov is 02:00 UTC on 19 Nov: the publisher's day is the 18th, for feeds and pages alike
        FeedReader.Parsed rss = FeedReader.parse(
                Fixtures.rss(
                                "R",
                                new String[] {"r1", "http://127.0.0.1/r1", "R1", "S", "Mon, 18 Nov 2019 21:00:00 EST"},
                                new String[] {"r2", "http://127.0.0.1/r2", "R2", "S", "Mon, 18 Nov 2019 21:00:00 -0500"
                                })
                        .getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");
        FeedReader.Parsed atom = FeedReader.parse(
                Fixtures.atom("A", new String[] {"urn:2", "http://127.0.0.1/a", "A", "S", "2019-11-18T21:00:00-05:00"})
                        .getBytes(StandardCharsets.UTF_8),
                "application/atom+xml");

        assertThat(rss.items())
                .extracting(FeedItem::publishedAt)
                .containsExactly(LocalDate.of(2019, 11, 18), LocalDate.of(2019, 11, 18));
        assertThat(atom.items()).extracting(FeedItem::publishedAt).containsExactly(LocalDate.of(2019, 11, 18));
        assertThat(tradetalk.ingest.parse.Dates.parse("2019-11-18T21:00:00-05:00"))
                .isEqualTo(atom.items().get(0).publishedAt());
    }

    @Test
    void feed_reader_refuses_a_doctype_with_an_external_entity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&x;</title><link>http://127.0.0.1/</link>
                <description>d</description></channel></rss>
                """;
        assertThatThrownBy(() -> FeedReader.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(FetchException.class);
    }
}
