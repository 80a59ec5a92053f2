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
    void given_a_query_embedded_ahead_when_it_is_searched_then_the_vector_is_the_one_embedding_it_then_gives() {
        BgeSmallEmbedder e = new BgeSmallEmbedder();
        String q = "Who did Liu He speak with on the phone?";
        e.prepare();
        e.embedQueryAhead(q);

        float[] ahead = e.embedQuery(q);
        float[] now = e.embedQuery(q); // the ahead vector was taken: this one is embedded afresh

        assertThat(ahead).containsExactly(now);
        assertThat(ahead).hasSize(384);
        // a query not embedded ahead is embedded as before, and differs from the first
        assertThat(e.embedQuery("When do the tariffs take effect?")).isNotEqualTo(ahead);
        // a passage is not a query (no instruction): its vector differs
        assertThat(e.embedPassages(List.of(q)).getFirst()).isNotEqualTo(ahead);
    }
}
