package tradetalk.store.lucene;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.QueryVector;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.store.HybridRanker;
import tradetalk.retrieval.store.ScoreFusion;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.retrieval.store.StoreFields;
import tradetalk.retrieval.store.TermCounts;

/**
 * The Lucene half of one search over a searcher: each signal proposes {@code candidates} passages
 * ({@link #candidates}) under the request's filters, and the shared {@link HybridRanker} ranks them, asking this
 * searcher for coverage, the newest date and the stored fields of the best {@code k}. In hybrid mode every candidate
 * gets both scores: the cosine is computed exactly for lexical-only candidates, and BM25 counts as missing for
 * passages outside the lexical list.
 */
final class HybridSearch implements HybridRanker.Corpus<Integer> {

    private final IndexSearcher searcher;
    private final Embedder embedder;
    private final SearchSettings settings;

    HybridSearch(IndexSearcher searcher, Embedder embedder, SearchSettings settings) {
        this.searcher = searcher;
        this.embedder = embedder;
        this.settings = settings;
    }

    /**
     * The two candidate lists of a search: BM25's best first, and the cosines of the dense candidates (in hybrid
     * mode, of every candidate), and the query's vector (null when the search did not embed it).
     */
    record Candidates(
            List<ScoreFusion.Candidate<Integer>> lexical,
            List<ScoreFusion.Candidate<Integer>> dense,
            QueryVector query) {}

    List<SearchHit> search(SearchRequest r) throws IOException {
        Query filter = filter(r);
        int n = Math.max(settings.candidates(), r.k());
        Candidates c = candidates(r, filter, n);
        Map<Integer, LocalDate> dates = publishedAt(keys(c));
        List<SearchHit> hits =
                new HybridRanker(settings).rank(r, dated(c.lexical(), dates), dated(c.dense(), dates), this);
        return c.query() == null
                ? hits
                : hits.stream().map(h -> h.withQuery(c.query())).toList();
    }

    private static Set<Integer> keys(Candidates c) {
        Set<Integer> keys = new LinkedHashSet<>();
        c.lexical().forEach(x -> keys.add(x.key()));
        c.dense().forEach(x -> keys.add(x.key()));
        return keys;
    }

    private static List<HybridRanker.Candidate<Integer>> dated(
            List<ScoreFusion.Candidate<Integer>> list, Map<Integer, LocalDate> dates) {
        return list.stream()
                .map(x -> new HybridRanker.Candidate<>(x.key(), dates.get(x.key()), x.score()))
                .toList();
    }

    /** Each signal's candidates under the request's filter. */
    Candidates candidates(SearchRequest r, Query filter, int n) throws IOException {
        List<ScoreFusion.Candidate<Integer>> lexical = new ArrayList<>();
        List<ScoreFusion.Candidate<Integer>> dense = new ArrayList<>();
        if (r.mode() == SearchRequest.Mode.HYBRID || r.mode() == SearchRequest.Mode.BM25) {
            Query text = lexicalQuery(r.query());
            if (text != null) {
                Query q = new BooleanQuery.Builder()
                        .add(text, Occur.MUST)
                        .add(filter, Occur.FILTER)
                        .build();
                for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                    lexical.add(new ScoreFusion.Candidate<>(sd.doc, sd.score));
                }
            }
        }
        float[] qv = r.mode() == SearchRequest.Mode.BM25 ? null : embedder.embedQuery(r.query());
        if (r.mode() == SearchRequest.Mode.DENSE_EXACT) {
            for (ScoreDoc sd : exactDense(qv, filter, n)) {
                dense.add(new ScoreFusion.Candidate<>(sd.doc, sd.score));
            }
        }
        if (r.mode() == SearchRequest.Mode.HYBRID || r.mode() == SearchRequest.Mode.DENSE) {
            Set<Integer> seen = new LinkedHashSet<>();
            for (ScoreDoc sd :
                    searcher.search(new KnnFloatVectorQuery(StoreFields.VECTOR, qv, n, filter), n).scoreDocs) {
                dense.add(new ScoreFusion.Candidate<>(sd.doc, 2.0 * sd.score - 1.0)); // DOT_PRODUCT: (1 + cos) / 2
                seen.add(sd.doc);
            }
            if (r.mode() == SearchRequest.Mode.HYBRID) {
                List<Integer> missing = lexical.stream()
                        .map(ScoreFusion.Candidate::key)
                        .filter(d -> !seen.contains(d))
                        .sorted()
                        .toList();
                cosines(missing, qv).forEach((d, cos) -> dense.add(new ScoreFusion.Candidate<>(d, cos)));
            }
        }
        return new Candidates(
                List.copyOf(lexical),
                List.copyOf(dense),
                qv == null ? null : new QueryVector(embedder.name(), r.query(), qv));
    }

    @Override
    public TermCounts termCounts(Collection<String> terms) throws IOException {
        return ArticleIndex.termCounts(searcher.getIndexReader(), terms);
    }

    @Override
    public Set<String> held(Integer doc, Collection<String> terms) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Set<String> held = new LinkedHashSet<>();
        for (String t : terms) {
            if (contains(leaf.reader(), StoreFields.TEXT, t, doc - leaf.docBase)
                    || contains(leaf.reader(), StoreFields.TITLE, t, doc - leaf.docBase)) {
                held.add(t);
            }
        }
        return held;
    }

    private static boolean contains(LeafReader reader, String field, String term, int doc) throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return false;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(new BytesRef(term))) {
            return false;
        }
        return te.postings(null, PostingsEnum.NONE).advance(doc) == doc;
    }

    @Override
    public Optional<LocalDate> newest(LocalDate asOf) throws IOException {
        long upper = asOf == null ? Long.MAX_VALUE : asOf.toEpochDay();
        Query q = new BooleanQuery.Builder()
                .add(LuceneDocuments.passageFilter(), Occur.FILTER)
                .add(LongField.newRangeQuery(StoreFields.DATE, Long.MIN_VALUE, upper), Occur.FILTER)
                .build();
        TopDocs td = searcher.search(
                q, 1, new Sort(LongField.newSortField(StoreFields.DATE, true, SortedNumericSelector.Type.MAX)));
        if (td.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(publishedAt(List.of(td.scoreDocs[0].doc)).get(td.scoreDocs[0].doc));
    }

    /** Publication dates from the date field's doc values (documents without one are left out). */
    Map<Integer, LocalDate> publishedAt(Collection<Integer> docs) throws IOException {
        List<Integer> sorted = docs.stream().sorted().toList();
        Map<Integer, LocalDate> out = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        while (i < sorted.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted.get(i), leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), StoreFields.DATE);
            for (; i < sorted.size() && sorted.get(i) < end; i++) {
                if (values.advanceExact(sorted.get(i) - leaf.docBase)) {
                    out.put(sorted.get(i), LocalDate.ofEpochDay(values.nextValue()));
                }
            }
        }
        return out;
    }

    /**
     * The passages from the stored fields: only the best k are read, since decompressing the stored fields of every
     * candidate was the largest cost of a search.
     */
    @Override
    public List<Passage> passages(List<Integer> docs) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Passage> out = new ArrayList<>(docs.size());
        for (int doc : docs) {
            out.add(LuceneDocuments.passage(stored.document(doc)));
        }
        return out;
    }

    private Query lexicalQuery(String query) {
        Set<String> terms = new LinkedHashSet<>(TextAnalysis.terms(query));
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(StoreFields.TEXT, t)), Occur.SHOULD);
            if (settings.titleBoost() > 0) {
                b.add(
                        new BoostQuery(new TermQuery(new Term(StoreFields.TITLE, t)), (float) settings.titleBoost()),
                        Occur.SHOULD);
            }
        }
        return b.build();
    }

    private static Query filter(SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(LuceneDocuments.passageFilter(), Occur.FILTER);
        LocalDate upper = r.to();
        if (r.asOf() != null && (upper == null || r.asOf().isBefore(upper))) {
            upper = r.asOf();
        }
        if (r.from() != null || upper != null) {
            long lo = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
            long hi = upper == null ? Long.MAX_VALUE : upper.toEpochDay();
            b.add(LongField.newRangeQuery(StoreFields.DATE, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    /** The {@code n} passages of highest cosine among all that pass the filter, by a scan of every vector. */
    private List<ScoreDoc> exactDense(float[] qv, Query filter, int n) throws IOException {
        PriorityQueue<ScoreDoc> top = new PriorityQueue<>(Comparator.comparingDouble((ScoreDoc d) -> d.score));
        Weight w = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(StoreFields.VECTOR);
            Scorer allowed = w.scorer(leaf);
            if (values == null || allowed == null) {
                continue;
            }
            DocIdSetIterator ok = allowed.iterator();
            Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                int allowedDoc = ok.docID() < doc ? ok.advance(doc) : ok.docID();
                if (allowedDoc != doc || (live != null && !live.get(doc))) {
                    continue;
                }
                float cos = (float) Vectors.dot(values.vectorValue(it.index()), qv);
                if (top.size() < n) {
                    top.add(new ScoreDoc(leaf.docBase + doc, cos));
                } else if (cos > top.peek().score) {
                    top.poll();
                    top.add(new ScoreDoc(leaf.docBase + doc, cos));
                }
            }
        }
        List<ScoreDoc> out = new ArrayList<>(top);
        out.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed());
        return out;
    }

    /**
     * Exact cosines of the given documents (ascending ids), one vector iterator per segment advanced forward: a
     * fresh iterator per document cost more than the whole BM25 search.
     */
    private Map<Integer, Double> cosines(List<Integer> docs, float[] qv) throws IOException {
        Map<Integer, Double> out = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        while (i < docs.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs.get(i), leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            FloatVectorValues values = leaf.reader().getFloatVectorValues(StoreFields.VECTOR);
            KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
            for (; i < docs.size() && docs.get(i) < end; i++) {
                int target = docs.get(i) - leaf.docBase;
                double cos = 0;
                if (it != null && (it.docID() == target || (it.docID() < target && it.advance(target) == target))) {
                    cos = Vectors.dot(values.vectorValue(it.index()), qv);
                }
                out.put(docs.get(i), cos);
            }
        }
        return out;
    }
}
