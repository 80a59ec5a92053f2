package tradetalk.retrieval;

import java.time.LocalDate;
import java.util.List;

/**
 * One retrieved passage.
 *
 * @param passage the passage
 * @param score   the fused score used for ranking (higher is better)
 * @param lexical the passage's BM25 score, 0 when the lexical search did not return it
 * @param dense   the cosine similarity of the passage to the query, 0 when the dense search did not return it
 * @param query   the query's vector when the search embedded it (the same for every hit of a search), else null
 * @param anchor  the search's "now": the newest passage published on or before its as-of date (the same for every
 *                hit of a search), from which recency counts; null when the search did not look it up
 */
public record SearchHit(
        Passage passage, double score, double lexical, double dense, QueryVector query, LocalDate anchor) {

    /** A hit that carries no query vector and no anchor. */
    public SearchHit(Passage passage, double score, double lexical, double dense) {
        this(passage, score, lexical, dense, null, null);
    }

    /** A hit that carries no anchor. */
    public SearchHit(Passage passage, double score, double lexical, double dense, QueryVector query) {
        this(passage, score, lexical, dense, query, null);
    }

    /** This hit carrying the vector of the query that found it. */
    public SearchHit withQuery(QueryVector q) {
        return new SearchHit(passage, score, lexical, dense, q, anchor);
    }

    /** The anchor of a search's hits (see {@link #anchor()}); null when none carries one. */
    public static LocalDate anchor(List<SearchHit> hits) {
        return hits.stream()
                .map(SearchHit::anchor)
                .filter(a -> a != null)
                .findFirst()
                .orElse(null);
    }

    /** The query vector of a search's hits when it is the vector of {@code text} by {@code model}, else null. */
    public static float[] queryVector(List<SearchHit> hits, String model, String text) {
        for (SearchHit h : hits) {
            if (h.query() != null && h.query().isOf(model, text)) {
                return h.query().vector();
            }
        }
        return null;
    }
}
