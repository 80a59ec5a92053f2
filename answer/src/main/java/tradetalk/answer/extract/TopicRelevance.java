package tradetalk.answer.extract;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.SearchHit;

/**
 * Whether a retrieved passage is about a topic: the one test of status timelines, topic summaries and the subject of
 * "latest" questions in ask. The passage must name the topic's key names ({@link Names#inTopic}; demonyms count as
 * their country), all of them, or all but one when the topic has several and the passage's similarity reaches
 * {@code minSimilarity}: "US China trade" needs China and the US, so a passage on China and talks with someone else is
 * not about it. Then it must contain at least {@code minCoverage} of the topic's
 * IDF-weighted terms ({@link TermWeights}), or its cosine similarity to the topic must reach {@code minSimilarity}:
 * the test the offline composer applies to questions, with thresholds of its own (a topic is shorter than a question, and bge-small gives
 * unrelated short topics cosines up to about 0.68 against the seed articles, related ones 0.75 and more).
 */
public final class TopicRelevance {

    /** How a passage stands to the topic. */
    public enum Match {
        /** Not about the topic. */
        NONE,
        /** About the topic by one of the two tests only, or missing one of several key names. */
        MARGINAL,
        /** Names every key name and passes both tests: only such a passage anchors the status window. */
        STRONG
    }

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
    private final List<String> names;
    private final double minCoverage;
    private final double minSimilarity;

    /**
     * @param topic      the topic
     * @param idf        inverse document frequency of an analysed term
     * @param thresholds when a passage is about the topic
     */
    public TopicRelevance(String topic, ToDoubleFunction<String> idf, Thresholds thresholds) {
        this.weights = new TermWeights(topic, idf, Set.of());
        this.names = Names.inTopic(topic);
        this.minCoverage = thresholds.minCoverage();
        this.minSimilarity = thresholds.minSimilarity();
    }

    /** The share of the topic's weighted terms in the passage and its title. */
    public double coverage(SearchHit hit) {
        return weights.coverage(
                hit.passage().article().title() + " " + hit.passage().text());
    }

    /** The topic's key names, normalised (empty when it has none). */
    public List<String> names() {
        return names;
    }

    /** How many of the topic's key names the text does not name. */
    public int missingNames(String text) {
        Set<String> tokens = Names.tokens(text);
        int missing = 0;
        for (String n : names) {
            boolean plural = n.length() > 3 && n.endsWith("s") && tokens.contains(n.substring(0, n.length() - 1));
            if (!tokens.contains(n) && !plural && !tokens.contains(n + "s")) {
                missing++;
            }
        }
        return missing;
    }

    /** How the retrieved passage stands to the topic. */
    public Match match(SearchHit hit) {
        String text = hit.passage().article().title() + ". " + hit.passage().text();
        int missing = names.isEmpty() ? 0 : missingNames(text);
        boolean similar = hit.dense() >= minSimilarity;
        boolean covered = coverage(hit) >= minCoverage;
        if (missing == 0) {
            return similar && covered ? Match.STRONG : similar || covered ? Match.MARGINAL : Match.NONE;
        }
        return missing == 1 && names.size() >= 2 && similar ? Match.MARGINAL : Match.NONE;
    }

    /** True when the passage is about the topic. */
    public boolean relevant(SearchHit hit) {
        return match(hit) != Match.NONE;
    }
}
