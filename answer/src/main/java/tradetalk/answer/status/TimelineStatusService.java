package tradetalk.answer.status;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Citation;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
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
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.index.TextAnalysis;
import tradetalk.retrieval.store.ArticleStore;

/**
 * Status from a timeline of events, built from the newest articles on the topic.
 *
 * <ol>
 *   <li>Retrieve passages on the topic (hybrid search, up to {@code asOf}, from {@code since} when given) and keep
 *       the dated ones that are about it ({@link TopicRelevance}); none → an empty report.</li>
 *   <li>The window: from {@code since}, else {@code windowDays} back from the newest relevant article.</li>
 *   <li>Articles whose leads say the same thing (cosine ≥ {@code sameEventSimilarity}) within {@code eventDays} of
 *       each other are one event: one timeline line citing all of them, dated by the earliest.</li>
 *   <li>Each line quotes the sentence of its event that best combines relevance to the topic, centrality within the
 *       event, novelty (least like anything older events said) and position near the lead.</li>
 *   <li>The headline quotes the most central, most relevant sentences of the newest event.</li>
 * </ol>
 * With a model, the model writes the headline and lines from the same selected passages; its citations are checked
 * ({@link tradetalk.answer.model.CitationChecker}) and, when it fails (or abstains, or writes no dated line), the
 * extractive report is returned with the reason in {@link StatusReport#fallback()}.
 */
public final class TimelineStatusService implements StatusService {

    private static final Logger log = LoggerFactory.getLogger(TimelineStatusService.class);
    /** Passages retrieved for the topic before the relevance test. */
    static final int CANDIDATE_PASSAGES = 100;
    /** Articles read at most for one report. */
    static final int MAX_ARTICLES = 40;

    private static final int LEAD_SENTENCES = 3;
    private static final Pattern DATED_LINE =
            Pattern.compile("^\\s*(?:[-*•]\\s*)?(\\d{4}-\\d{2}-\\d{2})\\s*[:–—-]\\s*(.+)$");
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final ArticleStore index;
    private final Extracts extracts;
    private final StatusSettings settings;
    private final TopicRelevance.Thresholds thresholds;
    private final ModelComposer model;

    /**
     * @param index      the article index
     * @param embedder   the index's embedding model, used on sentences
     * @param settings   the status section of the configuration (window, items, events, relevance thresholds)
     * @param model      the model composer that writes the prose, or null to report extractively
     */
    public TimelineStatusService(ArticleStore index, Embedder embedder, StatusSettings settings, ModelComposer model) {
        this.index = Objects.requireNonNull(index, "index");
        this.extracts = new Extracts(Objects.requireNonNull(embedder, "embedder"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.thresholds = settings.thresholds();
        this.model = model;
    }

    /** The settings this service reports with (default topic, window). */
    public StatusSettings settings() {
        return settings;
    }

    @Override
    public StatusReport status(StatusRequest request) {
        String topic = request.topic() == null || request.topic().isBlank()
                ? settings.defaultTopic()
                : request.topic().strip();
        List<Event> events = events(topic, request);
        if (events.isEmpty()) {
            String when = request.since() != null ? " since " + request.since() : "";
            return new StatusReport(
                    topic,
                    "Nothing indexed on " + topic + when + ".",
                    List.of(),
                    List.of(),
                    true,
                    AnswerComposer.OFFLINE,
                    null,
                    null);
        }
        StatusReport extractive = extractive(topic, events);
        if (model == null) {
            return extractive;
        }
        return ModelFallback.run(
                model.name(),
                "status",
                () -> written(topic, events, extractive),
                reason -> new StatusReport(
                        topic,
                        extractive.headline(),
                        extractive.items(),
                        extractive.citations(),
                        false,
                        extractive.backend(),
                        reason,
                        null));
    }

    // ---- selecting the evidence -------------------------------------------------------------------------------

    /** One article in the window with its sentences and the vector of its lead. */
    private record Article(ArticleMeta meta, List<Sentence> sentences, float[] lead) {}

    /** Articles describing the same development; {@code sentences} is theirs together. */
    private static final class Event {
        final List<Article> articles = new ArrayList<>();
        final List<Sentence> sentences = new ArrayList<>();
        float[] lead;

        LocalDate first() {
            return articles.getFirst().meta().publishedAt();
        }

        LocalDate last() {
            return articles.getLast().meta().publishedAt();
        }

        void add(Article a) {
            articles.add(a);
            sentences.addAll(a.sentences());
            float[] sum = new float[a.lead().length];
            for (Article x : articles) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += x.lead()[i];
                }
            }
            lead = Vectors.normalize(sum);
        }
    }

    /** The events in the window, oldest first; empty when nothing indexed is about the topic. */
    private List<Event> events(String topic, StatusRequest request) {
        List<SearchHit> hits = index.search(new SearchRequest(
                topic, CANDIDATE_PASSAGES, SearchRequest.Mode.HYBRID, request.since(), null, request.asOf()));
        TopicRelevance relevance = new TopicRelevance(topic, index.prefetch(TextAnalysis.terms(topic)), thresholds);
        List<SearchHit> relevant = hits.stream()
                .filter(h -> h.passage().article().publishedAt() != null && relevance.relevant(h))
                .toList();
        if (relevant.isEmpty()) {
            log.info("status: nothing relevant to '{}' among {} passages", topic, hits.size());
            return List.of();
        }
        LocalDate newest = relevant.stream()
                .map(h -> h.passage().article().publishedAt())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        int window =
                request.windowDays() == StatusRequest.CONFIGURED_WINDOW ? settings.windowDays() : request.windowDays();
        LocalDate from = request.since() != null ? request.since() : newest.minusDays(window);
        Map<String, ArticleMeta> chosen = new LinkedHashMap<>();
        for (SearchHit h : relevant) {
            ArticleMeta a = h.passage().article();
            if (!a.publishedAt().isBefore(from) && chosen.size() < MAX_ARTICLES) {
                chosen.putIfAbsent(a.id(), a);
            }
        }
        List<Article> articles = new ArrayList<>();
        for (ArticleMeta meta : chosen.values()) {
            List<Sentence> sentences = extracts.sentences(index.passages(meta.id()));
            if (!sentences.isEmpty()) {
                List<Sentence> lead = sentences.subList(0, Math.min(LEAD_SENTENCES, sentences.size()));
                articles.add(new Article(meta, sentences, Extracts.centroid(lead)));
            }
        }
        articles.sort(Comparator.comparing((Article a) -> a.meta().publishedAt())
                .thenComparing(a -> a.meta().id()));
        List<Event> events = new ArrayList<>();
        for (Article a : articles) {
            Event same = null;
            double best = settings.sameEventSimilarity();
            for (Event e : events) {
                long apart = ChronoUnit.DAYS.between(e.last(), a.meta().publishedAt());
                double sim = Vectors.dot(e.lead, a.lead());
                if (apart <= settings.eventDays() && sim >= best) {
                    same = e;
                    best = sim;
                }
            }
            if (same == null) {
                same = new Event();
                events.add(same);
            }
            same.add(a);
        }
        return events;
    }

    // ---- the extractive report --------------------------------------------------------------------------------

    /** A timeline line before numbering: the quoted sentence and the sentence cited from each article. */
    private record Line(LocalDate date, Sentence quote, List<Sentence> cited) {}

    private StatusReport extractive(String topic, List<Event> events) {
        float[] topicVector = extracts.query(topic);
        int firstShown = Math.max(0, events.size() - settings.maxItems());
        List<Line> lines = new ArrayList<>();
        for (int i = firstShown; i < events.size(); i++) {
            List<Sentence> older = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                older.addAll(events.get(j).sentences);
            }
            lines.add(line(events.get(i), older, topicVector));
        }
        List<Line> newestFirst = lines.reversed();
        List<Sentence> headline =
                headline(events.getLast(), topicVector, newestFirst.getFirst().quote());

        CitationNumbers numbers = new CitationNumbers();
        StringBuilder head = new StringBuilder();
        for (Sentence s : headline) {
            if (!head.isEmpty()) {
                head.append(' ');
            }
            head.append(s.text()).append(CitationNumbers.markers(List.of(numbers.cite(s.passage()))));
        }
        List<List<Integer>> lineNumbers = new ArrayList<>();
        for (Line l : newestFirst) {
            List<Integer> ns = new ArrayList<>();
            for (Sentence s : l.cited()) {
                ns.add(numbers.cite(s.passage()));
            }
            lineNumbers.add(List.copyOf(new LinkedHashSet<>(ns)));
        }
        List<Citation> citations = numbers.all();
        List<TimelineItem> items = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Line l = newestFirst.get(i);
            List<Integer> ns = lineNumbers.get(i);
            items.add(new TimelineItem(
                    l.date(),
                    l.quote().text() + CitationNumbers.markers(ns),
                    ns.stream().map(n -> citations.get(n - 1)).toList()));
        }
        return new StatusReport(topic, head.toString(), items, citations, false, AnswerComposer.OFFLINE, null, null);
    }

    /**
     * Up to two sentences of the newest event, other than its timeline line: the most relevant and central, near the
     * lead, not repeating (the line itself when the event has nothing else to say).
     */
    private static List<Sentence> headline(Event newest, float[] topicVector, Sentence line) {
        List<Sentence> s = newest.sentences.stream()
                .filter(x -> !Extracts.key(x.text()).equals(Extracts.key(line.text())))
                .toList();
        if (s.isEmpty()) {
            return List.of(line);
        }
        double[] score = Extracts.headlineScores(s, topicVector);
        List<Integer> picked = Extracts.mmr(s, score, 2, 0.7, 0.9);
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            // a second sentence only when it is nearly as good as the first
            if (i == 0 || score[picked.get(i)] >= 0.8 * score[picked.getFirst()]) {
                out.add(s.get(picked.get(i)));
            }
        }
        out.sort(Comparator.comparing((Sentence x) -> x.date()).thenComparingInt(Sentence::position));
        return out;
    }

    /** The line of one event: what was new then, citing every article that covered it. */
    private static Line line(Event event, List<Sentence> older, float[] topicVector) {
        List<Sentence> s = event.sentences;
        double[] topic = Extracts.minMax(Extracts.similarity(s, topicVector));
        double[] central = Extracts.minMax(Extracts.centrality(s));
        double[] novelty = new double[s.size()];
        for (int i = 0; i < novelty.length; i++) {
            novelty[i] = older.isEmpty() ? 1 : 1 - Extracts.maxSimilarity(s.get(i), older);
        }
        novelty = Extracts.minMax(novelty);
        int best = -1;
        double bestScore = -Double.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) {
            double score = 0.3 * topic[i]
                    + 0.2 * central[i]
                    + 0.2 * novelty[i]
                    + 0.15 * Extracts.lead(s.get(i))
                    + 0.15 * Extracts.standalone(s.get(i));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        Sentence quote = s.get(best);
        List<Sentence> cited = new ArrayList<>();
        for (Article a : event.articles) {
            if (a.meta().id().equals(quote.articleId())) {
                cited.add(quote);
            } else {
                // the other article's own account of the same development
                a.sentences().stream()
                        .max(Comparator.comparingDouble(quote::similarity))
                        .ifPresent(cited::add);
            }
        }
        cited.sort(Comparator.comparing((Sentence x) -> x.date()).thenComparing(Sentence::articleId));
        return new Line(event.first(), quote, cited);
    }

    // ---- the model-written report -----------------------------------------------------------------------------

    private StatusReport written(String topic, List<Event> events, StatusReport extractive) {
        // the same evidence: the cited passages of each line and each article's lead passage, newest first
        Map<String, Passage> evidence = new LinkedHashMap<>();
        for (Citation c : extractive.citations()) {
            List<Passage> all = index.passages(c.article().id());
            Set<String> ids = Set.copyOf(c.passageIds());
            for (Passage p : all) {
                if (p.ordinal() == 0 || ids.contains(p.id())) {
                    evidence.putIfAbsent(p.id(), p);
                }
            }
        }
        List<Passage> ordered = new ArrayList<>(evidence.values());
        ordered.sort(Comparator.comparing((Passage p) -> p.article().publishedAt())
                .reversed()
                .thenComparing(p -> p.article().id())
                .thenComparingInt(Passage::ordinal));
        List<SearchHit> hits =
                ordered.stream().map(p -> new SearchHit(p, 1, 0, 0)).toList();
        Map<String, String> vars = new HashMap<>();
        vars.put("topic", topic);
        vars.put("items", Integer.toString(Math.min(settings.maxItems(), events.size())));
        Composition c = model.composeWith("status", vars, hits, null);
        if (c.abstained() && c.sentences().stream().anyMatch(s -> !s.supported())) {
            throw new ComposerException("the cited sources support none of the model's status sentences");
        }
        if (c.abstained()) {
            // the relevance test found evidence on the topic, so the model's "nothing" is the doubtful part
            throw new ComposerException("the model replied that the sources say nothing on the topic");
        }
        Map<Integer, Citation> byNumber = new HashMap<>();
        c.citations().forEach(x -> byNumber.put(x.n(), x));
        StringBuilder head = new StringBuilder();
        List<TimelineItem> items = new ArrayList<>();
        for (String line : c.answer().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = DATED_LINE.matcher(line);
            if (!m.matches()) {
                if (items.isEmpty()) {
                    head.append(head.isEmpty() ? "" : " ").append(line.strip());
                }
                continue;
            }
            String text = m.group(2).strip();
            List<Citation> cited = new ArrayList<>();
            Matcher mk = MARKER.matcher(text);
            while (mk.find()) {
                Citation x = byNumber.get(Integer.parseInt(mk.group(1)));
                if (x != null && !cited.contains(x)) {
                    cited.add(x);
                }
            }
            items.add(new TimelineItem(date(m.group(1), cited), text, cited));
        }
        if (items.isEmpty()) {
            throw new ComposerException("the model's status had no dated, cited timeline lines");
        }
        if (head.isEmpty()) {
            throw new ComposerException("the model's status had no cited headline");
        }
        items.sort(Comparator.comparing(TimelineItem::date, Comparator.nullsLast(Comparator.reverseOrder())));
        return new StatusReport(
                topic, head.toString(), items, c.citations(), false, model.name(), null, c.usage(), c.sentences());
    }

    /** The date the model wrote, or, when it is not a real date, the earliest date of the cited articles. */
    private static LocalDate date(String text, List<Citation> cited) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return cited.stream()
                    .map(x -> x.article().publishedAt())
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }
    }
}
