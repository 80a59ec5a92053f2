package tradetalk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sentences with stored vectors are not embedded again; the rest go to the model, in one call. */
class StoredSentenceEmbedderTest {

    @Test
    void given_some_stored_vectors_when_embedding_sentences_then_only_the_others_reach_the_model_and_order_holds() {
        RecordingEmbedder model = new RecordingEmbedder(8);
        float[] stored = new float[] {1, 0, 0, 0, 0, 0, 0, 0};
        Map<String, float[]> db = new HashMap<>(Map.of("b", stored));
        StoredSentenceEmbedder e = new StoredSentenceEmbedder(model, texts -> {
            Map<String, float[]> out = new HashMap<>();
            texts.forEach(t -> {
                if (db.containsKey(t)) {
                    out.put(t, db.get(t));
                }
            });
            return out;
        });

        List<float[]> got = e.embedPassages(List.of("a", "b", "c", "a"));

        assertThat(model.calls).containsExactly(List.of("a", "c"));
        RandomEmbedder plain = new RandomEmbedder(8);
        assertThat(got.get(0)).containsExactly(plain.embedPassages(List.of("a")).getFirst());
        assertThat(got.get(1)).isSameAs(stored);
        assertThat(got.get(2)).containsExactly(plain.embedPassages(List.of("c")).getFirst());
        assertThat(got.get(3)).containsExactly(got.get(0));
    }

    @Test
    void given_every_sentence_stored_when_embedding_then_the_model_is_not_called() {
        RecordingEmbedder model = new RecordingEmbedder(8);
        float[] v = new float[8];
        StoredSentenceEmbedder e = new StoredSentenceEmbedder(model, texts -> Map.of("x", v, "y", v));

        assertThat(e.embedPassages(List.of("x", "y"))).containsExactly(v, v);
        assertThat(model.calls).isEmpty();
    }

    @Test
    void given_no_stored_vectors_when_embedding_then_the_model_gets_the_call_unchanged() {
        RecordingEmbedder model = new RecordingEmbedder(8);
        StoredSentenceEmbedder e = new StoredSentenceEmbedder(model, SentenceVectors.NONE);

        e.embedPassages(List.of("x", "x"));

        assertThat(model.calls).containsExactly(List.of("x", "x"));
    }
}
