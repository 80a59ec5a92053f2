package tradetalk.answer.status;

import tradetalk.answer.extract.TopicRelevance;

/**
 * The {@code status} section of the configuration.
 *
 * @param defaultTopic        the topic reported on when a request names none
 * @param windowDays          how many days back from the newest relevant article the timeline looks
 * @param maxItems            how many timeline lines at most
 * @param eventDays           articles at most this many days apart may describe the same event
 * @param sameEventSimilarity cosine similarity of two articles' leads at or above which (and within
 *                            {@code eventDays}) they are one event, collapsed into one timeline line
 * @param minCoverage         a passage is about the topic when it contains this share of the topic's IDF-weighted
 *                            terms ...
 * @param minSimilarity       ... or reaches this cosine similarity to it; also used by topic summaries
 */
public record StatusSettings(
        String defaultTopic,
        int windowDays,
        int maxItems,
        int eventDays,
        double sameEventSimilarity,
        double minCoverage,
        double minSimilarity) {

    public StatusSettings {
        if (defaultTopic == null || defaultTopic.isBlank()) {
            throw new IllegalArgumentException("status.default-topic must not be empty");
        }
        defaultTopic = defaultTopic.strip();
        if (windowDays < 1 || windowDays > 3650) {
            throw new IllegalArgumentException("status.window-days must be 1 to 3650, got " + windowDays);
        }
        if (maxItems < 1 || maxItems > 50) {
            throw new IllegalArgumentException("status.max-items must be 1 to 50, got " + maxItems);
        }
        if (eventDays < 0 || eventDays > 30) {
            throw new IllegalArgumentException("status.event-days must be 0 to 30, got " + eventDays);
        }
        if (sameEventSimilarity < 0 || sameEventSimilarity > 1) {
            throw new IllegalArgumentException(
                    "status.same-event-similarity must be 0 to 1, got " + sameEventSimilarity);
        }
        new TopicRelevance.Thresholds(minCoverage, minSimilarity);
    }

    /** When a passage is about the topic. */
    public TopicRelevance.Thresholds thresholds() {
        return new TopicRelevance.Thresholds(minCoverage, minSimilarity);
    }

    /** The shipped defaults. */
    public static StatusSettings defaults() {
        return new StatusSettings("US–China trade talks", 60, 8, 2, 0.85, 0.5, 0.72);
    }
}
