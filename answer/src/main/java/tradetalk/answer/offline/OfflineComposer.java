package tradetalk.answer.offline;

import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Composition;
import tradetalk.answer.extract.CitationNumbers;
import tradetalk.answer.extract.NearestSources;
import tradetalk.answer.extract.TermWeights;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.index.TextAnalysis;
import tradetalk.retrieval.parse.Texts;

/**
 * Composes an answer with no model: it quotes the sentences of the best retrieved passages that are closest to the
 * question in meaning and in words, drops repeats, groups them by article in reading order and cites each with
 * {@code [n]}. When no passage covers enough of the question, in words or in meaning, it abstains and offers the
 * nearest sources.
 */
public final class OfflineComposer implements AnswerComposer {

    private static final Logger log = LoggerFactory.getLogger(OfflineComposer.class);

    /** What an abstaining answer says. */
    public static final String ABSTAIN_TEXT = NearestSources.ABSTAIN_TEXT;

    /** Words that shape a question but say nothing about its subject. */
    private static final Set<String> QUESTION_WORDS = Set.copyOf(TextAnalysis.terms(
            "who whom whose what which when where why how did do does done doing has have had having were been "
                    + "would could should can may might about say says said tell told me i you we our "
                    + "happen happened know"));

    private final ToDoubleFunction<String> idf;
    private final Embedder embedder;
    private final OfflineSettings settings;

    /**
     * @param idf      inverse document frequency of an analysed term in the index
     * @param embedder the index's embedding model, used to compare sentences with the question (give it a
     *                 {@link tradetalk.retrieval.embed.CachingEmbedder}: the same sentences come back often)
     * @param settings tuning
     */
    public OfflineComposer(ToDoubleFunction<String> idf, Embedder embedder, OfflineSettings settings) {
        this.idf = idf;
        this.embedder = embedder;
        this.settings = settings;
    }

    @Override
    public String name() {
        return AnswerComposer.OFFLINE;
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        TermWeights weights = new TermWeights(question, idf, QUESTION_WORDS);
        double bestPassageCoverage = 0;
        double bestPassageSimilarity = -1;
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < evidence.size(); rank++) {
            SearchHit hit = evidence.get(rank);
            Set<String> passageTerms = new HashSet<>(TextAnalysis.terms(
                    hit.passage().article().title() + " " + hit.passage().text()));
            bestPassageCoverage = Math.max(bestPassageCoverage, weights.coverage(passageTerms));
            bestPassageSimilarity = Math.max(bestPassageSimilarity, hit.dense());
            if (rank >= settings.passages()) {
                continue;
            }
            List<String> sentences = Sentences.split(hit.passage().text());
            List<Set<String>> terms = sentences.stream().map(x -> (Set<String>) new HashSet<>(TextAnalysis.terms(x)))
                    .toList();
            for (int pos = 0; pos < sentences.size(); pos++) {
                Set<String> window = new HashSet<>(terms.get(pos));
                if (pos > 0) {
                    window.addAll(terms.get(pos - 1));
                }
                if (pos + 1 < sentences.size()) {
                    window.addAll(terms.get(pos + 1));
                }
                candidates.add(new Candidate(hit, rank, pos, sentences.get(pos), terms.get(pos),
                        weights.coverage(terms.get(pos)), weights.coverage(window)));
            }
        }
        log.debug("Evidence for '{}': best passage coverage {} similarity {}", question,
                String.format("%.3f", bestPassageCoverage), String.format("%.3f", bestPassageSimilarity));
        // Answered only when a passage holds most of what the question asks about, or is close to it in meaning.
        if (candidates.isEmpty() || (bestPassageCoverage < settings.minCoverage()
                && bestPassageSimilarity < settings.minSimilarity())) {
            return abstain(evidence);
        }
        score(question, candidates);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::rank).thenComparingInt(Candidate::position));

        List<Candidate> chosen = new ArrayList<>();
        double best = candidates.getFirst().score();
        for (Candidate c : candidates) {
            if (chosen.size() == settings.maxSentences() || c.score() < best * 0.75) {
                break;
            }
            if (chosen.stream().anyMatch(o -> o.repeats(c))) {
                continue;
            }
            chosen.add(c);
        }
        return cite(ordered(chosen));
    }

    /**
     * Scores each sentence by its similarity in meaning to the question (normalised over the candidates), the share
     * of the question's terms it contains, and the share its neighbours contain with it (context such as "last
     * Saturday" often sits one sentence away).
     */
    private void score(String question, List<Candidate> candidates) {
        float[] q = embedder.embedQuery(question);
        List<float[]> vectors = embedder.embedPassages(candidates.stream().map(Candidate::sentence).toList());
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            c.similarity = Vectors.dot(q, vectors.get(i));
            min = Math.min(min, c.similarity);
            max = Math.max(max, c.similarity);
        }
        for (Candidate c : candidates) {
            double sim = max > min ? (c.similarity - min) / (max - min) : 1;
            c.score = 0.45 * sim + 0.35 * c.coverage() + 0.2 * c.windowCoverage();
        }
    }

    /** Sentences grouped by article (articles in order of their best sentence), in reading order inside each. */
    private static List<Candidate> ordered(List<Candidate> chosen) {
        Map<String, List<Candidate>> byArticle = new LinkedHashMap<>();
        for (Candidate c : chosen) {
            byArticle.computeIfAbsent(c.hit().passage().article().id(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (List<Candidate> group : byArticle.values()) {
            group.sort(Comparator.comparingInt((Candidate c) -> c.hit().passage().ordinal())
                    .thenComparingInt(Candidate::position));
            out.addAll(group);
        }
        return out;
    }

    private static Composition cite(List<Candidate> sentences) {
        CitationNumbers numbers = new CitationNumbers();
        StringBuilder text = new StringBuilder();
        for (Candidate c : sentences) {
            int n = numbers.cite(c.hit().passage());
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String sentence = c.hit().passage().ordinal() == 0 && c.position() == 0
                    ? Texts.stripDateline(c.sentence()) : c.sentence();
            text.append(sentence).append(CitationNumbers.markers(List.of(n)));
        }
        return new Composition(text.toString(), false, numbers.all(), List.of(), null);
    }

    private Composition abstain(List<SearchHit> evidence) {
        return NearestSources.abstain(evidence, settings.nearest(), null);
    }

    private static final class Candidate {
        private final SearchHit hit;
        private final int rank;
        private final int position;
        private final String sentence;
        private final Set<String> terms;
        private final double coverage;
        private final double windowCoverage;
        private double similarity;
        private double score;

        Candidate(SearchHit hit, int rank, int position, String sentence, Set<String> terms, double coverage,
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
}
