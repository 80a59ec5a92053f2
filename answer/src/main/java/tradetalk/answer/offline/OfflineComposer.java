package tradetalk.answer.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Composition;
import tradetalk.answer.extract.Extracts;
import tradetalk.answer.extract.Extracts.Sentence;
import tradetalk.answer.extract.NearestSources;
import tradetalk.answer.extract.TermWeights;
import tradetalk.answer.extract.TopicRelevance;
import tradetalk.answer.status.StatusSettings;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.Idf;

/**
 * Composes an answer with no model. It quotes the sentences of the best retrieved passages that are closest to the
 * question in meaning and in words and hold what the question asks for ({@link CandidateSentences}, {@link
 * AnswerType}: a person, a date, a place, a number, someone's words), leaves out sentences whose speaker is in
 * another sentence, drops repeats, and cites each with {@code [n]} ({@link Citing}).
 *
 * <p>It abstains when the {@link AbstentionModel} judges from this question's evidence ({@link EvidenceSignals})
 * that the passages do not answer it, or when a question about someone's words ("What did Xi say ...?") finds no
 * sentence in that person's own words ({@link Quotes#saidBy}), and offers the nearest sources.
 *
 * <p>A question about a day ("What happened on November 26?") is answered from the retrieved articles of that day,
 * and one about the latest ("What is the latest on the deal?", "Where do the talks stand now?") from the newest
 * retrieved articles about its subject ({@link TopicRelevance}), with the sentences the status headline would
 * quote ({@link Extracts#headlineScores}). Retrieval already excludes articles after the request's as-of date, so
 * "latest" is as of that date. "When" and "latest" answers list the newest evidence first ({@link QuestionIntent}).
 */
public final class OfflineComposer implements AnswerComposer {

    private static final Logger log = LoggerFactory.getLogger(OfflineComposer.class);

    /** What an abstaining answer says. */
    public static final String ABSTAIN_TEXT = NearestSources.ABSTAIN_TEXT;

    private static final int HEADLINE_SENTENCES = 2;
    /** A sentence of another article at this share of the best score is quoted beside a single source. */
    private static final double RUNNER_UP = 0.6;

    private final Idf idf;
    private final Embedder embedder;
    private final OfflineSettings settings;
    private final AbstentionModel abstention;
    private final TopicRelevance.Thresholds topicThresholds;
    private final CandidateSentences sentences;

    /**
     * @param idf      inverse document frequency of analysed terms in the index (the store: an answer looks up its
     *                 question's terms at once, {@link Idf#prefetch})
     * @param embedder the index's embedding model, used to compare sentences with the question (give it a
     *                 {@link tradetalk.retrieval.embed.CachingEmbedder}: the same sentences come back often)
     * @param settings tuning
     */
    public OfflineComposer(Idf idf, Embedder embedder, OfflineSettings settings) {
        this(
                idf,
                embedder,
                settings,
                AbstentionModel.bundled(),
                StatusSettings.defaults().thresholds());
    }

    /**
     * @param abstention      when to abstain
     * @param topicThresholds when a passage is about the subject of a "latest" question (the status section's)
     */
    public OfflineComposer(
            Idf idf,
            Embedder embedder,
            OfflineSettings settings,
            AbstentionModel abstention,
            TopicRelevance.Thresholds topicThresholds) {
        this.idf = idf;
        this.embedder = embedder;
        this.settings = settings;
        this.abstention = abstention;
        this.topicThresholds = topicThresholds;
        this.sentences = new CandidateSentences(embedder, settings);
    }

    @Override
    public String name() {
        return AnswerComposer.OFFLINE;
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        return compose(question, null, evidence, partial);
    }

    /**
     * Composes an answer to a question asked as of a date (null: none), which the abstention model weighs: news
     * questions are mostly about the week up to that date.
     */
    @Override
    public Composition compose(String question, LocalDate asOf, List<SearchHit> evidence, Consumer<String> partial) {
        float[] q = questionVector(question, evidence);
        List<SearchHit> day = QuestionIntent.ofTheDay(question, evidence);
        if (!day.isEmpty()) {
            Extracts.Unembedded texts = unembedded(day);
            return headline(q, day, texts.with(embedded(texts.texts())));
        }
        ToDoubleFunction<String> idfs = idfs(question);
        AnswerType type = AnswerType.of(question);
        // "the latest" on a subject the passages name (not on someone or something they never mention): the
        // newest passages' sentences are embedded with the candidates, in one pass
        List<SearchHit> newest = QuestionIntent.asksLatest(question) && type.kind() != AnswerType.Kind.QUOTE
                ? newest(question, evidence, idfs)
                : List.of();
        Extracts.Unembedded latest = unembedded(newest);
        CandidateSentences.Analysis a = sentences.analyse(question, asOf, q, evidence, latest.texts(), idfs);
        if (!newest.isEmpty() && a.signals().get("missing_specific") == 0) {
            return headline(q, newest, latest.with(a.extraVectors()));
        }
        log.debug(
                "Evidence for '{}': {} → p(not answered) {}",
                question,
                a.signals(),
                String.format("%.3f", abstention.probability(a.signals())));
        if (a.candidates().isEmpty() || abstention.abstains(a.signals())) {
            return abstain(evidence);
        }
        List<String> topic = TextAnalysis.terms(AnswerType.quoteTopic(question)).stream()
                .filter(t -> !QuestionIntent.QUESTION_WORDS.contains(t))
                .toList();
        List<Candidate> candidates = new ArrayList<>(a.candidates().stream()
                // "what did X say about Y" is answered in X's own words, in a passage about Y
                .filter(c -> type.kind() != AnswerType.Kind.QUOTE
                        || (Quotes.saidBy(c.sentence(), type.speaker()) && nextTo(c, topic)))
                // a sentence whose speaker is in another sentence is never quoted alone
                .filter(c -> !Quotes.dangling(c.sentence()))
                .toList());
        if (candidates.isEmpty()) {
            return abstain(evidence);
        }
        return Citing.cite(choose(candidates), QuestionIntent.newestFirst(question));
    }

    /** True when the sentence's passage holds more than half of these terms (any passage, when there are none). */
    private static boolean nextTo(Candidate c, List<String> terms) {
        if (terms.isEmpty()) {
            return true;
        }
        Set<String> passage = Acronyms.terms(c.hit().passage().text());
        long held = terms.stream().filter(t -> TermWeights.holds(passage, t)).count();
        return held * 2 > terms.size();
    }

    /**
     * The best sentences: up to the configured number within 75% of the best score, no repeats; when one source
     * supplied everything, the runner-up source too if it comes close (a second account when the first may be the
     * wrong article).
     */
    private List<Candidate> choose(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparingInt(Candidate::rank)
                .thenComparingInt(Candidate::position));
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
        String first = chosen.getFirst().articleId();
        if (chosen.stream().allMatch(c -> c.articleId().equals(first))) {
            candidates.stream()
                    .filter(c -> !c.articleId().equals(first)
                            && c.score() >= best * RUNNER_UP
                            && chosen.stream().noneMatch(o -> o.repeats(c)))
                    .findFirst()
                    .ifPresent(c -> {
                        if (chosen.size() == settings.maxSentences() && chosen.size() > 1) {
                            chosen.removeLast();
                        }
                        chosen.add(c);
                    });
        }
        return chosen;
    }

    /**
     * The signals the abstention model weighs for this question and evidence ({@link EvidenceSignals}), for
     * {@code eval --per-question} and for fitting the model.
     */
    public Map<String, Double> signals(String question, LocalDate asOf, List<SearchHit> evidence) {
        return sentences
                .analyse(question, asOf, questionVector(question, evidence), evidence, List.of(), idfs(question))
                .signals();
    }

    /**
     * The IDF lookup of one answer: the question's terms, their equivalents and the unseen term looked up at once
     * (one request to a remote store, not one per term), any other term when first asked.
     */
    private ToDoubleFunction<String> idfs(String question) {
        Set<String> terms = new LinkedHashSet<>();
        for (String t : TextAnalysis.terms(question)) {
            terms.add(t);
            terms.addAll(TermWeights.equivalents(t));
        }
        terms.add(CandidateSentences.UNSEEN);
        return idf.prefetch(terms);
    }

    /**
     * The question's vector: the one retrieval computed for these hits when it embedded this very text with this
     * model (the usual case: no second embedding), else embedded here.
     */
    private float[] questionVector(String question, List<SearchHit> evidence) {
        float[] q = SearchHit.queryVector(evidence, embedder.name(), question);
        return q != null ? q : embedder.embedQuery(question);
    }

    /** The evidence from the newest articles about the question's subject (other than "latest", "now"...). */
    private List<SearchHit> newest(String question, List<SearchHit> evidence, ToDoubleFunction<String> idf) {
        TopicRelevance relevance = new TopicRelevance(QuestionIntent.latestTopic(question), idf, topicThresholds);
        List<SearchHit> relevant = evidence.stream()
                .filter(h -> h.passage().article().publishedAt() != null && relevance.relevant(h))
                .toList();
        Optional<LocalDate> newest =
                relevant.stream().map(h -> h.passage().article().publishedAt()).max(Comparator.naturalOrder());
        return newest.map(d -> relevant.stream()
                        .filter(h -> h.passage().article().publishedAt().equals(d))
                        .toList())
                .orElse(List.of());
    }

    /** The vectors of these texts, in one call (none for no texts). */
    private List<float[]> embedded(List<String> texts) {
        return texts.isEmpty() ? List.of() : embedder.embedPassages(texts);
    }

    /**
     * The sentences of these passages that the status headline would choose from, not embedded yet: each article's
     * passages in reading order ({@link Extracts#unembedded}), articles in order of their first hit.
     */
    private static Extracts.Unembedded unembedded(List<SearchHit> hits) {
        Map<String, List<Passage>> byArticle = new LinkedHashMap<>();
        for (SearchHit h : hits) {
            byArticle
                    .computeIfAbsent(h.passage().article().id(), k -> new ArrayList<>())
                    .add(h.passage());
        }
        List<Passage> owners = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (List<Passage> ps : byArticle.values()) {
            ps.sort(Comparator.comparingInt(Passage::ordinal));
            Extracts.Unembedded u = Extracts.unembedded(ps);
            owners.addAll(u.owners());
            positions.addAll(u.positions());
            texts.addAll(u.texts());
        }
        return new Extracts.Unembedded(owners, positions, texts);
    }

    /** The sentences (of these hits' passages) the status headline would quote, as an answer. */
    private Composition headline(float[] q, List<SearchHit> hits, List<Sentence> sentences) {
        if (sentences.isEmpty()) {
            return abstain(hits);
        }
        double[] score = Extracts.headlineScores(sentences, q);
        List<Sentence> picked = new ArrayList<>();
        for (int i : Extracts.mmr(sentences, score, HEADLINE_SENTENCES, 0.7, 0.9)) {
            picked.add(sentences.get(i));
        }
        return Citing.headline(picked);
    }

    private Composition abstain(List<SearchHit> evidence) {
        return NearestSources.abstain(evidence, settings.nearest(), null);
    }
}
