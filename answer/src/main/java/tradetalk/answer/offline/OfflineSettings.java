package tradetalk.answer.offline;

/**
 * Tuning of the offline composer.
 *
 * @param maxSentences how many sentences an answer quotes at most
 * @param minCoverage  no longer used (the {@link AbstentionModel} decides); accepted so older config files load
 * @param minSimilarity no longer used, likewise
 * @param passages     how many of the best passages the quoted sentences are taken from
 * @param nearest      how many nearest sources an abstention shows
 */
public record OfflineSettings(int maxSentences, double minCoverage, double minSimilarity, int passages,
                              int nearest) {

    public OfflineSettings {
        if (maxSentences < 1 || maxSentences > 20) {
            throw new IllegalArgumentException("answer.max-sentences must be 1 to 20, got " + maxSentences);
        }
        if (minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("answer.min-coverage must be 0 to 1, got " + minCoverage);
        }
        if (minSimilarity < -1 || minSimilarity > 1) {
            throw new IllegalArgumentException("answer.min-similarity must be -1 to 1, got " + minSimilarity);
        }
        if (passages < 1 || passages > 50) {
            throw new IllegalArgumentException("answer.passages must be 1 to 50, got " + passages);
        }
        if (nearest < 0 || nearest > 10) {
            throw new IllegalArgumentException("answer.nearest must be 0 to 10, got " + nearest);
        }
    }

    /** Defaults tuned on the seed questions. */
    public static OfflineSettings defaults() {
        return new OfflineSettings(3, 0.5, 0.62, 4, 3);
    }
}
