package tradetalk.retrieval.store;

/**
 * How hybrid search ranks passages. Each signal's scores are put on one scale over the candidates (see
 * {@link Fusion}; z-scores by default), then combined linearly:
 * {@code dense * denseWeight + lexical * lexicalWeight + recency * recencyWeight}, plus {@code dateBoost} for
 * passages published in the period the question names ({@link tradetalk.retrieval.QueryDates}). With
 * {@link Weights#ADAPTIVE} the two weights are prior odds that each question adjusts (see {@link Weights}). The
 * defaults were chosen on the tune halves of the evaluation sets (see BENCHMARKS.md).
 *
 * @param candidates          how many passages each signal contributes before fusion
 * @param denseWeight         weight of the (normalised) cosine similarity
 * @param lexicalWeight       weight of the (normalised) BM25 score
 * @param titleBoost          BM25 weight of a match in the title relative to the text
 * @param recencyWeight       weight of the recency signal (0 switches it off), for every question alike; how much of
 *                            it a question gets is {@link tradetalk.retrieval.store.RecencyRule}'s decision
 * @param recencyHalfLifeDays age, in days before the index's newest article on or before the day asked, at which the
 *                            recency signal halves
 * @param fusion              how the two signals' scores are put on one scale before the weighted sum
 * @param dateBoost           added to passages published in the period the question names ("in November 2019");
 *                            0 switches it off
 * @param weights             whether the dense and lexical weights are used as given or adapted to each question
 */
public record SearchSettings(
        int candidates,
        double denseWeight,
        double lexicalWeight,
        double titleBoost,
        double recencyWeight,
        double recencyHalfLifeDays,
        Fusion fusion,
        double dateBoost,
        Weights weights) {

    /**
     * How the two weights apply to a question. {@code FIXED}: as configured. {@code ADAPTIVE}: the configured weights
     * are prior odds, multiplied by the evidence of how much of the question BM25's best passage contains (its share
     * {@code c} of the question's IDF-weighted terms): lexical {@code lw*c / (lw*c + dw*(1-c))}, dense the rest.
     */
    public enum Weights {
        FIXED,
        ADAPTIVE;

        /** Reads a config value (case-insensitive). */
        public static Weights parse(String value) {
            for (Weights w : values()) {
                if (w.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return w;
                }
            }
            throw new IllegalArgumentException("search.weights must be fixed or adaptive, got '" + value + "'");
        }
    }

    /**
     * Score fusion. {@code MINMAX}: cosine min-max normalised and BM25 divided by its maximum over the candidates;
     * {@code ZSCORE}: each signal standardised (mean 0, sd 1) over the candidates, a candidate BM25 did not return
     * taking the lowest BM25 score returned; {@code RRF}: weighted reciprocal rank fusion, weight / (60 + rank).
     */
    public enum Fusion {
        MINMAX,
        ZSCORE,
        RRF;

        /** Reads a config value (case-insensitive). */
        public static Fusion parse(String value) {
            for (Fusion f : values()) {
                if (f.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("search.fusion must be minmax, zscore or rrf, got '" + value + "'");
        }
    }

    public SearchSettings {
        if (dateBoost < 0) {
            throw new IllegalArgumentException("search.date-boost must be >= 0, got " + dateBoost);
        }
        if (candidates < 1 || candidates > 10_000) {
            throw new IllegalArgumentException("search.candidates must be 1 to 10000, got " + candidates);
        }
        if (denseWeight < 0 || lexicalWeight < 0 || denseWeight + lexicalWeight == 0) {
            throw new IllegalArgumentException(
                    "search.dense-weight and search.lexical-weight must be >= 0 and not both 0");
        }
        if (titleBoost < 0) {
            throw new IllegalArgumentException("search.title-boost must be >= 0, got " + titleBoost);
        }
        if (recencyWeight < 0) {
            throw new IllegalArgumentException("search.recency-weight must be >= 0, got " + recencyWeight);
        }
        if (fusion == null) {
            throw new IllegalArgumentException("search.fusion must be minmax, zscore or rrf");
        }
        if (weights == null) {
            throw new IllegalArgumentException("search.weights must be fixed or adaptive");
        }
        if (recencyHalfLifeDays <= 0) {
            throw new IllegalArgumentException("search.recency-half-life-days must be > 0, got " + recencyHalfLifeDays);
        }
    }

    /** The tuned defaults (see BENCHMARKS.md). */
    public static SearchSettings defaults() {
        return new SearchSettings(50, 0.5, 0.5, 0.5, 1.25, 7, Fusion.ZSCORE, 0.5, Weights.FIXED);
    }
}
