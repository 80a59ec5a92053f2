package tradetalk.answer.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tradetalk.answer.extract.TermWeights;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;

/**
 * The sentences of the best retrieved passages that may answer a question, each scored by its closeness to the
 * question in meaning and in words and by whether it holds what the question asks for ({@link AnswerType}), with
 * the abstention signals of the same evidence ({@link EvidenceSignals}).
 */
final class CandidateSentences {

    /** A term no passage holds, whose IDF is the highest possible. */
    static final String UNSEEN = "\u0000unseen";
    /** Sentences, best first, that may supply an answer of the question's type. */
    private static final int TYPE_SENTENCES = 2;

    private final Embedder embedder;
    private final OfflineSettings settings;

    CandidateSentences(Embedder embedder, OfflineSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    /**
     * The scored candidate sentences of the best passages, the abstention signals, and the vectors of the extra
     * texts embedded with the candidates.
     */
    record Analysis(List<Candidate> candidates, Map<String, Double> signals, List<float[]> extraVectors) {}

    /**
     * @param asOf  the date the question is asked as of; null for none
     * @param q     the question's vector
     * @param extra more texts to embed in the same pass as the candidate sentences (their vectors come back)
     * @param idf   this answer's IDF lookup
     */
    Analysis analyse(
            String question,
            LocalDate asOf,
            float[] q,
            List<SearchHit> evidence,
            List<String> extra,
            ToDoubleFunction<String> idf) {
        AnswerType type = AnswerType.of(question);
        TermWeights weights = new TermWeights(question, idf, QuestionIntent.QUESTION_WORDS);
        List<SearchHit> quoted = new ArrayList<>(evidence.subList(0, Math.min(settings.passages(), evidence.size())));
        // the answer must hold the question's focus ("buy"): when the best passages do not, look further down
        List<String> focus = TextAnalysis.terms(type.focus());
        if (!focus.isEmpty() && quoted.stream().noneMatch(h -> holdsAny(h, focus))) {
            evidence.stream()
                    .skip(quoted.size())
                    .filter(h -> holdsAny(h, focus))
                    .forEach(quoted::add);
        }
        TermWeights local = localWeights(question, quoted, idf);
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < quoted.size(); rank++) {
            SearchHit hit = quoted.get(rank);
            List<String> sentences = Sentences.split(hit.passage().text());
            List<Set<String>> terms = sentences.stream().map(Acronyms::terms).toList();
            for (int pos = 0; pos < sentences.size(); pos++) {
                Set<String> window = new HashSet<>(terms.get(pos));
                if (pos > 0) {
                    window.addAll(terms.get(pos - 1));
                }
                if (pos + 1 < sentences.size()) {
                    window.addAll(terms.get(pos + 1));
                }
                candidates.add(new Candidate(
                        hit,
                        rank,
                        pos,
                        sentences.get(pos),
                        terms.get(pos),
                        local.coverage(terms.get(pos)),
                        local.coverage(window)));
            }
        }
        // one embedding pass: the candidate sentences (for scoring and the signals) and the extra texts
        List<String> texts = new ArrayList<>(candidates.size() + extra.size());
        candidates.forEach(c -> texts.add(c.sentence()));
        texts.addAll(extra);
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedPassages(texts);
        double bestSentence =
                candidates.isEmpty() ? -1 : score(q, type, candidates, vectors.subList(0, candidates.size()));
        boolean typeFound = candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(TYPE_SENTENCES)
                .anyMatch(c -> type.matches(c.sentence()));
        double sentenceCoverage =
                candidates.stream().mapToDouble(Candidate::coverage).max().orElse(0);
        Map<String, Double> signals = EvidenceSignals.of(
                question,
                asOf,
                weights,
                evidence,
                bestSentence,
                sentenceCoverage,
                typeFound,
                type.typed(),
                idf.applyAsDouble(UNSEEN),
                idf);
        return new Analysis(candidates, signals, vectors.subList(candidates.size(), vectors.size()));
    }

    private static boolean holdsAny(SearchHit h, List<String> terms) {
        Set<String> t = new HashSet<>(TextAnalysis.terms(h.passage().text()));
        return terms.stream().anyMatch(f -> TermWeights.holds(t, f));
    }

    /**
     * The question's terms weighted for choosing among the quoted passages' sentences: the index's IDF times how
     * rare the term is among these passages, so that a word every passage holds ("China", "deal") counts for less
     * than the one that tells them apart ("buy").
     */
    private static TermWeights localWeights(String question, List<SearchHit> passages, ToDoubleFunction<String> idf) {
        List<Set<String>> sets = passages.stream()
                .map(h -> Acronyms.terms(
                        h.passage().article().title() + " " + h.passage().text()))
                .toList();
        int n = sets.size();
        return new TermWeights(
                question,
                t -> {
                    long df = sets.stream().filter(x -> TermWeights.holds(x, t)).count();
                    return idf.applyAsDouble(t) * Math.log(1 + n / (df + 0.5));
                },
                QuestionIntent.QUESTION_WORDS);
    }

    /**
     * Scores each sentence by its similarity in meaning to the question (normalised over the candidates), the share
     * of the question's terms it contains, and the share its neighbours contain with it (context such as "last
     * Saturday" often sits one sentence away); a sentence holding what the answer type asks for gains, and so does
     * one holding the question's focus word ("buy" in "What would China buy ...?", or an equivalent: "purchases").
     *
     * @param q       the question's vector
     * @param vectors the candidates' vectors, in order
     * @return the best cosine similarity of a sentence to the question
     */
    private static double score(float[] q, AnswerType type, List<Candidate> candidates, List<float[]> vectors) {
        List<String> focus = TextAnalysis.terms(type.focus());
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
            if (type.typed() && type.matches(c.sentence())) {
                c.score += 0.2;
            }
            if (!focus.isEmpty() && focus.stream().anyMatch(f -> TermWeights.holds(c.terms, f))) {
                c.score += 0.2;
            }
        }
        return max;
    }
}
