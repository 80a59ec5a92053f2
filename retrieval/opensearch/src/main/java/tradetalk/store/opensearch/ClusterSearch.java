package tradetalk.store.opensearch;

import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.PASSAGE;
import static tradetalk.retrieval.store.StoreFields.TEXT;
import static tradetalk.retrieval.store.StoreFields.TITLE;
import static tradetalk.retrieval.store.StoreFields.VECTOR;
import static tradetalk.store.opensearch.StoredDocs.date;
import static tradetalk.store.opensearch.StoredDocs.text;
import static tradetalk.store.opensearch.StoredDocs.typeIs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.ShardStatistics;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.msearch.MultiSearchItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.QueryVector;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.store.HybridRanker;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.retrieval.store.TermCounts;

/**
 * Searches of the store: one {@code _msearch} per search with BM25's query and the k-NN (or exact) query under the
 * same filters and, when the ranking will ask for them, the term counts of the query (for coverage) and the newest
 * passage up to the recency anchor; then the shared {@link HybridRanker} ranks, so both stores rank alike. BM25 runs
 * as {@code dfs_query_then_fetch}, so its statistics are the whole index's, not one shard's. k-NN scores of the
 * {@code cosinesimil} space, {@code (1 + cos) / 2}, are turned back into cosines; the cosines of BM25 candidates the
 * k-NN list lacks come with the BM25 hits, computed by the cluster from their stored vectors. A response with failed
 * shards is used (the shards that answered) and logged as one WARN per search.
 */
final class ClusterSearch {

    // the store's log category, as before it was split: what operators configure and tests listen to
    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticleStore.class);

    /** The script field of a BM25 hit's cosine to the query vector. */
    private static final String COSINE_FIELD = "query_cosine";

    /**
     * The dot product of the hit's stored vector (unit length, so its cosine) with the query vector, read from the
     * hit's source: the k-NN plugin's vector functions are allowed in score scripts only. Each product is taken in
     * float and summed in double, as {@link Vectors#dot} does, over the same floats: the same value to the last bit
     * as the client computed from the vector it fetched before, without sending 384 numbers per hit as JSON.
     */
    static final String COSINE = """
            def v = params['_source'][params.field];
            if (v == null) { return 0.0; }
            def q = params.query;
            double s = 0.0;
            for (int i = 0; i < q.size(); ++i) { s += ((float) v.get(i)) * ((float) q.get(i)); }
            return s;""";

    private final IndexCalls calls;
    private final String index;
    private final Embedder embedder;
    private final SearchSettings settings;

    ClusterSearch(IndexCalls calls, Embedder embedder, SearchSettings settings) {
        this.calls = calls;
        this.index = calls.index;
        this.embedder = embedder;
        this.settings = settings;
    }

    /** One search: one {@code _msearch}, then the ranking (which asks nothing more of the cluster). */
    List<SearchHit> search(SearchRequest r) {
        int n = Math.max(settings.candidates(), r.k());
        Query filter = filter(r);
        SearchRequest.Mode mode = r.mode();
        boolean lexical = mode == SearchRequest.Mode.HYBRID || mode == SearchRequest.Mode.BM25;
        boolean knn = mode == SearchRequest.Mode.HYBRID || mode == SearchRequest.Mode.DENSE;
        boolean exact = mode == SearchRequest.Mode.DENSE_EXACT;
        List<String> terms = HybridRanker.queryTerms(r.query());
        float[] qv = knn || exact ? embedder.embedQuery(r.query()) : null;
        List<Float> vector = qv == null ? null : StoredDocs.floats(qv);
        HybridRanker ranker = new HybridRanker(settings);
        List<RequestItem> items = new ArrayList<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        if (lexical && !terms.isEmpty()) {
            at.put("bm25", items.size());
            items.add(bm25Item(terms, filter, n, mode == SearchRequest.Mode.HYBRID ? vector : null));
        }
        if (knn) {
            at.put("knn", items.size());
            // only passages have vectors: without dates the k-NN query needs no filter, whose bitset over every
            // passage of every segment would be built for each search (and would make the graph search filtered)
            boolean dated = r.from() != null || r.to() != null || r.asOf() != null;
            items.add(RequestItem.of(i -> i.header(h -> h.index(index))
                    .body(b -> b.query(q -> q.knn(k -> dated
                                    ? k.field(VECTOR).vector(vector).k(n).filter(filter)
                                    : k.field(VECTOR).vector(vector).k(n)))
                            .size(n)
                            .source(src -> src.filter(f -> f.excludes(VECTOR, BODY))))));
        }
        if (exact) {
            at.put("exact", items.size());
            items.add(RequestItem.of(i -> i.header(h -> h.index(index))
                    .body(b -> b.query(q -> q.scriptScore(ss -> ss.query(filter)
                                    .script(sc -> sc.inline(in -> in.lang(l -> l.custom("knn"))
                                            .source("knn_score")
                                            .params("field", JsonData.of(VECTOR))
                                            .params("query_value", JsonData.of(vector))
                                            .params("space_type", JsonData.of(IndexMapping.SPACE))))))
                            .size(n)
                            .source(src -> src.filter(f -> f.excludes(VECTOR, BODY))))));
        }
        if (items.isEmpty()) {
            return List.of();
        }
        // what the ranking will ask the store, in the same request: no request per search beyond this one
        if (at.containsKey("bm25") && ranker.asksCoverage(r)) {
            at.put("counts", items.size());
            items.add(countsItem(terms));
        }
        boolean newestAsked = ranker.asksNewest(r);
        if (newestAsked) {
            at.put("newest", items.size());
            items.add(newestItem(r.asOf()));
        }
        MsearchResponse<ObjectNode> res = calls.call(
                "searching index " + index, () -> calls.client.msearch(m -> m.searches(items), ObjectNode.class));
        Map<String, MultiSearchItem<ObjectNode>> parts = new LinkedHashMap<>();
        at.forEach((part, i) -> parts.put(part, calls.result(res.responses().get(i))));
        Map<String, ShardStatistics> shards = new LinkedHashMap<>();
        parts.forEach((part, item) -> shards.put(part, item.shards()));
        ShardFailures.of(shards)
                .ifPresent(w -> log.warn("OpenSearch index {}: search for '{}' {}", index, r.query(), w));
        Found found = new Found(r.query(), parts.containsKey("counts") ? counts(terms, parts.get("counts")) : null);
        List<HybridRanker.Candidate<String>> lex = new ArrayList<>();
        List<HybridRanker.Candidate<String>> dense = new ArrayList<>();
        if (parts.containsKey("bm25")) {
            for (Hit<ObjectNode> h : parts.get("bm25").hits().hits()) {
                found.docs.put(h.id(), h.source());
                lex.add(new HybridRanker.Candidate<>(h.id(), date(h.source()), h.score()));
            }
        }
        MultiSearchItem<ObjectNode> denseItem = exact ? parts.get("exact") : parts.get("knn");
        if (denseItem != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (Hit<ObjectNode> h : denseItem.hits().hits()) {
                found.docs.putIfAbsent(h.id(), h.source());
                // cosinesimil: the k-NN query scores (1 + cos) / 2, the exact script 1 + cos
                double cos = exact ? h.score() - 1.0 : 2.0 * h.score() - 1.0;
                dense.add(new HybridRanker.Candidate<>(h.id(), date(h.source()), cos));
                seen.add(h.id());
            }
            if (mode == SearchRequest.Mode.HYBRID) {
                for (Hit<ObjectNode> h :
                        parts.containsKey("bm25") ? parts.get("bm25").hits().hits() : List.<Hit<ObjectNode>>of()) {
                    if (!seen.contains(h.id())) {
                        dense.add(new HybridRanker.Candidate<>(h.id(), date(h.source()), cosine(h)));
                    }
                }
            }
        }
        if (newestAsked) {
            found.newestFetched = true;
            found.newestDay = r.asOf();
            found.newest = newest(parts.get("newest"));
        }
        try {
            List<SearchHit> hits = ranker.rank(r, lex, dense, found);
            if (qv == null) {
                return hits;
            }
            QueryVector query = new QueryVector(embedder.name(), r.query(), qv); // the composer reuses it
            return hits.stream().map(h -> h.withQuery(query)).toList();
        } catch (IOException e) {
            throw OpenSearchClients.failure(calls.os, "searching index " + index, e);
        }
    }

    /**
     * BM25 over text and title, the whole index's statistics; in hybrid mode ({@code vector} not null) with each hit's
     * cosine to the query vector, computed by the cluster ({@link #COSINE}), for the candidates the k-NN list lacks.
     * No hit carries its vector.
     */
    private RequestItem bm25Item(List<String> terms, Query filter, int n, List<Float> vector) {
        Query text = Query.of(q -> q.bool(b -> {
            for (String t : terms) {
                b.should(s -> s.term(x -> x.field(TEXT).value(FieldValue.of(t))));
                if (settings.titleBoost() > 0) {
                    b.should(s ->
                            s.term(x -> x.field(TITLE).value(FieldValue.of(t)).boost((float) settings.titleBoost())));
                }
            }
            return b.minimumShouldMatch("1").filter(filter);
        }));
        return RequestItem.of(i -> i.header(h -> h.index(index).searchType(SearchType.DfsQueryThenFetch))
                .body(b -> {
                    b.query(text).size(n).source(src -> src.filter(f -> f.excludes(VECTOR, BODY)));
                    if (vector != null) {
                        b.scriptFields(
                                COSINE_FIELD,
                                sf -> sf.script(sc -> sc.inline(in -> in.source(COSINE)
                                        .params("field", JsonData.of(VECTOR))
                                        .params("query", JsonData.of(vector)))));
                    }
                    return b;
                }));
    }

    /** The cosine of a BM25 hit to the query vector, from {@link #COSINE}'s script field (0 without a vector). */
    private static double cosine(Hit<ObjectNode> h) {
        JsonData v = h.fields().get(COSINE_FIELD);
        if (v == null) {
            return 0;
        }
        JsonNode values = v.to(JsonNode.class);
        return values.isArray() && !values.isEmpty() ? values.get(0).asDouble() : 0;
    }

    /** The newest passage published on or before {@code day} (null: of all): its date is recency's anchor. */
    private RequestItem newestItem(LocalDate day) {
        long upper = day == null ? Long.MAX_VALUE : day.toEpochDay();
        return RequestItem.of(i -> i.header(h -> h.index(index))
                .body(b -> b.query(q -> q.bool(x -> x.filter(typeIs(PASSAGE))
                                .filter(f -> f.range(d -> d.field(DATE).lte(JsonData.of(upper))))))
                        .size(1)
                        .source(src -> src.filter(f -> f.includes(DATE)))
                        .sort(o -> o.field(f -> f.field(DATE).order(SortOrder.Desc)))));
    }

    private static Optional<LocalDate> newest(SearchResponse<ObjectNode> r) {
        return r.hits().hits().stream().map(h -> date(h.source())).findFirst();
    }

    /** The term counts of these analysed terms ({@link TermCounts}), in one request. */
    TermCounts termCounts(List<String> terms) {
        MsearchResponse<ObjectNode> r = calls.call(
                "reading index " + index,
                () -> calls.client.msearch(m -> m.searches(countsItem(terms)), ObjectNode.class));
        MultiSearchItem<ObjectNode> item = calls.result(r.responses().getFirst());
        ShardFailures.of(Map.of("counts", item.shards()))
                .ifPresent(w -> log.warn("OpenSearch index {}: counts of {} terms {}", index, terms.size(), w));
        return counts(terms, item);
    }

    /** One count of passages and one filter aggregation per term: the document frequencies of {@link #counts}. */
    private RequestItem countsItem(List<String> terms) {
        return RequestItem.of(i -> i.header(h -> h.index(index)).body(b -> {
            b.query(typeIs(PASSAGE)).size(0).trackTotalHits(t -> t.enabled(true));
            for (int k = 0; k < terms.size(); k++) {
                String t = terms.get(k);
                b.aggregations(
                        "t" + k, a -> a.filter(f -> f.term(x -> x.field(TEXT).value(FieldValue.of(t)))));
            }
            return b;
        }));
    }

    /** The term counts of {@link #countsItem}'s terms from its response. */
    private static TermCounts counts(List<String> terms, SearchResponse<ObjectNode> r) {
        Map<String, Long> df = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            df.put(terms.get(i), r.aggregations().get("t" + i).filter().docCount());
        }
        return new TermCounts(r.hits().total().value(), df);
    }

    /**
     * What the ranking asks of the store, answered from this search's response: its hits, the term counts of its
     * query and the newest date up to its anchor day, fetched with it; anything else (other terms, another day)
     * from the cluster.
     */
    private final class Found implements HybridRanker.Corpus<String> {
        final Map<String, ObjectNode> docs = new HashMap<>();
        private final String query;
        /** The counts of the search's query terms; null when not fetched with the search. */
        private final TermCounts queryCounts;
        /** Whether {@link #newest} was fetched with the search, for {@link #newestDay}. */
        boolean newestFetched;
        /** The day {@link #newest} was fetched for with the search (null: no bound). */
        LocalDate newestDay;
        /** The newest date up to {@link #newestDay}, fetched with the search. */
        Optional<LocalDate> newest;

        Found(String query, TermCounts queryCounts) {
            this.query = query;
            this.queryCounts = queryCounts;
        }

        @Override
        public TermCounts termCounts(Collection<String> terms) {
            if (queryCounts != null && queryCounts.docFreq().keySet().containsAll(terms)) {
                return queryCounts;
            }
            return ClusterSearch.this.termCounts(List.copyOf(new LinkedHashSet<>(terms)));
        }

        @Override
        public Set<String> held(String key, Collection<String> terms) {
            ObjectNode d = docs.get(key);
            Set<String> in = new LinkedHashSet<>(TextAnalysis.terms(text(d, TEXT)));
            in.addAll(TextAnalysis.terms(text(d, TITLE)));
            Set<String> held = new LinkedHashSet<>(terms);
            held.retainAll(in);
            return held;
        }

        @Override
        public Optional<LocalDate> newest(LocalDate day) {
            if (newestFetched && java.util.Objects.equals(day, newestDay)) {
                return newest;
            }
            MsearchResponse<ObjectNode> r = calls.call(
                    "searching index " + index,
                    () -> calls.client.msearch(m -> m.searches(newestItem(day)), ObjectNode.class));
            return ClusterSearch.newest(calls.result(r.responses().getFirst()));
        }

        @Override
        public List<Passage> passages(List<String> keys) {
            return keys.stream().map(k -> StoredDocs.passage(docs.get(k))).toList();
        }

        @Override
        public String toString() {
            return "Found[" + query + "]";
        }
    }

    private static Query filter(SearchRequest r) {
        LocalDate upper = r.to();
        if (r.asOf() != null && (upper == null || r.asOf().isBefore(upper))) {
            upper = r.asOf();
        }
        LocalDate hi = upper;
        return Query.of(q -> q.bool(b -> {
            b.filter(typeIs(PASSAGE));
            if (r.from() != null || hi != null) {
                b.filter(f -> f.range(x -> {
                    x.field(DATE);
                    if (r.from() != null) {
                        x.gte(JsonData.of(r.from().toEpochDay()));
                    }
                    if (hi != null) {
                        x.lte(JsonData.of(hi.toEpochDay()));
                    }
                    return x;
                }));
            }
            return b;
        }));
    }
}
