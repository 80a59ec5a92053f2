package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.offline.OfflineComposer;
import tradetalk.answer.offline.OfflineSettings;
import tradetalk.answer.service.AnswerService;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/**
 * How many requests a search and an answer cost on OpenSearch, counted at a proxy in front of the node: a bounded
 * few, whatever the number of candidates or of the question's terms.
 */
@ExtendWith(OpenSearchClusterExtension.class)
class OpenSearchRequestsTest {

    private static final String QUESTION = "What did Kudlow say about the phase one trade deal with China?";

    private static CountingProxy proxy;
    private static OpenSearchArticleStore store;

    @BeforeAll
    static void ingestSeeds(OpenSearchTestCluster cluster) throws Exception {
        proxy = CountingProxy.to(cluster.urls().getFirst());
        SearchSettings d = SearchSettings.defaults();
        // adaptive weights (coverage, so idfs) and recency (the newest passage): everything the ranking can ask
        SearchSettings settings = new SearchSettings(
                d.candidates(),
                d.denseWeight(),
                d.lexicalWeight(),
                d.titleBoost(),
                0.2,
                30,
                d.fusion(),
                d.dateBoost(),
                SearchSettings.Weights.ADAPTIVE);
        store = OpenSearchArticleStore.open(
                TestIndexes.settings(List.of(proxy.url()), "requests", 2, 0),
                new RandomEmbedder(16),
                new Chunker(120, 0),
                settings,
                256);
        store.ingest(new ArticleReader()
                .read(List.of(Path.of(
                        OpenSearchRequestsTest.class.getResource("/seeds").toURI())))
                .articles());
    }

    @AfterAll
    static void deleteIndex() {
        store.deleteIndex();
        store.close();
        proxy.close();
    }

    @Test
    void given_adaptive_weights_and_recency_when_searching_hybrid_then_one_msearch_is_the_only_request() {
        for (LocalDate asOf : new LocalDate[] {null, LocalDate.of(2019, 11, 20)}) {
            proxy.reset();

            List<SearchHit> hits = store.search(SearchRequest.of(QUESTION, 5).withAsOf(asOf));

            assertThat(hits).isNotEmpty();
            assertThat(proxy.requests()).containsExactly("POST /_msearch");
        }
    }

    @Test
    void given_the_offline_composer_when_answering_then_the_idfs_of_the_question_cost_one_request_and_the_same_answer()
            throws Exception {
        OfflineComposer batched = new OfflineComposer(store, new RandomEmbedder(16), OfflineSettings.defaults());
        OfflineComposer perTerm = new OfflineComposer(
                t -> store.idf(t), new RandomEmbedder(16), OfflineSettings.defaults()); // one request per term
        AnswerRequest ask = AnswerRequest.of(QUESTION, 5);

        proxy.reset();
        CitedAnswer one = new AnswerService(store, batched, batched).answer(ask);
        List<String> batchedRequests = proxy.requests();
        proxy.reset();
        CitedAnswer other = new AnswerService(store, perTerm, perTerm).answer(ask);
        List<String> perTermRequests = proxy.requests();

        // the search, then the question's idfs
        assertThat(batchedRequests).containsExactly("POST /_msearch", "POST /_msearch");
        assertThat(perTermRequests.size()).isGreaterThan(5);
        assertThat(one.answer()).isEqualTo(other.answer());
        assertThat(one.abstained()).isEqualTo(other.abstained());
        assertThat(one.citations()).isEqualTo(other.citations());
    }
}
