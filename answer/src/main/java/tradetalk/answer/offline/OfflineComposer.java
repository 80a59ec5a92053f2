package tradetalk.answer.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Citation;
import tradetalk.answer.Composition;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.index.TextAnalysis;

/**
 * Composes an answer with no model: it quotes the sentences of the retrieved passages that contain most of the
 * question's (IDF-weighted) terms, drops repeats, groups them by article in reading order and cites each with
 * {@code [n]}. When no sentence covers enough of the question it abstains and offers the nearest sources.
 */
public final class OfflineComposer implements AnswerComposer {

    /** What an abstaining answer says. */
    public static final String ABSTAIN_TEXT =
            "The indexed articles do not answer this question. The nearest sources are listed below.";

    /** Words that shape a question but say nothing about its subject. */
    private static final Set<String> QUESTION_WORDS = Set.copyOf(TextAnalysis.terms(
            "who whom whose what which when where why how did do does done doing has have had having were been "
                    + "would could should can may might about say says said tell told me i you we our "
                    + "happen happened know"));

    private final ToDoubleFunction<String> idf;
    private final OfflineSettings settings;

    /**
     * @param idf      inverse document frequency of an analysed term in the index
     * @param settings tuning
     */
    public OfflineComposer(ToDoubleFunction<String> idf, OfflineSettings settings) {
        this.idf = idf;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        Map<String, Double> weights = questionTerms(question);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Candidate> candidates = new ArrayList<>();
        double topScore = evidence.isEmpty() ? 1 : Math.max(1e-9, evidence.getFirst().score());
        for (int rank = 0; rank < evidence.size(); rank++) {
            SearchHit hit = evidence.get(rank);
            List<String> sentences = Sentences.split(hit.passage().text());
            for (int pos = 0; pos < sentences.size(); pos++) {
                String s = sentences.get(pos);
                Set<String> terms = new HashSet<>(TextAnalysis.terms(s));
                double covered = 0;
                for (var e : weights.entrySet()) {
                    if (terms.contains(e.getKey())) {
                        covered += e.getValue();
                    }
                }
                double coverage = total == 0 ? 0 : covered / total;
                double prior = Math.max(0, hit.score()) / topScore;
                candidates.add(new Candidate(hit, rank, pos, s, terms, coverage, coverage + 0.25 * prior));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::rank).thenComparingInt(Candidate::position));

        if (candidates.isEmpty() || candidates.getFirst().coverage() < settings.minCoverage()) {
            return abstain(evidence);
        }
        List<Candidate> chosen = new ArrayList<>();
        double best = candidates.getFirst().score();
        for (Candidate c : candidates) {
            if (chosen.size() == settings.maxSentences()) {
                break;
            }
            if (c.coverage() < settings.minCoverage() * 0.75 || c.score() < best * 0.6) {
                break;
            }
            if (chosen.stream().anyMatch(o -> o.repeats(c))) {
                continue;
            }
            chosen.add(c);
        }
        return cite(ordered(chosen));
    }

    private Map<String, Double> questionTerms(String question) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String t : TextAnalysis.terms(question)) {
            if (!QUESTION_WORDS.contains(t)) {
                w.put(t, Math.max(0.1, idf.applyAsDouble(t)));
            }
        }
        return w;
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
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, ArticleMeta> articles = new LinkedHashMap<>();
        Map<String, Set<String>> passageIds = new LinkedHashMap<>();
        Map<String, Set<String>> passageTexts = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Candidate c : sentences) {
            ArticleMeta a = c.hit().passage().article();
            int n = numbers.computeIfAbsent(a.id(), k -> numbers.size() + 1);
            articles.putIfAbsent(a.id(), a);
            passageIds.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(c.hit().passage().id());
            passageTexts.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(c.hit().passage().text());
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(c.sentence()).append(" [").append(n).append(']');
        }
        List<Citation> citations = new ArrayList<>();
        numbers.forEach((id, n) -> citations.add(new Citation(n, articles.get(id),
                String.join(",", passageIds.get(id)), String.join(" … ", passageTexts.get(id)))));
        return new Composition(text.toString(), false, citations, List.of(), null);
    }

    private Composition abstain(List<SearchHit> evidence) {
        return new Composition(ABSTAIN_TEXT, true, List.of(), nearest(evidence, settings.nearest()), null);
    }

    /** The first {@code max} distinct articles of the evidence, numbered from 1. */
    public static List<Citation> nearest(List<SearchHit> evidence, int max) {
        Map<String, Citation> out = new LinkedHashMap<>();
        for (SearchHit h : evidence) {
            if (out.size() == max) {
                break;
            }
            ArticleMeta a = h.passage().article();
            out.putIfAbsent(a.id(), new Citation(out.size() + 1, a, h.passage().id(), h.passage().text()));
        }
        return List.copyOf(out.values());
    }

    private record Candidate(SearchHit hit, int rank, int position, String sentence, Set<String> terms,
                             double coverage, double score) {

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
