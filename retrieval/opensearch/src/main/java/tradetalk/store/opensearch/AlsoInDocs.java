package tradetalk.store.opensearch;

import static tradetalk.retrieval.store.StoreFields.ALSO_IN;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.TYPE;
import static tradetalk.store.opensearch.StoredDocs.ALSO;
import static tradetalk.store.opensearch.StoredDocs.alsoKey;
import static tradetalk.store.opensearch.StoredDocs.articleKey;
import static tradetalk.store.opensearch.StoredDocs.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * The other places an article appeared: kept in the article's own also_in document ({@code also:<id>}), never in the
 * article document, which ingest rewrites whole; written only over the version read, so concurrent additions all
 * land.
 */
final class AlsoInDocs {

    private final IndexCalls calls;

    AlsoInDocs(IndexCalls calls) {
        this.calls = calls;
    }

    /**
     * Adds the location to the article's own also_in document ({@code also:<id>}), never to the article document:
     * ingest rewrites that one whole (read, embed, write) and would drop a location added meanwhile by another worker
     * or process. The also_in document is written only over the version read (or created only if still absent), so
     * two concurrent additions both land: the loser of a 409 reads again and retries.
     */
    boolean addAlsoIn(String articleId, String location) {
        for (int attempt = 0; ; attempt++) {
            Map<String, GetResult<ObjectNode>> got = alsoInDocs(articleId);
            GetResult<ObjectNode> article = got.get(articleKey(articleId));
            if (article == null) {
                return false;
            }
            GetResult<ObjectNode> own = got.get(alsoKey(articleId));
            if (alsoIn(article, own).contains(location)) {
                return false;
            }
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.put(TYPE, ALSO);
            d.put(ARTICLE_ID, articleId);
            JsonNode date = article.source().get(DATE);
            if (date != null && !date.isNull()) {
                d.set(DATE, date); // retention removes it with its article
            }
            ArrayNode arr = d.putArray(ALSO_IN);
            if (own != null) {
                strings(own.source().get(ALSO_IN)).forEach(arr::add);
            }
            arr.add(location);
            try {
                calls.client.index(i -> {
                    i.index(calls.index).id(alsoKey(articleId)).document(d).refresh(Refresh.True);
                    return own == null
                            ? i.opType(OpType.Create)
                            : i.ifSeqNo(own.seqNo()).ifPrimaryTerm(own.primaryTerm());
                });
                return true;
            } catch (IOException | RuntimeException e) {
                // 409: another writer got there first (created it, or wrote over the version read): read again
                if (OpenSearchClients.status(e) != 409 || attempt >= 20) {
                    throw OpenSearchClients.failure(calls.os, "updating " + articleId + " in index " + calls.index, e);
                }
            }
        }
    }

    List<String> alsoIn(String articleId) {
        Map<String, GetResult<ObjectNode>> got = alsoInDocs(articleId);
        GetResult<ObjectNode> article = got.get(articleKey(articleId));
        return article == null ? List.of() : alsoIn(article, got.get(alsoKey(articleId)));
    }

    /**
     * The article's also_in: the list an older version kept in the article document (ingest carries it over), then
     * the one of its also_in document.
     */
    private static List<String> alsoIn(GetResult<ObjectNode> article, GetResult<ObjectNode> own) {
        Set<String> all = new LinkedHashSet<>(strings(article.source().get(ALSO_IN)));
        if (own != null) {
            all.addAll(strings(own.source().get(ALSO_IN)));
        }
        return List.copyOf(all);
    }

    /** The article document (without its body) and its also_in document, by key, those found, in one request. */
    private Map<String, GetResult<ObjectNode>> alsoInDocs(String articleId) {
        var r = calls.call(
                "reading index " + calls.index,
                () -> calls.client.mget(
                        g -> g.index(calls.index)
                                .ids(articleKey(articleId), alsoKey(articleId))
                                .sourceExcludes(BODY),
                        ObjectNode.class));
        Map<String, GetResult<ObjectNode>> out = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : r.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                out.put(item.result().id(), item.result());
            }
        }
        return out;
    }
}
