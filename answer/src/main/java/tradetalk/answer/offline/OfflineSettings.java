package tradetalk.answer.offline;

/**
 * Tuning of the offline composer.
 *
 * @param maxSentences how many sentences an answer quotes at most
 * @param minCoverage  the share (IDF-weighted) of the question's terms that the best sentence must contain; below it
 *                     the composer abstains
 * @param nearest      how many nearest sources an abstention shows
 */
public record OfflineSettings(int maxSentences, double minCoverage, int nearest) {

    public OfflineSettings {
        if (maxSentences < 1 || maxSentences > 20) {
            throw new IllegalArgumentException("answer.max-sentences must be 1 to 20, got " + maxSentences);
        }
        if (minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("answer.min-coverage must be 0 to 1, got " + minCoverage);
        }
        if (nearest < 0 || nearest > 10) {
            throw new IllegalArgumentException("answer.nearest must be 0 to 10, got " + nearest);
        }
    }

    /** Defaults tuned on the seed questions. */
    public static OfflineSettings defaults() {
        return new OfflineSettings(3, 0.5, 3);
    }
}
