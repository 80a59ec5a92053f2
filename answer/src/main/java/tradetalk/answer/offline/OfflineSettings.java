package tradetalk.answer.offline;

import tradetalk.answer.support.SupportChecker;
import tradetalk.answer.support.UnsupportedPolicy;

/**
 * The {@code answer} section: tuning of the offline composer, and what happens to model sentences their cited
 * source does not support.
 *
 * @param maxSentences how many sentences an answer quotes at most
 * @param minCoverage  no longer used (the {@link AbstentionModel} decides); accepted so older config files load
 * @param minSimilarity no longer used, likewise
 * @param passages     how many of the best passages the quoted sentences are taken from
 * @param nearest      how many nearest sources an abstention shows
 * @param unsupported  {@code drop} or {@code mark}: a model sentence its cited source does not support is removed,
 *                     or kept and marked ({@link UnsupportedPolicy})
 * @param supportSimilarity the cosine a model sentence must reach to some sentence of its cited source
 *                          ({@link SupportChecker})
 */
public record OfflineSettings(
        int maxSentences,
        double minCoverage,
        double minSimilarity,
        int passages,
        int nearest,
        String unsupported,
        double supportSimilarity) {

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
        unsupported = unsupported == null ? "drop" : unsupported.strip();
        UnsupportedPolicy.parse(unsupported);
        if (!(supportSimilarity >= 0 && supportSimilarity <= 1)) {
            throw new IllegalArgumentException("answer.support-similarity must be 0 to 1, got " + supportSimilarity);
        }
    }

    /** The offline settings with the default support check. */
    public OfflineSettings(int maxSentences, double minCoverage, double minSimilarity, int passages, int nearest) {
        this(
                maxSentences,
                minCoverage,
                minSimilarity,
                passages,
                nearest,
                "drop",
                SupportChecker.DEFAULT_MIN_SIMILARITY);
    }

    /** {@code answer.unsupported} as a policy. */
    public UnsupportedPolicy unsupportedPolicy() {
        return UnsupportedPolicy.parse(unsupported);
    }

    /** Defaults tuned on the seed questions. */
    public static OfflineSettings defaults() {
        return new OfflineSettings(3, 0.5, 0.62, 4, 3);
    }
}
