package tradetalk.answer.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Citation;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.extract.CitationNumbers;
import tradetalk.answer.extract.Extracts;
import tradetalk.answer.extract.Extracts.Sentence;
import tradetalk.answer.model.ModelComposer;
import tradetalk.answer.model.ModelFallback;
import tradetalk.answer.status.StatusEvidence.Article;
import tradetalk.answer.status.StatusEvidence.Event;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;

/**
 * Status from a timeline of events, built from the newest articles on the topic.
 *
 * <ol>
 *   <li>The topic's developments in its window ({@link StatusEvidence}): the articles about it
 *       ({@link tradetalk.answer.extract.TopicRelevance}), in a window anchored on its latest development, grouped
 *       into events; none → an empty report.</li>
 *   <li>Each line quotes the sentence of its event that best combines relevance to the topic, centrality within the
 *       event, novelty (least like anything older events said) and position near the lead.</li>
 *   <li>The headline quotes the most central, most relevant sentences of the newest event.</li>
 * </ol>
 * With a model, the model writes the headline and lines from the same selected passages ({@link WrittenStatus});
 * when it fails (or abstains, or writes no dated line), the extractive report is returned with the reason in
 * {@link StatusReport#fallback()}.
 */
public final class TimelineStatusService implements StatusService {

    private final Extracts extracts;
    private final StatusSettings settings;
    private final StatusEvidence evidence;
    private final ModelComposer model;
    private final WrittenStatus written;

    /**
     * @param index      the article index
     * @param embedder   the index's embedding model, used on sentences
     * @param settings   the status section of the configuration (window, items, events, relevance thresholds)
     * @param model      the model composer that writes the prose, or null to report extractively
     */
    public TimelineStatusService(ArticleStore index, Embedder embedder, StatusSettings settings, ModelComposer model) {
        Objects.requireNonNull(index, "index");
        this.extracts = new Extracts(Objects.requireNonNull(embedder, "embedder"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.evidence = new StatusEvidence(index, extracts, settings);
        this.model = model;
        this.written = model == null ? null : new WrittenStatus(index, model, settings.maxItems());
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
        StatusEvidence.Timeline timeline = evidence.timeline(topic, request);
        List<Event> events = timeline.events();
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
        StatusReport extractive = extractive(topic, events, timeline.from());
        if (model == null) {
            return extractive;
        }
        return ModelFallback.run(
                model.name(),
                "status",
                () -> written.written(topic, events.size(), extractive),
                reason -> new StatusReport(
                        topic,
                        extractive.headline(),
                        extractive.items(),
                        extractive.citations(),
                        false,
                        extractive.backend(),
                        reason,
                        null,
                        List.of(),
                        extractive.reachesBack()));
    }

    // ---- the extractive report --------------------------------------------------------------------------------

    /** A timeline line before numbering: the quoted sentence and the sentence cited from each article. */
    private record Line(LocalDate date, Sentence quote, List<Sentence> cited) {}

    private StatusReport extractive(String topic, List<Event> events, LocalDate from) {
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
            head.append(s.text()).append(CitationMarkers.markers(List.of(numbers.cite(s.passage()))));
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
                    l.quote().text() + CitationMarkers.markers(ns),
                    ns.stream().map(n -> citations.get(n - 1)).toList()));
        }
        return new StatusReport(
                topic, head.toString(), items, citations, false, AnswerComposer.OFFLINE, null, null, List.of(), from);
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
}
