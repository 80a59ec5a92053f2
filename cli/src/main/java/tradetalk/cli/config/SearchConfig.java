package tradetalk.cli.config;

import tradetalk.retrieval.store.SearchSettings;

/**
 * The {@code search} section as written in the file: {@code k} plus the values of the retrieval module's
 * {@link SearchSettings}, which checks them ({@link TradetalkConfig} builds {@link #settings()} at load, so a bad value
 * fails at start, naming the key).
 */
public record SearchConfig(
        int k,
        int candidates,
        double denseWeight,
        double lexicalWeight,
        double titleBoost,
        double recencyWeight,
        double recencyHalfLifeDays,
        String fusion,
        double dateBoost,
        String weights) {

    public SearchConfig {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("search.k must be 1 to 100, got " + k);
        }
    }

    /** The settings the index searches with. */
    public SearchSettings settings() {
        return new SearchSettings(
                candidates,
                denseWeight,
                lexicalWeight,
                titleBoost,
                recencyWeight,
                recencyHalfLifeDays,
                SearchSettings.Fusion.parse(fusion),
                dateBoost,
                SearchSettings.Weights.parse(weights));
    }
}
