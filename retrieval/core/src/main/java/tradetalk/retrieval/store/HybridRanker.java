package tradetalk.retrieval.store;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.QueryDates;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;

/**
 * The ranking every store shares: given the two candidate lists of a search (BM25's and the dense one), it fuses
 * them ({@link ScoreFusion}, with per-question weights when {@code search.weights} is adaptive), adds the date
 * signals (recency by {@link RecencyRule}, the boost for a period the question names) and returns the best {@code k},
 * ties by key. A store only finds the candidates under the request's filters and answers the few questions of
 * {@link Corpus}; so a store that gets its lists elsewhere ranks exactly like the Lucene one.
 */
public final class HybridRanker {

    private final SearchSettings settings;

    public HybridRanker(SearchSettings settings) {
        this.settings = settings;
    }

    /**
     * One candidate passage of one signal.
     *
     * @param key       the store's key of the passage (Lucene: the document id); ties rank by it, ascending
     * @param published the passage's publication date; null when undated
     * @param score     BM25's score, or the cosine for the dense list
     * @param <K>       the key type
     */
    public record Candidate<K>(K key, LocalDate published, double score) {}

    /** What a ranking asks of the store, each only when the settings and request need it. */
    public interface Corpus<K> {
        /** How many passages there are, and how many hold each of these analysed terms in their text. */
        TermCounts termCounts(Collection<String> terms) throws IOException;

        /** Which of these analysed terms the passage's text or title holds. */
        Set<String> held(K passage, Collection<String> terms) throws IOException;

        /**
         * The publication date of the newest passage published on or before {@code day} (null: of any passage), if
         * any.
         */
        Optional<LocalDate> newest(LocalDate day) throws IOException;

        /** The passages of the given keys, in their order. */
        List<Passage> passages(List<K> keys) throws IOException;
    }

    /**
     * The best {@code request.k()} passages. The date signals (recency, the boost for a period the question names)
     * apply in every mode, so the single-signal baselines are ranked with the same dates as the hybrid: their one
     * signal is put on the fusion's scale (as the hybrid would with the other weight 0) before the dates are added.
     *
     * @param lexical BM25's candidates, best first (empty unless the mode is BM25 or hybrid)
     * @param dense   the cosines of the dense candidates (in hybrid mode of every lexical candidate too)
     */
    public <K extends Comparable<? super K>> List<SearchHit> rank(
            SearchRequest request, List<Candidate<K>> lexical, List<Candidate<K>> dense, Corpus<K> corpus)
            throws IOException {
        List<ScoreFusion.Candidate<K>> lex = fusionCandidates(lexical);
        List<ScoreFusion.Candidate<K>> cos = fusionCandidates(dense);
        DateSignals dates = dateSignals(request, corpus);
        Map<K, Double> scores;
        if (request.mode() == SearchRequest.Mode.HYBRID) {
            double[] w = weights(request.query(), lexical, corpus);
            scores = ScoreFusion.fuse(lex, cos, settings.fusion(), w[0], w[1]);
        } else if (!dates.any()) {
            scores = scores(request.mode() == SearchRequest.Mode.BM25 ? lex : cos);
        } else if (request.mode() == SearchRequest.Mode.BM25) {
            scores = ScoreFusion.fuse(lex, List.of(), settings.fusion(), totalWeight(), 0);
        } else {
            scores = ScoreFusion.fuse(List.of(), cos, settings.fusion(), 0, totalWeight());
        }
        if (dates.any()) {
            addDateSignals(scores, dates, lexical, dense);
        }
        return top(scores, lex, cos, request.k(), corpus, dates.anchor());
    }

    private double totalWeight() {
        return settings.lexicalWeight() + settings.denseWeight();
    }

    /**
     * Whether ranking this request asks {@link Corpus#termCounts} (of {@link #queryTerms the request's terms}):
     * hybrid mode with adaptive weights. A remote store can fetch them with the candidates instead of on that call.
     */
    public boolean asksCoverage(SearchRequest request) {
        return request.mode() == SearchRequest.Mode.HYBRID && settings.weights() != SearchSettings.Weights.FIXED;
    }

    /**
     * Whether ranking this request asks {@link Corpus#newest} (for the request's as-of date, null for none): when
     * recency is on. A remote store can fetch it with the candidates.
     */
    public boolean asksNewest(SearchRequest request) {
        return settings.recencyWeight() > 0;
    }

    /**
     * The date signals of a request: the recency weight ({@link RecencyRule}) and its anchor (the newest article on
     * or before the as-of date), and the period the question names.
     */
    private record DateSignals(double recencyWeight, LocalDate anchor, QueryDates.Span named) {
        boolean any() {
            return (recencyWeight > 0 && anchor != null) || named != null;
        }
    }

    private <K> DateSignals dateSignals(SearchRequest r, Corpus<K> corpus) throws IOException {
        QueryDates.Span named =
                settings.dateBoost() > 0 ? QueryDates.in(r.query()).orElse(null) : null;
        LocalDate anchor = asksNewest(r) ? corpus.newest(r.asOf()).orElse(null) : null;
        double weight = RecencyRule.weight(settings.recencyWeight(), r.query(), r.asOf(), anchor);
        return new DateSignals(weight, anchor, named);
    }

    /**
     * The lexical and dense weights for this question: as configured, or (adaptive) moved by the coverage of the
     * question by BM25's best passage ({@link ScoreFusion#lexicalShare}).
     */
    <K> double[] weights(String query, List<Candidate<K>> lexical, Corpus<K> corpus) throws IOException {
        double wl = settings.lexicalWeight();
        double wd = settings.denseWeight();
        if (settings.weights() == SearchSettings.Weights.FIXED) {
            return new double[] {wl, wd};
        }
        double c = lexical.isEmpty() ? 0 : coverage(query, lexical.getFirst().key(), corpus);
        double l = ScoreFusion.lexicalShare(wl, wd, c);
        return new double[] {l, 1 - l};
    }

    /** The distinct analysed terms of a query, in order: what coverage weighs. */
    public static List<String> queryTerms(String query) {
        return List.copyOf(new LinkedHashSet<>(TextAnalysis.terms(query)));
    }

    /**
     * The share of the query's IDF-weighted terms ({@link TermCoverage}, every term weighed by its IDF alone) that
     * occur in the passage's text or title, from the store's counts.
     */
    public <K> double coverage(String query, K passage, Corpus<K> corpus) throws IOException {
        List<String> terms = queryTerms(query);
        TermCounts counts = corpus.termCounts(terms);
        Set<String> held = corpus.held(passage, terms);
        return new TermCoverage(terms, counts::idf, 0).of(held::contains);
    }

    /**
     * Adds the date signals to the scores: {@code weight * 0.5^(age / half-life)}, the age counted from the anchor
     * (the newest passage published on or before the as-of date, so an archive's latest week counts as recent) and
     * the weight from {@link RecencyRule}; and {@code date-boost} for passages published in the period the question
     * names.
     */
    private <K> void addDateSignals(
            Map<K, Double> scores, DateSignals s, List<Candidate<K>> lexical, List<Candidate<K>> dense) {
        Map<K, LocalDate> dates = new HashMap<>();
        for (List<Candidate<K>> list : List.of(lexical, dense)) {
            for (Candidate<K> c : list) {
                if (c.published() != null) {
                    dates.putIfAbsent(c.key(), c.published());
                }
            }
        }
        for (Map.Entry<K, Double> e : scores.entrySet()) {
            LocalDate d = dates.get(e.getKey());
            if (d == null) {
                continue;
            }
            double add = s.anchor() == null ? 0 : recency(d, s.anchor(), s.recencyWeight());
            if (s.named() != null && s.named().contains(d)) {
                add += settings.dateBoost();
            }
            e.setValue(e.getValue() + add);
        }
    }

    /** The recency signal of a passage published on {@code date}, counted back from {@code anchor}. */
    double recency(LocalDate date, LocalDate anchor, double weight) {
        long age = Math.max(0, ChronoUnit.DAYS.between(date, anchor));
        return weight * Math.pow(0.5, age / settings.recencyHalfLifeDays());
    }

    /** The best {@code k} by score (ties by key), with their passages: only those k are read. */
    private static <K extends Comparable<? super K>> List<SearchHit> top(
            Map<K, Double> scores,
            List<ScoreFusion.Candidate<K>> lexical,
            List<ScoreFusion.Candidate<K>> dense,
            int k,
            Corpus<K> corpus,
            LocalDate anchor)
            throws IOException {
        Map<K, Double> lex = scores(lexical);
        Map<K, Double> cos = scores(dense);
        List<Map.Entry<K, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<K, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<K, Double>> best = ranked.subList(0, Math.min(k, ranked.size()));
        List<Passage> passages =
                corpus.passages(best.stream().map(Map.Entry::getKey).toList());
        List<SearchHit> hits = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            K key = best.get(i).getKey();
            hits.add(new SearchHit(
                    passages.get(i),
                    best.get(i).getValue(),
                    lex.getOrDefault(key, 0.0),
                    cos.getOrDefault(key, 0.0),
                    null,
                    anchor));
        }
        return List.copyOf(hits);
    }

    private static <K> List<ScoreFusion.Candidate<K>> fusionCandidates(List<Candidate<K>> list) {
        return list.stream()
                .map(c -> new ScoreFusion.Candidate<>(c.key(), c.score()))
                .toList();
    }

    private static <K> Map<K, Double> scores(List<ScoreFusion.Candidate<K>> list) {
        Map<K, Double> m = new LinkedHashMap<>();
        list.forEach(x -> m.putIfAbsent(x.key(), x.score()));
        return m;
    }
}
