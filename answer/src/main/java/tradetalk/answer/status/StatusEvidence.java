package tradetalk.answer.status;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.extract.Extracts;
import tradetalk.answer.extract.Extracts.Sentence;
import tradetalk.answer.extract.TopicRelevance;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Vectors;
import tradetalk.retrieval.store.ArticleStore;

/**
 * The evidence of a status report: the developments of a topic in its window, oldest first.
 *
 * <ol>
 *   <li>Retrieve passages on the topic (hybrid search, up to {@code asOf}, from {@code since} when given) and keep
 *       the dated ones that are about it ({@link TopicRelevance}).</li>
 *   <li>The window: from {@code since}, else {@code windowDays} back from the topic's latest development: its newest
 *       strongly relevant article ({@link TopicRelevance.Match#STRONG}: all key names, both tests), or its newest relevant one when none is
 *       strong. A marginal hit newer than that still shows, but cannot move the window: a topic whose last real
 *       development is a year old still shows that development.</li>
 *   <li>Articles are taken oldest first, and on the same day the least relevant first (by {@link
 *       TopicRelevance.Match}, then similarity to the topic): the day's most relevant article leads the timeline and
 *       gives the headline, whatever the order of the articles' ids.</li>
 *   <li>Articles whose leads say the same thing (cosine ≥ {@code sameEventSimilarity}) within {@code eventDays} of
 *       each other are one event, dated by the earliest.</li>
 * </ol>
 */
final class StatusEvidence {

    private static final Logger log = LoggerFactory.getLogger(StatusEvidence.class);
    /** Passages retrieved for the topic before the relevance test. */
    static final int CANDIDATE_PASSAGES = 100;
    /** Articles read at most for one report. */
    static final int MAX_ARTICLES = 40;

    private static final int LEAD_SENTENCES = 3;

    /** One article in the window with its sentences and the vector of its lead. */
    record Article(ArticleMeta meta, List<Sentence> sentences, float[] lead) {}

    /** Articles describing the same development; {@code sentences} is theirs together. */
    static final class Event {
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

    /**
     * The developments of a topic, oldest first, and the first day of the window they were taken from.
     *
     * @param events the events, oldest first; empty when nothing indexed is about the topic
     * @param from   the window's first day (null when empty)
     */
    record Timeline(List<Event> events, LocalDate from) {}

    private final ArticleStore index;
    private final Extracts extracts;
    private final StatusSettings settings;

    StatusEvidence(ArticleStore index, Extracts extracts, StatusSettings settings) {
        this.index = index;
        this.extracts = extracts;
        this.settings = settings;
    }

    Timeline timeline(String topic, StatusRequest request) {
        List<SearchHit> hits = index.search(new SearchRequest(
                topic, CANDIDATE_PASSAGES, SearchRequest.Mode.HYBRID, request.since(), null, request.asOf()));
        TopicRelevance relevance =
                new TopicRelevance(topic, index.prefetch(TextAnalysis.terms(topic)), settings.thresholds());
        Map<String, TopicRelevance.Match> match = new LinkedHashMap<>();
        Map<String, Double> similarity = new LinkedHashMap<>();
        List<SearchHit> relevant = new ArrayList<>();
        for (SearchHit h : hits) {
            if (h.passage().article().publishedAt() == null) {
                continue;
            }
            TopicRelevance.Match m = relevance.match(h);
            if (m != TopicRelevance.Match.NONE) {
                relevant.add(h);
                match.merge(h.passage().article().id(), m, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                similarity.merge(h.passage().article().id(), h.dense(), Math::max);
            }
        }
        if (relevant.isEmpty()) {
            log.info("status: nothing relevant to '{}' among {} passages", topic, hits.size());
            return new Timeline(List.of(), null);
        }
        LocalDate latest = latestDevelopment(relevant, match);
        int window =
                request.windowDays() == StatusRequest.CONFIGURED_WINDOW ? settings.windowDays() : request.windowDays();
        LocalDate from = request.since() != null ? request.since() : latest.minusDays(window);
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
        // oldest first; on one day the most relevant last, so that it leads the timeline and gives the headline
        articles.sort(Comparator.comparing((Article a) -> a.meta().publishedAt())
                .thenComparing(a -> match.get(a.meta().id()))
                .thenComparing(a -> similarity.get(a.meta().id()))
                .thenComparing(a -> a.meta().id()));
        return new Timeline(events(articles), articles.isEmpty() ? null : from);
    }

    /** The date of the newest strongly relevant article, else of the newest relevant one. */
    static LocalDate latestDevelopment(List<SearchHit> relevant, Map<String, TopicRelevance.Match> match) {
        Comparator<LocalDate> order = Comparator.naturalOrder();
        return relevant.stream()
                .filter(h -> match.get(h.passage().article().id()) == TopicRelevance.Match.STRONG)
                .map(h -> h.passage().article().publishedAt())
                .max(order)
                .orElseGet(() -> relevant.stream()
                        .map(h -> h.passage().article().publishedAt())
                        .max(order)
                        .orElseThrow());
    }

    /** Articles (oldest first) grouped into events: same development, close in time. */
    private List<Event> events(List<Article> articles) {
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
}
