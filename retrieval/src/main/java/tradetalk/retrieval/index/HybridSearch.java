package tradetalk.retrieval.index;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.QueryDates;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;

/**
 * One hybrid search over a searcher. Each signal proposes {@code candidates} passages; every candidate then gets
 * both scores (the cosine is computed exactly for lexical-only candidates; BM25 is 0 for passages outside the
 * lexical top list), each normalised over the candidates, and the weighted sum ranks them.
 */
final class HybridSearch {

    private final IndexSearcher searcher;
    private final Embedder embedder;
    private final SearchSettings settings;

    HybridSearch(IndexSearcher searcher, Embedder embedder, SearchSettings settings) {
        this.searcher = searcher;
        this.embedder = embedder;
        this.settings = settings;
    }

    List<SearchHit> search(SearchRequest r) throws IOException {
        Query filter = filter(r);
        int n = Math.max(settings.candidates(), r.k());
        Map<Integer, Double> lexical = new HashMap<>();
        Map<Integer, Double> dense = new HashMap<>();
        Set<Integer> candidates = new LinkedHashSet<>();

        if (r.mode() == SearchRequest.Mode.DENSE_EXACT) {
            for (ScoreDoc sd : exactDense(embedder.embedQuery(r.query()), filter, n)) {
                dense.put(sd.doc, (double) sd.score);
                candidates.add(sd.doc);
            }
        }
        if (r.mode() == SearchRequest.Mode.HYBRID || r.mode() == SearchRequest.Mode.BM25) {
            Query text = lexicalQuery(r.query());
            if (text != null) {
                Query q = new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
                for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                    lexical.put(sd.doc, (double) sd.score);
                    candidates.add(sd.doc);
                }
            }
        }
        float[] qv = null;
        if (r.mode() == SearchRequest.Mode.HYBRID || r.mode() == SearchRequest.Mode.DENSE) {
            qv = embedder.embedQuery(r.query());
            for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(ArticleIndex.VECTOR, qv, n, filter), n)
                    .scoreDocs) {
                dense.put(sd.doc, 2.0 * sd.score - 1.0); // DOT_PRODUCT scores are (1 + cos) / 2
                candidates.add(sd.doc);
            }
            if (r.mode() == SearchRequest.Mode.HYBRID) {
                List<Integer> missing = candidates.stream().filter(d -> !dense.containsKey(d)).sorted().toList();
                cosines(missing, qv, dense);
            }
        }

        Map<Integer, Double> fused = r.mode() == SearchRequest.Mode.HYBRID ? fuse(candidates, lexical, dense) : Map.of();
        double maxLex = lexical.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double minDense = dense.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double maxDense = dense.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        LocalDate asOf = r.asOf() != null ? r.asOf() : LocalDate.now();

        // Rank on the scores first and read stored fields only for the k passages returned: decompressing the
        // stored fields of every candidate was the largest cost of a search (see BENCHMARKS.md).
        StoredFields stored = searcher.storedFields();
        boolean needsDates = r.mode() == SearchRequest.Mode.HYBRID && settings.recencyWeight() > 0;
        QueryDates.Span named = r.mode() == SearchRequest.Mode.HYBRID && settings.dateBoost() > 0
                ? QueryDates.in(r.query()).orElse(null) : null;
        record Scored(int doc, double score, double lex, double cos) {
        }
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (int doc : candidates) {
            double lex = lexical.getOrDefault(doc, 0.0);
            double cos = dense.getOrDefault(doc, 0.0);
            double rec = needsDates ? recency(ArticleIndex.passage(stored.document(doc)), asOf) : 0;
            if (named != null && named.contains(publishedAt(doc))) {
                rec += settings.dateBoost();
            }
            double score = switch (r.mode()) {
                case BM25 -> lex;
                case DENSE, DENSE_EXACT -> cos;
                case HYBRID -> settings.fusion() == SearchSettings.Fusion.MINMAX
                        ? settings.lexicalWeight() * (maxLex > 0 ? lex / maxLex : 0)
                        + settings.denseWeight() * (maxDense > minDense ? (cos - minDense) / (maxDense - minDense) : 1)
                        + rec
                        : fused.get(doc) + rec;
            };
            scored.add(new Scored(doc, score, lex, cos));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::doc));
        List<SearchHit> hits = new ArrayList<>(Math.min(r.k(), scored.size()));
        for (Scored x : scored.subList(0, Math.min(r.k(), scored.size()))) {
            hits.add(new SearchHit(ArticleIndex.passage(stored.document(x.doc())), x.score(), x.lex(), x.cos()));
        }
        return List.copyOf(hits);
    }

    /** Fused scores for the ZSCORE and RRF fusions (MINMAX is computed inline). */
    private Map<Integer, Double> fuse(Set<Integer> candidates, Map<Integer, Double> lexical,
                                      Map<Integer, Double> dense) {
        Map<Integer, Double> out = new HashMap<>();
        if (settings.fusion() == SearchSettings.Fusion.MINMAX) {
            return out;
        }
        if (settings.fusion() == SearchSettings.Fusion.RRF) {
            List<Integer> byLex = lexical.keySet().stream()
                    .sorted(Comparator.comparingDouble((Integer d) -> -lexical.get(d))).toList();
            List<Integer> byDense = candidates.stream()
                    .sorted(Comparator.comparingDouble((Integer d) -> -dense.getOrDefault(d, -2.0))).toList();
            for (int doc : candidates) {
                out.put(doc, 0.0);
            }
            for (int i = 0; i < byLex.size(); i++) {
                out.merge(byLex.get(i), settings.lexicalWeight() / (60 + i + 1), Double::sum);
            }
            for (int i = 0; i < byDense.size(); i++) {
                out.merge(byDense.get(i), settings.denseWeight() / (60 + i + 1), Double::sum);
            }
            return out;
        }
        double floor = lexical.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double[] lex = candidates.stream().mapToDouble(d -> lexical.getOrDefault(d, floor)).toArray();
        double[] cos = candidates.stream().mapToDouble(d -> dense.getOrDefault(d, 0.0)).toArray();
        double[] zl = zscores(lex);
        double[] zd = zscores(cos);
        int i = 0;
        for (int doc : candidates) {
            out.put(doc, settings.lexicalWeight() * zl[i] + settings.denseWeight() * zd[i]);
            i++;
        }
        return out;
    }

    private static double[] zscores(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double var = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        double sd = Math.sqrt(var);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
        return z;
    }

    /** A passage's publication date from the doc values of its date field; null when it has none. */
    private LocalDate publishedAt(int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), ArticleIndex.DATE);
        return dates.advanceExact(doc - leaf.docBase) ? LocalDate.ofEpochDay(dates.nextValue()) : null;
    }

    private double recency(Passage p, LocalDate asOf) {
        if (settings.recencyWeight() == 0 || p.article().publishedAt() == null) {
            return 0;
        }
        long age = Math.max(0, ChronoUnit.DAYS.between(p.article().publishedAt(), asOf));
        return settings.recencyWeight() * Math.pow(0.5, age / settings.recencyHalfLifeDays());
    }

    private Query lexicalQuery(String query) {
        Set<String> terms = new LinkedHashSet<>(TextAnalysis.terms(query));
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(ArticleIndex.TEXT, t)), Occur.SHOULD);
            if (settings.titleBoost() > 0) {
                b.add(new BoostQuery(new TermQuery(new Term(ArticleIndex.TITLE, t)), (float) settings.titleBoost()),
                        Occur.SHOULD);
            }
        }
        return b.build();
    }

    private static Query filter(SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(ArticleIndex.passageFilter(), Occur.FILTER);
        LocalDate upper = r.to();
        if (r.asOf() != null && (upper == null || r.asOf().isBefore(upper))) {
            upper = r.asOf();
        }
        if (r.from() != null || upper != null) {
            long lo = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
            long hi = upper == null ? Long.MAX_VALUE : upper.toEpochDay();
            b.add(LongField.newRangeQuery(ArticleIndex.DATE, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    /** The {@code n} passages of highest cosine among all that pass the filter, by a scan of every vector. */
    private List<ScoreDoc> exactDense(float[] qv, Query filter, int n) throws IOException {
        PriorityQueue<ScoreDoc> top = new PriorityQueue<>(Comparator.comparingDouble((ScoreDoc d) -> d.score));
        Weight w = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(ArticleIndex.VECTOR);
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
    private void cosines(List<Integer> docs, float[] qv, Map<Integer, Double> out) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        while (i < docs.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs.get(i), leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            FloatVectorValues values = leaf.reader().getFloatVectorValues(ArticleIndex.VECTOR);
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
    }
}
