package tradetalk.bot.config;

import tradetalk.retrieval.index.SearchSettings;

/**
 * The {@code search} section: {@code k} plus the retrieval module's {@link SearchSettings}.
 */
public record SearchConfig(int k, int candidates, double denseWeight, double lexicalWeight, double titleBoost,
                           double recencyWeight, double recencyHalfLifeDays, String fusion,
                           double dateBoost) {

    public SearchConfig {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("search.k must be 1 to 100, got " + k);
        }
        settings(candidates, denseWeight, lexicalWeight, titleBoost, recencyWeight, recencyHalfLifeDays, fusion,
                dateBoost);
    }

    /** The settings the index searches with. */
    public SearchSettings settings() {
        return settings(candidates, denseWeight, lexicalWeight, titleBoost, recencyWeight, recencyHalfLifeDays,
                fusion, dateBoost);
    }

    private static SearchSettings settings(int candidates, double denseWeight, double lexicalWeight,
                                           double titleBoost, double recencyWeight, double recencyHalfLifeDays,
                                           String fusion, double dateBoost) {
        return new SearchSettings(candidates, denseWeight, lexicalWeight, titleBoost, recencyWeight,
                recencyHalfLifeDays, SearchSettings.Fusion.parse(fusion), dateBoost);
    }
}
