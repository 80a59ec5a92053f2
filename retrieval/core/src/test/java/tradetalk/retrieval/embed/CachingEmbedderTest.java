package tradetalk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

    @Test
    void given_texts_seen_before_when_embedded_again_then_only_new_ones_reach_the_model_and_order_is_kept() {
        RecordingEmbedder model = new RecordingEmbedder(8);
        CachingEmbedder cached = new CachingEmbedder(model, 100);

        List<float[]> first = cached.embedPassages(List.of("a", "b", "a"));
        List<float[]> second = cached.embedPassages(List.of("c", "b", "a"));

        assertThat(model.embedded()).containsExactly("a", "b", "c");
        assertThat(first.get(0))
                .isEqualTo(model.model.embedPassages(List.of("a")).getFirst());
        assertThat(first.get(2)).isEqualTo(first.get(0));
        assertThat(second.get(1)).isEqualTo(first.get(1));
        assertThat(second.get(0))
                .isEqualTo(model.model.embedPassages(List.of("c")).getFirst());
    }

    @Test
    void given_a_full_cache_when_more_texts_come_then_results_are_still_complete() {
        RecordingEmbedder model = new RecordingEmbedder(8);
        CachingEmbedder cached = new CachingEmbedder(model, 1);

        List<float[]> out = cached.embedPassages(List.of("a", "b", "c", "a"));

        assertThat(out).hasSize(4).doesNotContainNull();
        assertThat(out.get(3)).isEqualTo(out.get(0));
    }
}
