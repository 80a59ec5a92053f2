package tradetalk.retrieval.index;

/**
 * How hybrid search ranks passages. Scores from each signal are normalised to [0, 1] over the candidates, then
 * combined linearly: {@code dense * denseWeight + lexical * lexicalWeight + recency * recencyWeight}.
 *
 * @param candidates          how many passages each signal contributes before fusion
 * @param denseWeight         weight of the (normalised) cosine similarity
 * @param lexicalWeight       weight of the (normalised) BM25 score
 * @param titleBoost          BM25 weight of a match in the title relative to the text
 * @param recencyWeight       weight of the recency signal (0 switches it off)
 * @param recencyHalfLifeDays age, in days before the as-of date, at which the recency signal halves
 */
public record SearchSettings(int candidates, double denseWeight, double lexicalWeight, double titleBoost,
                             double recencyWeight, double recencyHalfLifeDays) {

    public SearchSettings {
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
        if (recencyHalfLifeDays <= 0) {
            throw new IllegalArgumentException("search.recency-half-life-days must be > 0, got " + recencyHalfLifeDays);
        }
    }

    /** The tuned defaults (see BENCHMARKS.md). */
    public static SearchSettings defaults() {
        return new SearchSettings(50, 0.7, 0.3, 0.5, 0.0, 30);
    }
}
