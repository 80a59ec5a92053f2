package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IPv6 addresses that carry an IPv4 address, and numeric hosts the JDK does not read, are judged by the address they
 * reach: refused before any request is made (the fetcher's request hook records every request it would send), for a
 * feed or page URL and for a redirect alike, with the refusal naming the address.
 */
class EmbeddedAddressTest {

    static final List<String> CARRYING_METADATA = List.of(
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[64:ff9b:1::a9fe:a9fe]/",
            "http://[2002:a9fe:a9fe::]/",
            "http://[::a9fe:a9fe]/",
            "http://[::ffff:0:a9fe:a9fe]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[2001:0:a9fe:a9fe::1]/",
            "http://[2001:0:4136:e378:8000:63bf:5601:5601]/", // Teredo client 169.254.169.254 (inverted bits)
            "http://[64:ff9b::a00:5]/", // NAT64 10.0.0.5
            "http://[2002:7f00:1::]/", // 6to4 127.0.0.1
            "http://0xA9FEA9FE/",
            "http://2852039166/",
            "http://0251.0376.0251.0376/",
            "http://0xa9.0xfe.0xa9.0xfe/");

    LocalWeb web;
    List<URI> requested;
    HttpFetcher http;

    @BeforeEach
    void setUp() throws Exception {
        web = new LocalWeb();
        requested = new CopyOnWriteArrayList<>();
        HostPolicy publicOnly = HostPolicy.publicHosts();
        // the test server on 127.0.0.1 is allowed; everything else must pass the public-address rule
        HostPolicy policy = new HostPolicy() {
            @Override
            public boolean allows(URI url) {
                return "127.0.0.1".equals(url.getHost()) || publicOnly.allows(url);
            }

            @Override
            public String refusal(URI url) {
                return publicOnly.refusal(url);
            }
        };
        http = new HttpFetcher(
                new FetchSettings("TradetalkBot/0.1 (test)", Duration.ofSeconds(5), 20_000, 3), policy, requested::add);
    }

    @AfterEach
    void tearDown() {
        web.close();
        assertThat(requested).allSatisfy(u -> assertThat(u.getHost()).isEqualTo("127.0.0.1"));
    }

    @Test
    void given_ipv6_forms_carrying_an_internal_ipv4_when_fetched_then_nothing_is_requested_and_the_address_is_named() {
        for (String url : CARRYING_METADATA) {
            assertThatThrownBy(() -> http.get(URI.create(url), Map.of()))
                    .as(url)
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("host not allowed")
                    .hasMessageMatching("(?s).*(169\\.254\\.169\\.254|10\\.0\\.0\\.5|127\\.0\\.0\\.1).*");
        }
        assertThat(requested).isEmpty();
    }

    @Test
    void given_a_redirect_to_an_embedded_internal_address_when_fetched_then_the_hop_is_refused_before_connecting() {
        web.redirect("/hop", 302, "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/");

        assertThatThrownBy(() -> http.get(web.url("/hop"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("carries the link-local IPv4 address 169.254.169.254 (NAT64 64:ff9b::/96)");
        assertThat(requested).containsExactly(web.url("/hop"));
    }

    @Test
    void given_each_form_when_checked_then_the_refusal_names_the_form_and_the_ipv4_inside() {
        HostPolicy policy = HostPolicy.publicHosts();
        assertThat(policy.refusal(URI.create("http://[2002:a9fe:a9fe::]/")))
                .contains("carries the link-local IPv4 address 169.254.169.254 (6to4 2002::/16)");
        assertThat(policy.refusal(URI.create("http://[::ffff:0:a9fe:a9fe]/")))
                .contains("169.254.169.254 (IPv4-translated ::ffff:0:0:0/96)");
        assertThat(policy.refusal(URI.create("http://[::a9fe:a9fe]/")))
                .contains("169.254.169.254 (IPv4-compatible ::/96)");
        assertThat(policy.refusal(URI.create("http://[64:ff9b:1::a9fe:a9fe]/")))
                .contains("169.254.169.254 (local-use NAT64 64:ff9b:1::/48)");
        assertThat(policy.refusal(URI.create("http://[64:ff9b:1::808:808]/"))).contains("local-use NAT64 address");
        assertThat(policy.refusal(URI.create("http://0xA9FEA9FE/")))
                .isEqualTo("host 0xA9FEA9FE has the link-local address 169.254.169.254; list it in "
                        + "feeds.allow-hosts, or set feeds.allow-private-addresses: true");
    }

    @Test
    void given_forms_carrying_a_public_ipv4_when_checked_then_they_pass() {
        HostPolicy policy = HostPolicy.publicHosts();
        assertThat(policy.allows(URI.create("http://[64:ff9b::808:808]/"))).isTrue();
        assertThat(policy.allows(URI.create("http://[2002:808:808::1]/"))).isTrue();
        assertThat(policy.allows(URI.create("http://[2001:4860:4860::8888]/"))).isTrue();
    }

    @Test
    void given_a_shortened_ipv4_url_when_its_host_is_asked_for_then_the_answer_says_what_it_stands_for() {
        assertThat(HostPolicy.unreadableHost(URI.create("http://127.1/")))
                .isEqualTo("'127.1' is a shortened or non-decimal form of the IPv4 address 127.0.0.1, which URLs "
                        + "here must write in full (a.b.c.d)");
        assertThat(HostPolicy.unreadableHost(URI.create("http://127.0.0.1/"))).isNull();
        assertThat(HostPolicy.unreadableHost(URI.create("http://bad_name!/"))).contains("not a valid host name");
    }

    @Test
    void given_a_name_that_does_not_resolve_when_described_then_it_says_unknown_host_not_connection_refused() {
        // how the JDK client reports a name it could not resolve: a ConnectException without a message
        ConnectException failure = new ConnectException();
        failure.initCause(new UnresolvedAddressException());

        assertThat(HttpFetcher.inWords(URI.create("http://metadata.google.internal/"), failure))
                .isEqualTo("unknown host metadata.google.internal (the name does not resolve)");
    }
}
