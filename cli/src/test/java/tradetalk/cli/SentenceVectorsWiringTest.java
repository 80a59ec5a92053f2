package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.cli.config.ConfigLoader;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.retrieval.embed.RecordingEmbedder;

/**
 * With {@code index.sentence-vectors} on (the default), answers read the sentence vectors ingest stored and the model
 * embeds only the question; with it off, answers embed the candidate sentences; the answers are the same.
 */
class SentenceVectorsWiringTest {

    @TempDir
    Path home;

    private static final Path SEEDS = Path.of("..", "data", "articles");
    private static final String QUESTION = "Who did Liu He speak with on the phone?";

    private record Run(CitedAnswer answer, List<List<String>> passageCallsWhileAnswering) {}

    private Run answer(Map<String, String> env, String indexDir) {
        TradetalkConfig config = new ConfigLoader().load(null, env, home.resolve(indexDir));
        RecordingEmbedder embedder = new RecordingEmbedder(32);
        try (Tradetalk tt = new Tradetalk(config, embedder)) {
            tt.ingest(List.of(SEEDS.toAbsolutePath()));
            tt.index().settle();
            embedder.calls.clear();
            CitedAnswer a = tt.answers().answer(new AnswerRequest(QUESTION, List.of(), 8, null));
            return new Run(a, List.copyOf(embedder.calls));
        }
    }

    @Test
    void given_the_default_config_when_answering_then_no_sentence_reaches_the_model() {
        Run on = answer(Map.of("TRADETALK_INDEX_ARTICLES", ""), "on");

        // the composer ran on retrieved passages (random test vectors may make it abstain: it still weighs sentences)
        assertThat(on.answer().citations().size() + on.answer().nearest().size())
                .isPositive();
        assertThat(on.passageCallsWhileAnswering()).isEmpty();
    }

    @Test
    void given_sentence_vectors_off_when_answering_then_the_sentences_are_embedded_and_the_answer_is_the_same() {
        Run on = answer(Map.of("TRADETALK_INDEX_ARTICLES", ""), "on");
        Run off = answer(Map.of("TRADETALK_INDEX_ARTICLES", "", "TRADETALK_INDEX_SENTENCE_VECTORS", "false"), "off");

        assertThat(off.passageCallsWhileAnswering()).isNotEmpty();
        assertThat(off.answer().answer()).isEqualTo(on.answer().answer());
        assertThat(off.answer().citations()).isEqualTo(on.answer().citations());
    }
}
