package tradetalk.answer.extract;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.SearchHit;

/**
 * Whether a retrieved passage is about a topic: the one test of status timelines, topic summaries and the subject of
 * "latest" questions in ask.
 *
 * <p>A topic with key names ({@link Names#inTopic}: countries and acronyms each, other names by their last word;
 * demonyms count as their country) is decided by those names and by meaning together, never by shared words alone:
 * <ul>
 *   <li>a passage naming every key name is about the topic when its cosine similarity to the topic reaches
 *       {@code namedSimilarity}, or {@code coveredSimilarity} when it also holds {@code minCoverage} of the topic's
 *       IDF-weighted terms ({@link TermWeights}): the words can lower the bar of meaning, not replace it;</li>
 *   <li>a passage missing one of several key names needs {@code minSimilarity} (news writes "Trump" or "Beijing"
 *       for a side); one missing more, or the only one, is not about the topic. "US China trade" needs China and
 *       the US, so a passage on China and talks with someone else is not about it however many words it shares.</li>
 * </ul>
 * A topic without names (all lower case, as members often type, and the subject of a "latest" question) is about a
 * passage that holds {@code minCoverage} of its weighted terms or reaches {@code minSimilarity}: a short generic
 * topic gives every passage a low cosine, so its words carry the test.
 *
 * <p>A passage is {@linkplain Match#STRONG strongly} about the topic when it names every key name, reaches
 * {@code minSimilarity} and holds {@code minCoverage}: only such a passage anchors the status window.
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
     * @param minCoverage       share of the topic's IDF-weighted terms a passage (with its title) holds to count as
     *                          covering it
     * @param minSimilarity     cosine similarity of a strong match, of a passage missing one of several key names, and
     *                          (or coverage) of a passage on a topic without names
     * @param namedSimilarity   cosine similarity at which a passage naming every key name is about the topic
     * @param coveredSimilarity the same, for a passage that also covers the topic's terms
     */
    public record Thresholds(
            double minCoverage, double minSimilarity, double namedSimilarity, double coveredSimilarity) {

        public Thresholds {
            if (minCoverage < 0 || minCoverage > 1) {
                throw new IllegalArgumentException("status.min-coverage must be 0 to 1, got " + minCoverage);
            }
            if (minSimilarity < -1 || minSimilarity > 1) {
                throw new IllegalArgumentException("status.min-similarity must be -1 to 1, got " + minSimilarity);
            }
            if (namedSimilarity < -1 || namedSimilarity > minSimilarity) {
                throw new IllegalArgumentException("status.named-similarity must be from -1 to status.min-similarity ("
                        + minSimilarity + "), got " + namedSimilarity);
            }
            if (coveredSimilarity < -1 || coveredSimilarity > namedSimilarity) {
                throw new IllegalArgumentException(
                        "status.covered-similarity must be from -1 to status.named-similarity (" + namedSimilarity
                                + "), got " + coveredSimilarity);
            }
        }
    }

    private final TermWeights weights;
    private final List<String> names;
    private final Thresholds thresholds;

    /**
     * @param topic      the topic
     * @param idf        inverse document frequency of an analysed term
     * @param thresholds when a passage is about the topic
     */
    public TopicRelevance(String topic, ToDoubleFunction<String> idf, Thresholds thresholds) {
        this.weights = new TermWeights(topic, idf, Set.of());
        this.names = Names.inTopic(topic);
        this.thresholds = thresholds;
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
        double similarity = hit.dense();
        boolean similar = similarity >= thresholds.minSimilarity();
        boolean covered = coverage(hit) >= thresholds.minCoverage();
        if (names.isEmpty()) {
            return similar && covered ? Match.STRONG : similar || covered ? Match.MARGINAL : Match.NONE;
        }
        int missing = missingNames(
                hit.passage().article().title() + ". " + hit.passage().text());
        if (missing == 0) {
            boolean about = similarity >= thresholds.namedSimilarity()
                    || (covered && similarity >= thresholds.coveredSimilarity());
            return !about ? Match.NONE : similar && covered ? Match.STRONG : Match.MARGINAL;
        }
        return missing == 1 && names.size() >= 2 && similar ? Match.MARGINAL : Match.NONE;
    }

    /** True when the passage is about the topic. */
    public boolean relevant(SearchHit hit) {
        return match(hit) != Match.NONE;
    }
}
