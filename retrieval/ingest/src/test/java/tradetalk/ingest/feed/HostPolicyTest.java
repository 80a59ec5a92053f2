package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The default policy keeps fetches off the operator's internal network. */
class HostPolicyTest {

    private final HostPolicy policy = HostPolicy.publicHosts();

    @Test
    void given_internal_addresses_when_checked_then_they_are_refused() {
        for (String url : new String[] {
            "http://127.0.0.1/",
            "http://localhost:8080/",
            "http://10.0.0.5/feed",
            "http://172.16.3.4/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/"
        }) {
            assertThat(policy.allows(URI.create(url))).as(url).isFalse();
        }
    }

    @Test
    void given_public_addresses_or_other_schemes_when_checked_then_only_public_http_passes() {
        assertThat(policy.allows(URI.create("https://8.8.8.8/news"))).isTrue();
        assertThat(policy.allows(URI.create("http://[2001:4860:4860::8888]/"))).isTrue();
        assertThat(policy.allows(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(policy.allows(URI.create("ftp://8.8.8.8/"))).isFalse();
    }

    @Test
    void given_a_refused_host_when_asked_why_then_the_answer_names_the_settings_that_would_allow_it() {
        assertThat(policy.refusal(URI.create("http://10.0.0.5/feed")))
                .isEqualTo("host 10.0.0.5 has the private address 10.0.0.5; list it in feeds.allow-hosts, or set "
                        + "feeds.allow-private-addresses: true");
        assertThat(HostPolicy.only(java.util.Set.of("127.0.0.1", "feeds.example.com"))
                        .refusal(URI.create("https://news.example.org/a")))
                .isEqualTo("host news.example.org is not in feeds.allow-hosts [127.0.0.1, feeds.example.com]");
        assertThat(policy.refusal(URI.create("file:///etc/passwd"))).isEqualTo("only http and https URLs are fetched");
    }
}
