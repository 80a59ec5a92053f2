package tradetalk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model's embedder: a query embedded ahead of its search gives that search the very same vector. */
class BgeSmallEmbedderTest {

    @Test
    void given_a_load_in_flight_when_settling_before_exit_then_it_has_ended() {
        new BgeSmallEmbedder().prepare();

        BgeSmallEmbedder.settle();

        assertThat(BgeSmallEmbedder.loadEnded()).isTrue();
    }

    @Test
    void given_a_query_embedded_ahead_when_it_is_searched_then_the_search_takes_that_vector() {
        BgeSmallEmbedder e = new BgeSmallEmbedder();
        String q = "Who did Liu He speak with on the phone?";
        e.prepare();
        e.embedQueryAhead(q);
        assertThat(BgeSmallEmbedder.aheadPending(q))
                .as("embedded ahead, waiting for its search")
                .isTrue();

        float[] ahead = e.embedQuery(q);

        assertThat(BgeSmallEmbedder.aheadPending(q))
                .as("the search took the vector")
                .isFalse();
        // the vector embedded ahead is the query's own (with the query instruction), not a passage's
        assertThat(ahead).containsExactly(e.embedQuery(q)).hasSize(384);
        assertThat(e.embedPassages(List.of(q)).getFirst()).isNotEqualTo(ahead);
    }
}
