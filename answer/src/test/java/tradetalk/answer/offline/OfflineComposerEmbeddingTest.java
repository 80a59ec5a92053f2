package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.Composition;
import tradetalk.answer.SeedIndex;
import tradetalk.answer.service.AnswerService;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.CachingEmbedder;
import tradetalk.store.lucene.ArticleIndex;

/**
 * How often an offline answer runs the embedding model (real bge-small over the seed index): the question once, by
 * retrieval (the composer reuses its vector), and the sentences it compares in one call; and the answers are the
 * same as when the composer embeds everything itself.
 */
class OfflineComposerEmbeddingTest {

    /** Every path of the composer: quoted sentences, a near miss, a day, the latest, a typed question. */
    static final List<String> QUESTIONS = List.of(
            "Who did Liu He speak with on the phone about the phase one deal?",
            "What would China buy under the phase one deal?",
            "What did Angela Merkel say about the trade talks?",
            "What happened on November 26?",
            "What is the latest on the deal?",
            "Where do the talks stand now?",
            "How did the stock market react to the trade news in November?",
            "Why did talks break down about six months earlier?");

    static List<String> questions() {
        return QUESTIONS;
    }

    @TempDir
    static Path dir;

    static CountingEmbedder model;
    static ArticleIndex index;

    @BeforeAll
    static void build() {
        model = new CountingEmbedder(SeedIndex.embedder());
        index = SeedIndex.build(dir, model);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @BeforeEach
    void reset() {
        model.reset();
    }

    /** A composer with an empty sentence cache, over the counted model. */
    private static OfflineComposer composer() {
        return new OfflineComposer(index::idf, new CachingEmbedder(model, 10_000), OfflineSettings.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void given_a_question_when_answered_then_the_model_embeds_it_once_and_the_sentences_in_one_call(String question) {
        OfflineComposer offline = composer();
        AnswerService answers = new AnswerService(index, offline, offline);

        CitedAnswer a = answers.answer(new AnswerRequest(question, List.of(), 8, LocalDate.of(2019, 11, 27)));

        assertThat(a.answer()).isNotBlank();
        assertThat(model.queries).containsExactly(question);
        assertThat(model.passageCalls).hasSize(1);
        assertThat(model.passageCalls.getFirst()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void given_hits_without_the_query_vector_when_composed_then_the_answer_is_the_same(String question) {
        List<SearchHit> hits = index.search(SearchRequest.of(question, 8).withAsOf(LocalDate.of(2019, 11, 27)));
        List<SearchHit> bare = hits.stream()
                .map(h -> new SearchHit(h.passage(), h.score(), h.lexical(), h.dense()))
                .toList();
        model.reset();

        Composition reused = composer().compose(question, hits, s -> {});
        assertThat(model.queries).isEmpty();
        Composition embedded = composer().compose(question, bare, s -> {});

        assertThat(model.queries).containsExactly(question);
        assertThat(reused).isEqualTo(embedded);
        assertThat(reused.answer()).isNotBlank();
    }
}
