package tradetalk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.bot.FeedbackStore;
import tradetalk.store.opensearch.OpenSearchClients;
import tradetalk.store.opensearch.OpenSearchSettings;

/**
 * Feedback votes in the OpenSearch index {@code <opensearch.index>-feedback}, shared by every bot process of the
 * cluster: one document per user and answer (id {@code <answer>:<user>}), so a later vote replaces the earlier one
 * wherever it was cast. A vote is refreshed before it returns, so the tally it returns counts it.
 */
public final class OpenSearchFeedbackStore implements FeedbackStore {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchFeedbackStore.class);
    private static final String ANSWER = "answerId";
    private static final String HELPFUL = "helpful";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final OpenSearchSettings settings;
    private final OpenSearchClient client;
    private final String index;

    private OpenSearchFeedbackStore(OpenSearchSettings settings, OpenSearchClient client) {
        this.settings = settings;
        this.client = client;
        this.index = settings.feedbackIndex();
    }

    /** Connects and makes the feedback index when it is missing. */
    public static OpenSearchFeedbackStore open(OpenSearchSettings settings) {
        OpenSearchFeedbackStore s = new OpenSearchFeedbackStore(settings, OpenSearchClients.create(settings));
        try {
            s.ensureIndex();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void ensureIndex() {
        call("checking index " + index, () -> {
            boolean made = OpenSearchClients.createIfMissing(
                    client,
                    CreateIndexRequest.of(c -> c.index(index)
                            .settings(x -> x.numberOfShards(1).numberOfReplicas(settings.replicas()))
                            .mappings(m -> m.properties(ANSWER, p -> p.keyword(k -> k))
                                    .properties("userId", p -> p.keyword(k -> k))
                                    .properties(HELPFUL, p -> p.boolean_(b -> b))
                                    .properties("time", p -> p.date(d -> d))
                                    .properties("question", p -> p.text(t -> t.index(false)))
                                    .properties("answer", p -> p.text(t -> t.index(false)))
                                    .properties("sources", p -> p.keyword(k -> k.index(false))))));
            if (made) {
                log.info("Created OpenSearch index {} for feedback", index);
            }
            return null;
        });
    }

    private static String id(String answerId, String userId) {
        return answerId + ":" + userId;
    }

    @Override
    public Tally record(Vote vote) {
        ObjectNode doc = json.valueToTree(vote);
        call(
                "recording feedback in index " + index,
                () -> client.index(i -> i.index(index)
                        .id(id(vote.answerId(), vote.userId()))
                        .document(doc)
                        .refresh(Refresh.True)));
        return tally(vote.answerId());
    }

    @Override
    public Tally tally(String answerId) {
        Query answer = Query.of(q -> q.term(t -> t.field(ANSWER).value(FieldValue.of(answerId))));
        long all = call(
                        "reading index " + index,
                        () -> client.count(c -> c.index(index).query(answer)))
                .count();
        long up = call(
                        "reading index " + index,
                        () -> client.count(c -> c.index(index)
                                .query(q -> q.bool(b -> b.filter(answer)
                                        .filter(f ->
                                                f.term(t -> t.field(HELPFUL).value(FieldValue.of(true))))))))
                .count();
        return new Tally((int) up, (int) (all - up));
    }

    @Override
    public Optional<Vote> vote(String answerId, String userId) {
        GetResponse<ObjectNode> g = call(
                "reading index " + index,
                () -> client.get(r -> r.index(index).id(id(answerId, userId)), ObjectNode.class));
        return g.found() && g.source() != null ? Optional.of(toVote(g.source())) : Optional.empty();
    }

    @Override
    public Optional<Vote> anyVote(String answerId) {
        var r = call(
                "reading index " + index,
                () -> client.search(
                        s -> s.index(index)
                                .query(q -> q.term(t -> t.field(ANSWER).value(FieldValue.of(answerId))))
                                .size(1),
                        ObjectNode.class));
        return r.hits().hits().stream().map(h -> toVote(h.source())).findFirst();
    }

    @Override
    public List<Vote> recentVotes(int limit) {
        var r = call(
                "reading index " + index,
                () -> client.search(
                        s -> s.index(index)
                                .query(q -> q.matchAll(m -> m))
                                .sort(o -> o.field(f -> f.field("time").order(SortOrder.Desc)))
                                .size(Math.min(limit, 10_000)),
                        ObjectNode.class));
        return r.hits().hits().stream().map(h -> toVote(h.source())).toList();
    }

    private Vote toVote(ObjectNode d) {
        return json.convertValue(d, Vote.class);
    }

    private <T> T call(String what, OpenSearchClients.Call<T> c) {
        return OpenSearchClients.request(settings, what, c);
    }

    @Override
    public void close() {
        OpenSearchClients.close(client);
    }
}
