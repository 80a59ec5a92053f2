package tradetalk.answer.summary;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.answer.UserError;
import tradetalk.answer.extract.CitationNumbers;
import tradetalk.answer.extract.Extracts;
import tradetalk.answer.extract.Extracts.Sentence;
import tradetalk.answer.extract.TopicRelevance;
import tradetalk.answer.model.ModelComposer;
import tradetalk.answer.model.ModelFallback;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;

/**
 * Summaries by sentence selection: the candidate sentences are scored by centrality (closeness to what all of them
 * say, in embedding space), closeness to the topic when there is one, substance (distinct content words), position
 * near an article's lead and whether they stand alone (not opening with a quotation or a pronoun); maximal
 * marginal relevance then picks about {@link SummaryRequest.Length#sentences()} of them without repeats, shown in
 * time order (date, then reading order), each cited.
 *
 * <ul>
 *   <li>An article (by id, URL or file path, exact title, or a unique part of its title): its sentences.</li>
 *   <li>A topic: the sentences of the passages retrieved for it, within the dates, that pass the relevance test of
 *       the offline composer ({@link TopicRelevance}); none → an empty summary.</li>
 *   <li>A date range alone: the lead passages of the newest articles in the range.</li>
 * </ul>
 * With a model, the model writes the summary from the passages of the selected sentences, its citations checked;
 * when it fails, the extractive summary is returned with the reason in {@link Summary#fallback()}.
 */
public final class ExtractiveSummaryService implements SummaryService {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveSummaryService.class);
    /** Passages retrieved for a topic before the relevance test. */
    static final int CANDIDATE_PASSAGES = 60;
    /** Articles read at most for a topic or date range. */
    static final int MAX_ARTICLES = 20;
    /** Passages read per article for a date range. */
    private static final int RANGE_PASSAGES = 2;

    private static final double LAMBDA = 0.7;
    private static final double DUPLICATE = 0.9;
    /** A short summary has no room for a restatement: sentences this close to one picked are left out. */
    private static final double RESTATEMENT = 0.8;

    private static final int MAX_CANDIDATES_LISTED = 10;

    private final ArticleStore index;
    private final Extracts extracts;
    private final TopicRelevance.Thresholds thresholds;
    private final ModelComposer model;

    /**
     * @param index      the article index
     * @param embedder   the index's embedding model, used on sentences
     * @param thresholds when a passage is about the topic
     * @param model      the model composer that writes the prose, or null to summarise extractively
     */
    public ExtractiveSummaryService(
            ArticleStore index, Embedder embedder, TopicRelevance.Thresholds thresholds, ModelComposer model) {
        this.index = Objects.requireNonNull(index, "index");
        this.extracts = new Extracts(Objects.requireNonNull(embedder, "embedder"));
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.model = model;
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        Selection selection;
        if (request.article() != null && !request.article().isBlank()) {
            selection = article(request.article().strip());
        } else if (request.topic() != null && !request.topic().isBlank()) {
            selection = topic(request.topic().strip(), request.since(), request.until());
        } else {
            selection = range(request.since(), request.until());
        }
        if (selection.sentences().isEmpty()) {
            return new Summary(
                    selection.subject(), selection.nothing(), List.of(), true, AnswerComposer.OFFLINE, null, null);
        }
        List<Sentence> picked = pick(selection, request.length().sentences());
        Summary extractive = extractive(selection.subject(), picked);
        if (model == null) {
            return extractive;
        }
        return ModelFallback.run(
                model.name(),
                "summary",
                () -> written(selection.subject(), picked, request.length().sentences()),
                reason -> new Summary(
                        extractive.subject(),
                        extractive.text(),
                        extractive.citations(),
                        false,
                        extractive.backend(),
                        reason,
                        null));
    }

    @Override
    public List<ArticleMeta> findArticles(String titlePart, int max) {
        String part = titlePart == null ? "" : titlePart.strip().toLowerCase(Locale.ROOT);
        return index.articles().stream()
                .filter(a -> a.title().toLowerCase(Locale.ROOT).contains(part))
                .limit(Math.max(0, max))
                .toList();
    }

    /**
     * The article a reference names: its id, URL or file path, its exact title (case-insensitive), or the one title
     * containing it.
     *
     * @throws IllegalArgumentException when several titles contain it; the message lists them
     */
    public Optional<ArticleMeta> resolve(String reference) {
        String ref = reference.strip();
        Optional<ArticleMeta> byId = index.article(ref).map(a -> a.meta());
        if (byId.isPresent()) {
            return byId;
        }
        List<ArticleMeta> all = index.articles();
        Path asPath = pathOrNull(ref);
        for (ArticleMeta a : all) {
            if ((!a.url().isEmpty() && a.url().equals(ref))
                    || (!a.path().isEmpty() && a.path().equals(ref))) {
                return Optional.of(a);
            }
        }
        if (asPath != null) {
            // the same file written another way: relative to the working directory (as `sources` prints it), or with
            // ./ and ../ in it
            for (ArticleMeta a : all) {
                if (!a.path().isEmpty() && asPath.equals(pathOrNull(a.path()))) {
                    return Optional.of(a);
                }
            }
        }
        List<ArticleMeta> exact =
                all.stream().filter(a -> a.title().equalsIgnoreCase(ref)).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.getFirst());
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        List<ArticleMeta> matches = exact.size() > 1
                ? exact
                : all.stream()
                        .filter(a -> a.title().toLowerCase(Locale.ROOT).contains(lower))
                        .toList();
        if (matches.size() <= 1) {
            return matches.stream().findFirst();
        }
        StringBuilder sb = new StringBuilder(
                "'" + ref + "' matches " + matches.size() + " articles; give the id or more of the title:");
        for (ArticleMeta a : matches.subList(0, Math.min(MAX_CANDIDATES_LISTED, matches.size()))) {
            sb.append("\n  ")
                    .append(a.publishedAt() == null ? "undated" : a.publishedAt())
                    .append("  \"")
                    .append(a.title())
                    .append("\"  [")
                    .append(a.id())
                    .append(']');
        }
        if (matches.size() > MAX_CANDIDATES_LISTED) {
            sb.append("\n  ... and ")
                    .append(matches.size() - MAX_CANDIDATES_LISTED)
                    .append(" more");
        }
        throw new UserError(sb.toString());
    }

    // ---- selection ----------------------------------------------------------------------------------------------

    /**
     * The candidate sentences of a summary and how relevant each is.
     *
     * @param subject   what is summarised
     * @param nothing   what an empty summary says
     * @param sentences the candidates
     * @param topic     each candidate's similarity to the topic, or null when there is no topic
     */
    private record Selection(String subject, String nothing, List<Sentence> sentences, double[] topic) {}

    /** The absolute, normalised form of a file path, or null when the text is no path. */
    private static Path pathOrNull(String s) {
        try {
            return Path.of(s).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Selection article(String reference) {
        Optional<ArticleMeta> meta = resolve(reference);
        if (meta.isEmpty()) {
            return new Selection(
                    reference, "Nothing indexed matches the article '" + reference + "'.", List.of(), null);
        }
        List<Sentence> sentences = extracts.sentences(index.passages(meta.get().id()));
        return new Selection(
                meta.get().title(),
                "The article '" + meta.get().title() + "' has no text to summarise.",
                sentences,
                null);
    }

    private Selection topic(String topic, LocalDate since, LocalDate until) {
        String subject = topic + dates(since, until);
        String nothing = "Nothing indexed on " + topic + dates(since, until) + ".";
        List<SearchHit> hits = index.search(
                new SearchRequest(topic, CANDIDATE_PASSAGES, SearchRequest.Mode.HYBRID, since, until, null));
        TopicRelevance relevance = new TopicRelevance(topic, index.prefetch(TextAnalysis.terms(topic)), thresholds);
        Map<String, List<Passage>> byArticle = new LinkedHashMap<>();
        for (SearchHit h : hits) {
            if (relevance.relevant(h)
                    && (byArticle.size() < MAX_ARTICLES
                            || byArticle.containsKey(h.passage().article().id()))) {
                byArticle
                        .computeIfAbsent(h.passage().article().id(), k -> new ArrayList<>())
                        .add(h.passage());
            }
        }
        if (byArticle.isEmpty()) {
            log.info("summary: nothing relevant to '{}' among {} passages", topic, hits.size());
            return new Selection(subject, nothing, List.of(), null);
        }
        List<Sentence> sentences = new ArrayList<>();
        for (List<Passage> ps : byArticle.values()) {
            ps.sort(Comparator.comparingInt(Passage::ordinal));
            sentences.addAll(extracts.sentences(ps));
        }
        return new Selection(subject, nothing, sentences, Extracts.similarity(sentences, extracts.query(topic)));
    }

    private Selection range(LocalDate since, LocalDate until) {
        String subject = "the news" + dates(since, until);
        List<ArticleMeta> articles = index.articles().stream()
                .filter(a -> a.publishedAt() != null)
                .filter(a -> since == null || !a.publishedAt().isBefore(since))
                .filter(a -> until == null || !a.publishedAt().isAfter(until))
                .limit(MAX_ARTICLES)
                .toList();
        List<Sentence> sentences = new ArrayList<>();
        for (ArticleMeta a : articles) {
            List<Passage> ps = index.passages(a.id());
            sentences.addAll(extracts.sentences(ps.subList(0, Math.min(RANGE_PASSAGES, ps.size()))));
        }
        return new Selection(subject, "Nothing indexed" + dates(since, until) + ".", sentences, null);
    }

    private static String dates(LocalDate since, LocalDate until) {
        if (since != null && until != null) {
            return ", " + since + " to " + until;
        }
        if (since != null) {
            return " since " + since;
        }
        return until != null ? " until " + until : "";
    }

    /**
     * About {@code n} sentences by maximal marginal relevance ({@link Extracts#mmr}), where relevance mixes
     * centrality, substance, position near a lead, standing alone and, for a topic, closeness to it; shown in time
     * order.
     */
    private static List<Sentence> pick(Selection selection, int n) {
        List<Sentence> s = selection.sentences();
        double[] central = Extracts.minMax(Extracts.centrality(s));
        double[] topic = selection.topic() == null ? null : Extracts.minMax(selection.topic());
        double[] score = new double[s.size()];
        for (int i = 0; i < score.length; i++) {
            Sentence x = s.get(i);
            double own = 0.3 * Extracts.substance(x) + 0.15 * Extracts.lead(x) + 0.15 * Extracts.standalone(x);
            score[i] = topic == null ? 0.4 * central[i] + own : 0.25 * topic[i] + 0.15 * central[i] + own;
        }
        List<Sentence> picked = new ArrayList<>();
        double duplicate = n <= SummaryRequest.Length.SHORT.sentences() ? RESTATEMENT : DUPLICATE;
        for (int i : Extracts.mmr(s, score, n, LAMBDA, duplicate)) {
            picked.add(s.get(i));
        }
        picked.sort(Comparator.comparing(Sentence::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Sentence::articleId)
                .thenComparingInt(Sentence::position));
        return picked;
    }

    private static Summary extractive(String subject, List<Sentence> picked) {
        CitationNumbers numbers = new CitationNumbers();
        StringBuilder text = new StringBuilder();
        for (Sentence s : picked) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(s.text()).append(CitationMarkers.markers(List.of(numbers.cite(s.passage()))));
        }
        return new Summary(subject, text.toString(), numbers.all(), false, AnswerComposer.OFFLINE, null, null);
    }

    private Summary written(String subject, List<Sentence> picked, int sentences) {
        Map<String, Passage> passages = new LinkedHashMap<>();
        for (Sentence s : picked) {
            passages.putIfAbsent(s.passage().id(), s.passage());
        }
        List<SearchHit> hits =
                passages.values().stream().map(p -> new SearchHit(p, 1, 0, 0)).toList();
        Composition c = model.composeWith(
                "summary", Map.of("topic", subject, "sentences", Integer.toString(sentences)), hits, null);
        if (c.abstained() && c.sentences().stream().anyMatch(s -> !s.supported())) {
            throw new ComposerException("the cited sources support none of the model's summary sentences");
        }
        if (c.abstained()) {
            throw new ComposerException("the model replied that the sources say nothing on it");
        }
        return new Summary(subject, c.answer(), c.citations(), false, model.name(), null, c.usage(), c.sentences());
    }
}
