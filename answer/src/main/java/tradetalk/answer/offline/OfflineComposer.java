package tradetalk.answer.offline;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Composition;
import tradetalk.answer.extract.CitationNumbers;
import tradetalk.answer.extract.Extracts;
import tradetalk.answer.extract.Extracts.Sentence;
import tradetalk.answer.extract.NearestSources;
import tradetalk.answer.extract.TermWeights;
import tradetalk.answer.extract.TopicRelevance;
import tradetalk.answer.status.StatusSettings;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.QueryDates;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.index.TextAnalysis;
import tradetalk.retrieval.parse.Texts;
import tradetalk.retrieval.store.Idf;

/**
 * Composes an answer with no model. It quotes the sentences of the best retrieved passages that are closest to the
 * question in meaning and in words and hold what the question asks for ({@link AnswerType}: a person, a date, a
 * place, a number, someone's words), leaves out sentences whose speaker is in another sentence, drops repeats, groups
 * them by article in reading order and cites each with {@code [n]}.
 *
 * <p>It abstains when the {@link AbstentionModel} judges from this question's evidence ({@link EvidenceSignals}:
 * the question's specific names and numbers missing from every passage, how much of it the best passage covers,
 * the best passage and sentence similarity, whether BM25 and dense retrieval agree) that the passages do not
 * answer it, and offers the nearest sources.
 *
 * <p>A question about a day ("What happened on November 26?") is answered from the retrieved articles of that day,
 * and one about the latest ("What is the latest on the deal?", "Where do the talks stand now?") from the newest
 * retrieved articles about its subject ({@link TopicRelevance}), with the sentences the status headline would
 * quote ({@link Extracts#headlineScores}). Retrieval already excludes articles after the request's as-of date, so
 * "latest" is as of that date.
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
    /** Words of a question about the latest news, left out of its subject. */
    private static final Pattern LATEST = Pattern.compile(
            "\\b(?:latest|newest|most recent|right now|now|currently|so far|these days|stand|stands|state of play)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "What happened", "what is the news", "what went on": a question that names no more than a time. */
    private static final Pattern WHAT_HAPPENED = Pattern.compile(
            "^\\s*what\\s+(?:happened|was\\s+(?:the\\s+)?news|went\\s+on|was\\s+reported|did\\s+the\\s+\\w+\\s+"
                    + "report)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A term no passage holds, whose IDF is the highest possible. */
    private static final String UNSEEN = "\u0000unseen";
    /** Sentences, best first, that may supply an answer of the question's type. */
    private static final int TYPE_SENTENCES = 2;

    private static final int HEADLINE_SENTENCES = 2;
    /** A sentence of another article at this share of the best score is quoted beside a single source. */
    private static final double RUNNER_UP = 0.6;

    private final Idf idf;
    private final Embedder embedder;
    private final OfflineSettings settings;
    private final AbstentionModel abstention;
    private final TopicRelevance.Thresholds topicThresholds;

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
        List<SearchHit> day = ofTheDay(question, evidence);
        if (!day.isEmpty()) {
            Extracts.Unembedded sentences = unembedded(day);
            return headline(q, day, sentences.with(embedded(sentences.texts())));
        }
        ToDoubleFunction<String> idfs = idfs(question);
        // "the latest" on a subject the passages name (not on someone or something they never mention): the
        // newest passages' sentences are embedded with the candidates, in one pass
        List<SearchHit> newest = LATEST.matcher(question).find() ? newest(question, evidence, idfs) : List.of();
        Extracts.Unembedded latest = unembedded(newest);
        Analysis a = analyse(question, asOf, q, evidence, latest.texts(), idfs);
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
        // a sentence whose speaker is in another sentence is never quoted alone
        List<Candidate> candidates = new ArrayList<>(a.candidates().stream()
                .filter(c -> !Quotes.dangling(c.sentence()))
                .toList());
        if (candidates.isEmpty()) {
            return abstain(evidence);
        }
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
        // when one source supplied everything, the runner-up source is quoted too if it comes close: a second
        // account when the first may be the wrong article
        String first = chosen.getFirst().hit().passage().article().id();
        if (chosen.stream().allMatch(c -> c.hit().passage().article().id().equals(first))) {
            candidates.stream()
                    .filter(c -> !c.hit().passage().article().id().equals(first)
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
        return cite(ordered(chosen));
    }

    /**
     * The signals the abstention model weighs for this question and evidence ({@link EvidenceSignals}), for
     * {@code eval --per-question} and for fitting the model.
     */
    public Map<String, Double> signals(String question, LocalDate asOf, List<SearchHit> evidence) {
        return analyse(question, asOf, questionVector(question, evidence), evidence, List.of(), idfs(question))
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
        terms.add(UNSEEN);
        return idf.prefetch(terms);
    }

    /**
     * The scored candidate sentences of the best passages, the abstention signals, and the vectors of the extra
     * texts embedded with the candidates.
     */
    private record Analysis(List<Candidate> candidates, Map<String, Double> signals, List<float[]> extraVectors) {}

    /**
     * @param asOf  the date the question is asked as of; null for none
     * @param q     the question's vector
     * @param extra more texts to embed in the same pass as the candidate sentences (their vectors come back)
     * @param idf   this answer's IDF lookup
     */
    private Analysis analyse(
            String question,
            LocalDate asOf,
            float[] q,
            List<SearchHit> evidence,
            List<String> extra,
            ToDoubleFunction<String> idf) {
        AnswerType type = AnswerType.of(question);
        TermWeights weights = new TermWeights(question, idf, QUESTION_WORDS);
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
            List<Set<String>> terms = sentences.stream()
                    .map(x -> (Set<String>) new HashSet<>(TextAnalysis.terms(x)))
                    .toList();
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
        List<float[]> vectors = embedded(texts);
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
                .map(h -> (Set<String>) new HashSet<>(TextAnalysis.terms(
                        h.passage().article().title() + " " + h.passage().text())))
                .toList();
        int n = sets.size();
        return new TermWeights(
                question,
                t -> {
                    long df = sets.stream().filter(x -> TermWeights.holds(x, t)).count();
                    return idf.applyAsDouble(t) * Math.log(1 + n / (df + 0.5));
                },
                QUESTION_WORDS);
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
    private double score(float[] q, AnswerType type, List<Candidate> candidates, List<float[]> vectors) {
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

    /**
     * The question's vector: the one retrieval computed for these hits when it embedded this very text with this
     * model (the usual case: no second embedding), else embedded here.
     */
    private float[] questionVector(String question, List<SearchHit> evidence) {
        float[] q = SearchHit.queryVector(evidence, embedder.name(), question);
        return q != null ? q : embedder.embedQuery(question);
    }

    // ---- questions about a day or the latest ------------------------------------------------------------------

    /** The evidence from the day a "what happened on <day>" question names; empty for other questions. */
    private static List<SearchHit> ofTheDay(String question, List<SearchHit> evidence) {
        if (!WHAT_HAPPENED.matcher(question).find()) {
            return List.of();
        }
        Optional<MonthDay> day = QueryDates.dayWithoutYear(question);
        Optional<QueryDates.Span> span = QueryDates.in(question);
        return evidence.stream()
                .filter(h -> {
                    LocalDate d = h.passage().article().publishedAt();
                    if (d == null) {
                        return false;
                    }
                    if (span.isPresent()
                            && span.get().from() != null
                            && span.get().from().equals(span.get().to())) {
                        return d.equals(span.get().from());
                    }
                    return day.isPresent() && MonthDay.from(d).equals(day.get());
                })
                .toList();
    }

    /** The evidence from the newest articles about the question's subject (other than "latest", "now"...). */
    private List<SearchHit> newest(String question, List<SearchHit> evidence, ToDoubleFunction<String> idf) {
        String subject = LATEST.matcher(question).replaceAll(" ");
        TopicRelevance relevance = new TopicRelevance(
                String.join(
                        " ",
                        new TermWeights(subject, idf, QUESTION_WORDS).weights().keySet()),
                idf,
                topicThresholds);
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
        picked.sort(Comparator.comparing(Sentence::date)
                .thenComparing(Sentence::articleId)
                .thenComparingInt(Sentence::position));
        CitationNumbers numbers = new CitationNumbers();
        StringBuilder text = new StringBuilder();
        for (Sentence x : picked) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(x.text())
                    .append(CitationNumbers.markers(List.of(numbers.cite(x.passage()))));
        }
        return new Composition(text.toString(), false, numbers.all(), List.of(), null);
    }

    // ---- citing ---------------------------------------------------------------------------------------------

    /** Sentences grouped by article (articles in order of their best sentence), in reading order inside each. */
    private static List<Candidate> ordered(List<Candidate> chosen) {
        Map<String, List<Candidate>> byArticle = new LinkedHashMap<>();
        for (Candidate c : chosen) {
            byArticle
                    .computeIfAbsent(c.hit().passage().article().id(), k -> new ArrayList<>())
                    .add(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (List<Candidate> group : byArticle.values()) {
            group.sort(
                    Comparator.comparingInt((Candidate c) -> c.hit().passage().ordinal())
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
                    ? Texts.stripDateline(c.sentence())
                    : c.sentence();
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
