package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.Article;

/** The bounded fetcher and the page fetcher against a local server: redirects, limits, charsets, robots.txt. */
class HttpFetchTest {

    LocalWeb web;
    List<URI> requested;
    HttpFetcher http;
    PageFetcher pages;

    @BeforeEach
    void setUp() throws Exception {
        web = new LocalWeb();
        requested = new CopyOnWriteArrayList<>();
        http = fetcher(Duration.ofSeconds(5));
        pages = new PageFetcher(http, new Robots(http));
    }

    private HttpFetcher fetcher(Duration timeout) {
        return new HttpFetcher(
                new FetchSettings("TradetalkBot/0.1 (test)", timeout, 20_000, 2),
                HostPolicy.only(Set.of("127.0.0.1")),
                requested::add);
    }

    @AfterEach
    void tearDown() {
        web.close();
        assertThat(requested).allSatisfy(u -> assertThat(u.getHost()).isEqualTo("127.0.0.1"));
    }

    @Test
    void given_redirects_within_the_limit_when_fetched_then_the_final_page_and_url_are_returned() throws Exception {
        web.redirect("/old", 301, "/older");
        web.redirect("/older", 302, web.base() + "/new");
        web.text("/new", "text/plain", "here");

        HttpResponseData r = http.get(web.url("/old"), Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.url()).isEqualTo(web.url("/new"));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("here");
    }

    @Test
    void given_too_many_redirects_when_fetched_then_it_fails_saying_so() {
        web.redirect("/a", 302, "/b");
        web.redirect("/b", 302, "/c");
        web.redirect("/c", 302, "/d");
        web.text("/d", "text/plain", "never reached");

        assertThatThrownBy(() -> http.get(web.url("/a"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("more than 2 redirects");
        assertThat(web.count("/d")).isZero();
    }

    @Test
    void given_a_redirect_to_a_disallowed_host_when_fetched_then_that_host_is_never_contacted() {
        web.redirect("/away", 302, "http://elsewhere.example.org/page");

        assertThatThrownBy(() -> http.get(web.url("/away"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("host not allowed")
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse());
        assertThat(requested).extracting(URI::getHost).containsOnly("127.0.0.1");
    }

    @Test
    void given_an_oversized_page_when_fetched_then_it_is_refused() {
        web.text("/huge", "text/html", "<p>" + "word ".repeat(10_000) + "</p>");

        assertThatThrownBy(() -> pages.fetch(web.url("/huge")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("larger than 20000 bytes")
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse());
    }

    @Test
    void given_a_server_that_stalls_when_fetched_then_the_fetch_times_out() {
        web.slow("/slow");
        HttpFetcher impatient = fetcher(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.get(web.url("/slow"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no complete answer within 300 ms")
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).isTrue());
    }

    @Test
    void given_redirect_hops_each_within_the_limit_but_slower_together_when_fetched_then_the_whole_fetch_times_out() {
        // each hop answers after 1 s, under the 1.5 s limit; the two together exceed it
        web.slowRedirect("/hop1", Duration.ofMillis(1000), "/hop2");
        web.slowRedirect("/hop2", Duration.ofMillis(1000), "/final");
        web.text("/final", "text/plain", "here");
        HttpFetcher impatient = fetcher(Duration.ofMillis(1500));

        assertThatThrownBy(() -> impatient.get(web.url("/hop1"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no complete answer within 1500 ms");
        assertThat(web.count("/final")).isZero();
    }

    @Test
    void given_a_missing_page_when_fetched_then_the_error_carries_the_status() {
        assertThatThrownBy(() -> pages.fetch(web.url("/missing")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 404")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(404))
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse());
    }

    @Test
    void given_a_windows_1252_page_declared_in_the_header_when_fetched_then_accents_survive() throws Exception {
        String body = "Négociations à Genève: les délégations ont évoqué les tarifs douaniers, l’acier et "
                + "l’aluminium « avec prudence », selon un communiqué publié après deux jours de réunions entre "
                + "les ministres chargés du commerce extérieur et leurs équipes techniques.";
        web.bytes(
                "/fr",
                "text/html; charset=windows-1252",
                Fixtures.page("Négociations à Genève", "Le Quotidien", "2025-05-13", body)
                        .replace("<meta charset=\"utf-8\">", ""),
                Charset.forName("windows-1252"));

        Article a = pages.fetch(web.url("/fr"));

        assertThat(a.meta().title()).isEqualTo("Négociations à Genève");
        assertThat(a.body()).contains("Genève", "l’acier", "« avec prudence »", "extérieur");
    }

    @Test
    void given_an_iso_8859_1_page_declared_only_in_meta_when_fetched_then_accents_survive() throws Exception {
        String body = "Die Verhandlungen über Zölle gingen am Dienstag weiter; beide Seiten äußerten sich "
                + "zurückhaltend über die Gespräche zu Exportkontrollen, Agrarkäufen und den Zugang für "
                + "Finanzdienstleister, wie Beamte nach dem Treffen in Genf mitteilten.";
        web.bytes(
                "/de",
                "text/html",
                Fixtures.page("Gespräche über Zölle", "Die Zeitung", "2025-05-13", body)
                        .replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">"),
                StandardCharsets.ISO_8859_1);

        Article a = pages.fetch(web.url("/de"));

        assertThat(a.meta().title()).isEqualTo("Gespräche über Zölle");
        assertThat(a.body()).contains("äußerten", "zurückhaltend", "Agrarkäufen");
    }

    @Test
    void given_robots_txt_disallowing_a_path_when_fetched_then_the_page_is_never_requested() {
        web.text("/robots.txt", "text/plain", "User-agent: TradetalkBot\nDisallow: /private/\n");
        web.text("/private/story", "text/html", Fixtures.page("Secret", "X", "2025-05-13", Fixtures.TRUCE));

        assertThatThrownBy(() -> pages.fetch(web.url("/private/story")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("robots.txt disallows");
        assertThat(web.count("/private/story")).isZero();
        assertThat(web.count("/robots.txt")).isEqualTo(1);
    }

    @Test
    void given_robots_txt_for_other_agents_when_fetched_then_our_page_is_fetched_and_rules_are_cached()
            throws Exception {
        web.text("/robots.txt", "text/plain", "User-agent: OtherBot\nDisallow: /\n");
        web.text("/s1", "text/html", Fixtures.page("Truce", "X", "2025-05-13", Fixtures.TRUCE));
        web.text("/s2", "text/html", Fixtures.page("Soy", "X", "2025-05-13", Fixtures.SOYBEANS));

        pages.fetch(web.url("/s1"));
        pages.fetch(web.url("/s2"));

        assertThat(web.count("/robots.txt")).isEqualTo(1);
        assertThat(web.count("/s1")).isEqualTo(1);
    }

    @Test
    void given_a_non_html_answer_when_fetched_then_it_is_refused() {
        web.text("/data.json", "application/json", "{}");

        assertThatThrownBy(() -> pages.fetch(web.url("/data.json")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("not an HTML page");
    }
}
