package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
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
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.retrieval.store.StoreFields;

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
    void given_a_hybrid_search_when_the_cluster_answers_then_no_passage_vector_comes_back() throws Exception {
        AtomicReference<byte[]> answer = new AtomicReference<>();
        proxy.rewrite("/_msearch", body -> {
            answer.set(body);
            return body;
        });
        try {
            List<SearchHit> hits = store.search(SearchRequest.of(QUESTION, 5));

            assertThat(hits).isNotEmpty();
        } finally {
            proxy.rewrite("/_msearch", null);
        }
        JsonNode responses = new ObjectMapper().readTree(answer.get()).get("responses");
        List<String> fieldsOfHits = new ArrayList<>();
        int bm25Cosines = 0;
        for (JsonNode r : responses) {
            for (JsonNode h : r.path("hits").path("hits")) {
                h.path("_source").fieldNames().forEachRemaining(fieldsOfHits::add);
                bm25Cosines += h.path("fields").has("query_cosine") ? 1 : 0;
            }
        }
        assertThat(fieldsOfHits).isNotEmpty().doesNotContain(StoreFields.VECTOR);
        assertThat(bm25Cosines).isPositive();
        assertThat(new String(answer.get(), StandardCharsets.UTF_8)).doesNotContain("\"" + StoreFields.VECTOR + "\"");
    }

    @Test
    void given_the_cosine_script_when_run_on_every_passage_then_it_equals_the_dot_product_of_the_stored_vector()
            throws Exception {
        float[] query = new RandomEmbedder(16).embedQuery(QUESTION);
        List<Float> q = StoredDocs.floats(query);
        SearchResponse<ObjectNode> r = store.client()
                .search(
                        s -> s.index(store.openSearchSettings().articlesIndex())
                                .query(StoredDocs.typeIs(StoreFields.PASSAGE))
                                .size(100)
                                .source(src -> src.fetch(true))
                                .scriptFields(
                                        "c",
                                        sf -> sf.script(sc -> sc.inline(in -> in.source(ClusterSearch.COSINE)
                                                .params("field", JsonData.of(StoreFields.VECTOR))
                                                .params("query", JsonData.of(q))))),
                        ObjectNode.class);

        List<Hit<ObjectNode>> passages = r.hits().hits();
        assertThat(passages).hasSizeGreaterThan(5);
        for (Hit<ObjectNode> h : passages) {
            double fromCluster = h.fields().get("c").to(JsonNode.class).get(0).asDouble();
            double here = Vectors.dot(StoredDocs.floats(h.source().get(StoreFields.VECTOR)), query);
            assertThat(fromCluster).as(h.id()).isEqualTo(here);
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
