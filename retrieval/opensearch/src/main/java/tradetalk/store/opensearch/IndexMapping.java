package tradetalk.store.opensearch;

import static tradetalk.retrieval.store.StoreFields.ALSO_IN;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.AUTHOR;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.CATEGORY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.EMBEDDER_KEY;
import static tradetalk.retrieval.store.StoreFields.HASH;
import static tradetalk.retrieval.store.StoreFields.ID;
import static tradetalk.retrieval.store.StoreFields.ORDINAL;
import static tradetalk.retrieval.store.StoreFields.PATH;
import static tradetalk.retrieval.store.StoreFields.SOURCE;
import static tradetalk.retrieval.store.StoreFields.TEXT;
import static tradetalk.retrieval.store.StoreFields.TITLE;
import static tradetalk.retrieval.store.StoreFields.TYPE;
import static tradetalk.retrieval.store.StoreFields.URL;
import static tradetalk.retrieval.store.StoreFields.VECTOR;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.embed.Embedder;

/**
 * The articles index's settings and mapping: made when missing (shards, replicas, the vector field of the embedder's
 * dimension and the configured engine), checked when present (the vector field, its dimension and engine, the
 * embedding model the index was built with).
 */
final class IndexMapping {

    // the store's log category, as before it was split: what operators configure and tests listen to
    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticleStore.class);

    /** The k-NN space of the vector field: scores are {@code (1 + cos) / 2}. */
    static final String SPACE = "cosinesimil";

    private final Embedder embedder;

    IndexMapping(Embedder embedder) {
        this.embedder = embedder;
    }

    /** Makes the index when missing, then checks it (made here or by another process, possibly another version). */
    void makeOrCheck(IndexCalls calls) {
        OpenSearchSettings os = calls.os;
        String index = calls.index;
        calls.request("checking index " + index, () -> {
            boolean made = OpenSearchClients.createIfMissing(
                    calls.client,
                    CreateIndexRequest.of(c -> c.index(index)
                            .settings(s -> s.numberOfShards(os.shards())
                                    .numberOfReplicas(os.replicas())
                                    .knn(true))
                            .mappings(mapping(os))));
            if (made) {
                log.info(
                        "Created OpenSearch index {} ({} shards, {} replicas, {} engine)",
                        index,
                        os.shards(),
                        os.replicas(),
                        os.engine().id());
            }
            TypeMapping m = calls.client
                    .indices()
                    .getMapping(g -> g.index(index))
                    .result()
                    .get(index)
                    .mappings();
            check(m, os, index);
            return null;
        });
    }

    private TypeMapping mapping(OpenSearchSettings os) {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .meta(EMBEDDER_KEY, JsonData.of(embedder.name()))
                .properties(TYPE, p -> p.keyword(k -> k))
                .properties(ID, p -> p.keyword(k -> k))
                .properties(ARTICLE_ID, p -> p.keyword(k -> k))
                .properties(ORDINAL, p -> p.integer(i -> i))
                .properties(TEXT, p -> p.text(t -> t.analyzer("english")))
                .properties(TITLE, p -> p.text(t -> t.analyzer("english")))
                .properties(SOURCE, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(URL, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(PATH, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(AUTHOR, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(CATEGORY, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(HASH, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(ALSO_IN, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(BODY, p -> p.text(t -> t.index(false)))
                .properties(StoredDocs.PASSAGES, p -> p.integer(i -> i.index(false)))
                .properties(DATE, p -> p.long_(l -> l))
                .properties(
                        VECTOR,
                        p -> p.knnVector(k -> k.dimension(embedder.dimension())
                                .method(v ->
                                        v.name("hnsw").engine(os.engine().id()).spaceType(SPACE)))));
    }

    /** An existing index must have this store's vector field and embedding model. */
    private void check(TypeMapping m, OpenSearchSettings os, String index) {
        Property vector = m.properties().get(VECTOR);
        if (vector == null || !vector.isKnnVector()) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " has no knn_vector field '" + VECTOR
                    + "': it was not made by Tradetalk; use another opensearch.index");
        }
        var knn = vector.knnVector();
        if (knn.dimension() != embedder.dimension()) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " holds vectors of dimension "
                    + knn.dimension() + ", not " + embedder.dimension() + " (" + embedder.name()
                    + "); delete the index or use another opensearch.index");
        }
        String engine = knn.method() == null || knn.method().engine() == null
                ? ""
                : knn.method().engine();
        if (!engine.equals(os.engine().id())) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " was made with k-NN engine '" + engine
                    + "', not opensearch.engine '" + os.engine().id()
                    + "'; set opensearch.engine to match or use another opensearch.index");
        }
        JsonData built = m.meta() == null ? null : m.meta().get(EMBEDDER_KEY);
        if (built != null && !built.to(String.class).equals(embedder.name())) {
            throw new OpenSearchStoreException("OpenSearch index " + index + " was built with embedding model "
                    + built.to(String.class) + ", not " + embedder.name() + "; delete it and ingest again");
        }
    }
}
