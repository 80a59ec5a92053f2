package tradetalk.retrieval.store;

import java.util.Map;

/**
 * What a store counts for term weighting: its passages, and how many of them hold each analysed term in their
 * text. {@link TermCoverage} turns these into IDFs; a store never computes an IDF of its own.
 *
 * @param passages the number of passages
 * @param docFreq  the passages holding each term asked (a term not asked counts as in none)
 */
public record TermCounts(long passages, Map<String, Long> docFreq) {

    public TermCounts {
        docFreq = Map.copyOf(docFreq);
    }

    /** BM25's IDF of the term ({@link TermCoverage#idf(long, long)}). */
    public double idf(String term) {
        return TermCoverage.idf(docFreq.getOrDefault(term, 0L), passages);
    }
}
