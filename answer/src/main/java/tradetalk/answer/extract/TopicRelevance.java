package tradetalk.answer.extract;

import java.util.Set;
import java.util.function.ToDoubleFunction;
import tradetalk.retrieval.SearchHit;

/**
 * Whether a retrieved passage is about a topic: it contains at least {@code minCoverage} of the topic's
 * IDF-weighted terms ({@link TermWeights}), or its cosine similarity to the topic reaches {@code minSimilarity}:
 * the test the offline composer applies to questions, with thresholds of its own (a topic is shorter than a question, and bge-small gives
 * unrelated short topics cosines up to about 0.68 against the seed articles, related ones 0.75 and more).
 */
public final class TopicRelevance {

    /**
     * When a passage counts as being about a topic.
     *
     * @param minCoverage   share of the topic's IDF-weighted terms a passage (with its title) must contain
     * @param minSimilarity cosine similarity to the topic a passage must reach otherwise
     */
    public record Thresholds(double minCoverage, double minSimilarity) {

        public Thresholds {
            if (minCoverage < 0 || minCoverage > 1) {
                throw new IllegalArgumentException("status.min-coverage must be 0 to 1, got " + minCoverage);
            }
            if (minSimilarity < -1 || minSimilarity > 1) {
                throw new IllegalArgumentException("status.min-similarity must be -1 to 1, got " + minSimilarity);
            }
        }
    }

    private final TermWeights weights;
    private final double minCoverage;
    private final double minSimilarity;

    /**
     * @param topic      the topic
     * @param idf        inverse document frequency of an analysed term
     * @param thresholds when a passage is about the topic
     */
    public TopicRelevance(String topic, ToDoubleFunction<String> idf, Thresholds thresholds) {
        this.weights = new TermWeights(topic, idf, Set.of());
        this.minCoverage = thresholds.minCoverage();
        this.minSimilarity = thresholds.minSimilarity();
    }

    /** The share of the topic's weighted terms in the passage and its title. */
    public double coverage(SearchHit hit) {
        return weights.coverage(
                hit.passage().article().title() + " " + hit.passage().text());
    }

    /** True when the passage is about the topic. */
    public boolean relevant(SearchHit hit) {
        return hit.dense() >= minSimilarity || coverage(hit) >= minCoverage;
    }
}
