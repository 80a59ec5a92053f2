package tradetalk.retrieval;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A passage search.
 *
 * @param query  the question or keywords
 * @param k      how many passages to return
 * @param mode   hybrid (default), lexical only or dense only
 * @param from   only articles published on or after this date; null for no bound
 * @param to     only articles published on or before this date; null for no bound
 * @param asOf   the day asked: later articles are excluded and recency counts from the newest article up to it
 *               ({@link tradetalk.retrieval.store.RecencyRule}); the answer path always gives one (today when the
 *               question names none); null = no bound, the index's newest article being "now"
 */
public record SearchRequest(String query, int k, Mode mode, LocalDate from, LocalDate to, LocalDate asOf) {

    /**
     * Which signals rank the passages: both fused, BM25 alone, the HNSW vector index alone, or an exact cosine scan
     * over every passage vector (the brute-force baseline of in-memory vector stores).
     */
    public enum Mode {
        HYBRID,
        BM25,
        DENSE,
        DENSE_EXACT
    }

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
    }

    /** A hybrid search with no date bounds. */
    public static SearchRequest of(String query, int k) {
        return new SearchRequest(query, k, Mode.HYBRID, null, null, null);
    }

    public SearchRequest withMode(Mode m) {
        return new SearchRequest(query, k, m, from, to, asOf);
    }

    public SearchRequest withDates(LocalDate f, LocalDate t) {
        return new SearchRequest(query, k, mode, f, t, asOf);
    }

    public SearchRequest withAsOf(LocalDate d) {
        return new SearchRequest(query, k, mode, from, to, d);
    }

    public SearchRequest withK(int n) {
        return new SearchRequest(query, n, mode, from, to, asOf);
    }
}
