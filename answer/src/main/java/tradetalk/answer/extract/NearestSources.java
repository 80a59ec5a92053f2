package tradetalk.answer.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradetalk.answer.Citation;
import tradetalk.answer.Composition;
import tradetalk.answer.Usage;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.SearchHit;

/**
 * What every composer says when the indexed articles do not answer: one text, and the nearest sources, one per
 * article (the best passage of each of the first distinct articles of the evidence), numbered from 1.
 */
public final class NearestSources {

    /** What an abstaining answer says, whichever composer abstained. */
    public static final String ABSTAIN_TEXT =
            "The indexed articles do not answer this question. The nearest sources are listed below.";
    /** How many nearest sources an abstention lists unless configured otherwise. */
    public static final int DEFAULT_MAX = 3;

    private NearestSources() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The first {@code max} distinct articles of the evidence (best first), each with its best passage. */
    public static List<Citation> of(List<SearchHit> evidence, int max) {
        Map<String, Citation> out = new LinkedHashMap<>();
        for (SearchHit h : evidence) {
            if (out.size() == max) {
                break;
            }
            ArticleMeta a = h.passage().article();
            out.putIfAbsent(
                    a.id(),
                    new Citation(
                            out.size() + 1, a, h.passage().id(), h.passage().text()));
        }
        return List.copyOf(out.values());
    }

    /** An abstaining composition listing the nearest {@code max} sources. */
    public static Composition abstain(List<SearchHit> evidence, int max, Usage usage) {
        return new Composition(ABSTAIN_TEXT, true, List.of(), of(evidence, max), usage);
    }
}
