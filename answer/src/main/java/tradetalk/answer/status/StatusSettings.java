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
 * @param minCoverage         share of the topic's IDF-weighted terms that makes a passage cover the topic
 * @param minSimilarity       cosine similarity to the topic of a strong match (and see {@link TopicRelevance})
 * @param namedSimilarity     cosine similarity at which a passage naming all the topic's key names is about it
 * @param coveredSimilarity   the same, for a passage that also covers the topic's terms
 */
public record StatusSettings(
        String defaultTopic,
        int windowDays,
        int maxItems,
        int eventDays,
        double sameEventSimilarity,
        double minCoverage,
        double minSimilarity,
        double namedSimilarity,
        double coveredSimilarity) {

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
        new TopicRelevance.Thresholds(minCoverage, minSimilarity, namedSimilarity, coveredSimilarity);
    }

    /** When a passage is about the topic. */
    public TopicRelevance.Thresholds thresholds() {
        return new TopicRelevance.Thresholds(minCoverage, minSimilarity, namedSimilarity, coveredSimilarity);
    }

    /** The shipped defaults. */
    public static StatusSettings defaults() {
        return new StatusSettings("US–China trade talks", 60, 8, 2, 0.85, 0.5, 0.72, 0.66, 0.60);
    }
}
