package tradetalk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchExceptionTest {

    @Test
    void given_http_errors_when_classified_then_only_server_errors_may_pass() {
        assertThat(FetchException.http("x answered HTTP 503", 503).isTransient())
                .isTrue();
        assertThat(FetchException.http("x answered HTTP 404", 404).isTransient())
                .isFalse();
        assertThat(FetchException.http("x answered HTTP 404", 404).status()).isEqualTo(404);
    }

    @Test
    void given_a_failure_with_a_cause_when_classified_then_the_flag_not_the_cause_decides() {
        IllegalStateException cause = new IllegalStateException("boom");

        assertThat(FetchException.permanent("no article text", cause).isTransient())
                .isFalse();
        assertThat(FetchException.transientFailure("connection refused", null).isTransient())
                .isTrue();
    }
}
