package tradetalk.answer.offline;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import tradetalk.retrieval.SearchHit;

/** A sentence of a retrieved passage that may be quoted in an answer, with its scores. */
final class Candidate {
    private final SearchHit hit;
    private final int rank;
    private final int position;
    private final String sentence;
    final Set<String> terms;
    private final double coverage;
    private final double windowCoverage;
    double similarity;
    double score;

    /**
     * @param rank           the passage's rank in the evidence
     * @param position       the sentence's position in the passage
     * @param coverage       its share of the question's weighted terms
     * @param windowCoverage the share it and its neighbours hold together
     */
    Candidate(
            SearchHit hit,
            int rank,
            int position,
            String sentence,
            Set<String> terms,
            double coverage,
            double windowCoverage) {
        this.hit = hit;
        this.rank = rank;
        this.position = position;
        this.sentence = sentence;
        this.terms = terms;
        this.coverage = coverage;
        this.windowCoverage = windowCoverage;
    }

    SearchHit hit() {
        return hit;
    }

    int rank() {
        return rank;
    }

    int position() {
        return position;
    }

    String sentence() {
        return sentence;
    }

    double coverage() {
        return coverage;
    }

    double windowCoverage() {
        return windowCoverage;
    }

    double score() {
        return score;
    }

    String articleId() {
        return hit.passage().article().id();
    }

    LocalDate published() {
        return hit.passage().article().publishedAt();
    }

    /** True when the other sentence says nearly the same thing (most of its terms are shared). */
    boolean repeats(Candidate o) {
        if (sentence.equals(o.sentence)) {
            return true;
        }
        Set<String> inter = new HashSet<>(terms);
        inter.retainAll(o.terms);
        int smaller = Math.max(1, Math.min(terms.size(), o.terms.size()));
        return (double) inter.size() / smaller >= 0.8;
    }
}
