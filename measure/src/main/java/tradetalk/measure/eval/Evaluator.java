package tradetalk.measure.eval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.Citation;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.UserError;
import tradetalk.answer.offline.AnswerType;
import tradetalk.answer.service.AnswerService;
import tradetalk.measure.metrics.MultiHopMetrics;
import tradetalk.measure.metrics.Percentiles;
import tradetalk.measure.metrics.RankMetrics;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;

/**
 * Runs evaluation questions against one index: each retrieval system in turn (same index, same process), then,
 * when asked, the composed answers. The first {@code warmup} questions are run once untimed before each system so
 * that latency is measured warm.
 *
 * <p>Each question is asked on a day: its {@code question_date}, or today by the evaluator's clock when it has none.
 * As of that day (the default) the date is given as the question's as-of date; in real time
 * ({@link #realTime(boolean)}) no date is given and the clock is set to that day instead, as a member asking that
 * day would. Every retrieval system searches what the answer path searches ({@link AnswerRequest#searchRequest}):
 * the same text (a follow-up with its history), the same articles and the same date signals.
 */
public final class Evaluator {

    /** A retrieval system to compare: a name and the search mode it uses. */
    public record Retriever(String name, SearchRequest.Mode mode) {}

    /** Tradetalk's retrieval (the hybrid search as configured). */
    public static final Retriever TRADETALK = new Retriever("tradetalk", SearchRequest.Mode.HYBRID);
    /** The baselines of {@code --compare}: BM25 alone, and exact cosine over every passage vector. */
    public static final List<Retriever> BASELINES = List.of(
            new Retriever("bm25", SearchRequest.Mode.BM25),
            new Retriever("dense_exact", SearchRequest.Mode.DENSE_EXACT));

    private final PassageSearch search;
    private final AnswerService answers;
    private final int k;
    private final int answerK;
    private final int warmup;
    private final Clock clock;
    private boolean realTime;
    private Consumer<Map<String, Object>> perQuestion;
    private Signals signals;

    /**
     * @param search  the index
     * @param answers the answer service, or null to evaluate retrieval only
     * @param k       passages retrieved per question for the retrieval metrics
     * @param answerK passages retrieved per question when answering
     * @param warmup  questions run untimed before measuring
     * @param clock   what "today" is for a question with no date
     */
    public Evaluator(PassageSearch search, AnswerService answers, int k, int answerK, int warmup, Clock clock) {
        if (k < 1 || k > 100) {
            throw new UserError("--k must be 1 to 100, got " + k);
        }
        this.search = search;
        this.answers = answers;
        this.k = k;
        this.answerK = answerK;
        this.warmup = warmup;
        this.clock = clock;
    }

    /**
     * Asks each question in real time: no as-of date, the answer service's clock set to the question's day (later
     * articles are then invisible because they do not exist yet), instead of giving that day as the as-of date.
     */
    public Evaluator realTime(boolean on) {
        this.realTime = on;
        return this;
    }

    /** What is computed from a question, its as-of date (null: none) and its retrieved passages. */
    @FunctionalInterface
    public interface Signals {
        Map<String, Double> of(String question, java.time.LocalDate asOf, List<SearchHit> hits);
    }

    /**
     * Also reports every answered question to {@code sink} (the {@code --per-question} line) with, when
     * {@code signals} is given, what it computes from the question and its retrieved passages (the offline
     * composer's abstention features, for fitting them).
     */
    public Evaluator perQuestion(Consumer<Map<String, Object>> sink, Signals signals) {
        this.perQuestion = sink;
        this.signals = signals;
        return this;
    }

    /** Runs every question through every system (and the answer service); {@code progress} gets a line per stage. */
    public EvalReport run(List<EvalQuery> queries, List<Retriever> systems, Consumer<String> progress) {
        List<EvalReport.SystemReport> reports = new ArrayList<>();
        for (Retriever r : systems) {
            progress.accept("retrieval: " + r.name());
            reports.add(runSystem(queries, r));
        }
        EvalReport.AnswerReport a = null;
        if (answers != null) {
            progress.accept("answers");
            a = runAnswers(queries);
        }
        int nulls = (int) queries.stream().filter(EvalQuery::noAnswer).count();
        return new EvalReport(queries.size(), nulls, k, reports, a);
    }

    /** The day a question is asked: its date, else today. */
    private LocalDate day(EvalQuery q) {
        return q.asOf() != null ? q.asOf() : LocalDate.now(clock);
    }

    /** The question as a member asks it: with its date as the as-of date, or (real time) without one. */
    private AnswerRequest answerRequest(EvalQuery q, int n) {
        return new AnswerRequest(q.query(), q.history(), n, realTime ? null : q.asOf());
    }

    /** The answer service as of the question's day: in real time its clock is set to that day. */
    private AnswerService answers(EvalQuery q) {
        return realTime
                ? answers.withClock(
                        Clock.fixed(day(q).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
                : answers;
    }

    /** The search the answer path makes for the question, in the given mode. */
    private SearchRequest request(EvalQuery q, int n, SearchRequest.Mode mode) {
        return answerRequest(q, n).searchRequest(day(q)).withMode(mode);
    }

    private EvalReport.SystemReport runSystem(List<EvalQuery> queries, Retriever r) {
        for (EvalQuery q : queries.subList(0, Math.min(warmup, queries.size()))) {
            search.search(request(q, k, r.mode()));
        }
        List<Double> latency = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        for (EvalQuery q : queries) {
            long t0 = System.nanoTime();
            List<SearchHit> hits = search.search(request(q, k, r.mode()));
            latency.add((System.nanoTime() - t0) / 1e6);
            if (q.noAnswer()) {
                continue;
            }
            List<Boolean> rel = hits.stream()
                    .map(h -> ArticleMatch.relevant(h.passage().article(), q.evidence()))
                    .toList();
            MultiHopMetrics.QueryScore mh = q.facts().isEmpty()
                    ? null
                    : MultiHopMetrics.score(
                            hits.stream().map(h -> h.passage().text()).toList(), q.facts());
            scored.add(new Scored(q.questionType(), q.evidence().isEmpty() ? null : rel, mh));
        }
        Map<String, EvalReport.TypeReport> byType = new LinkedHashMap<>();
        Map<String, List<Scored>> groups = new TreeMap<>();
        scored.forEach(
                s -> groups.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s));
        groups.forEach(
                (t, list) -> byType.put(t, new EvalReport.TypeReport(list.size(), article(list), multihop(list))));
        return new EvalReport.SystemReport(
                r.name(),
                r.mode().name().toLowerCase(Locale.ROOT),
                multihop(scored),
                article(scored),
                byType,
                Percentiles.of(latency));
    }

    private record Scored(String type, List<Boolean> articleRelevance, MultiHopMetrics.QueryScore multihop) {}

    private static MultiHopMetrics.Summary multihop(List<Scored> list) {
        return MultiHopMetrics.summarize(
                list.stream().map(Scored::multihop).filter(m -> m != null).toList());
    }

    private static EvalReport.ArticleScores article(List<Scored> list) {
        List<List<Boolean>> rels = list.stream()
                .map(Scored::articleRelevance)
                .filter(r -> r != null)
                .toList();
        int n = rels.size();
        if (n == 0) {
            return new EvalReport.ArticleScores(0, 0, 0, 0, 0);
        }
        return new EvalReport.ArticleScores(
                n,
                rels.stream().filter(r -> RankMetrics.hits(r, 1)).count() / (double) n,
                rels.stream().filter(r -> RankMetrics.hits(r, 5)).count() / (double) n,
                rels.stream().filter(r -> RankMetrics.hits(r, 10)).count() / (double) n,
                rels.stream()
                                .mapToDouble(r -> RankMetrics.reciprocalRank(r, 10))
                                .sum()
                        / n);
    }

    private EvalReport.AnswerReport runAnswers(List<EvalQuery> queries) {
        for (EvalQuery q : queries.subList(0, Math.min(warmup, queries.size()))) {
            answers(q).answer(answerRequest(q, answerK));
        }
        List<Double> retrieval = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        Tally all = new Tally();
        Map<String, Tally> byType = new TreeMap<>();
        Map<String, Tally> byAnswerType = new TreeMap<>();
        for (EvalQuery q : queries) {
            long t0 = System.nanoTime();
            CitedAnswer a = answers(q).answer(answerRequest(q, answerK));
            total.add((System.nanoTime() - t0) / 1e6);
            retrieval.add(a.timings().retrieveMs());
            Outcome o = outcome(q, a);
            all.add(o);
            byType.computeIfAbsent(q.questionType(), t -> new Tally()).add(o);
            byAnswerType
                    .computeIfAbsent(AnswerType.of(q.query()).label(), t -> new Tally())
                    .add(o);
            if (perQuestion != null) {
                perQuestion.accept(record(q, a));
            }
        }
        Map<String, EvalReport.AnswerTypeReport> types = new LinkedHashMap<>();
        byType.forEach((t, x) -> types.put(t, x.typeReport()));
        Map<String, EvalReport.AnswerTypeReport> answerTypes = new LinkedHashMap<>();
        byAnswerType.forEach((t, x) -> answerTypes.put(t, x.typeReport()));
        return new EvalReport.AnswerReport(
                queries.size(),
                all.nulls,
                ratio(all.abstainedNull, all.nulls),
                all.answerable,
                ratio(all.falseAbstain, all.answerable),
                all.checked,
                ratio(all.contains, all.checked),
                all.withSources,
                ratio(all.cites, all.withSources),
                all.withEvidence,
                ratio(all.citesEvidence, all.withEvidence),
                types,
                answerTypes,
                Percentiles.of(retrieval),
                Percentiles.of(total));
    }

    /** How one answer did. */
    private record Outcome(
            boolean noAnswer, boolean abstained, Boolean contains, Boolean citesSource, Boolean citesEvidence) {}

    private static Outcome outcome(EvalQuery q, CitedAnswer a) {
        if (q.noAnswer()) {
            return new Outcome(true, a.abstained(), null, null, null);
        }
        Boolean contains = null;
        List<String> expected = q.expectedMentions();
        if (!expected.isEmpty()) {
            String text = a.answer().toLowerCase(Locale.ROOT);
            contains = !a.abstained() && expected.stream().anyMatch(m -> text.contains(m.toLowerCase(Locale.ROOT)));
        }
        List<EvalQuery.Evidence> files =
                q.evidence().stream().filter(e -> !e.file().isBlank()).toList();
        Boolean citesSource = files.isEmpty() ? null : cites(a, files);
        Boolean citesEvidence = q.evidence().isEmpty() ? null : cites(a, q.evidence());
        return new Outcome(false, a.abstained(), contains, citesSource, citesEvidence);
    }

    private static boolean cites(CitedAnswer a, List<EvalQuery.Evidence> evidence) {
        return a.citations().stream().anyMatch(c -> ArticleMatch.relevant(c.article(), evidence));
    }

    /** Counts of outcomes, overall or for one type. */
    private static final class Tally {
        int nulls;
        int abstainedNull;
        int answerable;
        int falseAbstain;
        int checked;
        int contains;
        int withSources;
        int cites;
        int withEvidence;
        int citesEvidence;

        void add(Outcome o) {
            if (o.noAnswer()) {
                nulls++;
                abstainedNull += o.abstained() ? 1 : 0;
                return;
            }
            answerable++;
            falseAbstain += o.abstained() ? 1 : 0;
            if (o.contains() != null) {
                checked++;
                contains += o.contains() ? 1 : 0;
            }
            if (o.citesSource() != null) {
                withSources++;
                cites += o.citesSource() ? 1 : 0;
            }
            if (o.citesEvidence() != null) {
                withEvidence++;
                citesEvidence += o.citesEvidence() ? 1 : 0;
            }
        }

        EvalReport.AnswerTypeReport typeReport() {
            return new EvalReport.AnswerTypeReport(
                    nulls + answerable,
                    nulls,
                    ratio(abstainedNull, nulls),
                    answerable,
                    ratio(falseAbstain, answerable),
                    checked,
                    ratio(contains, checked),
                    withEvidence,
                    ratio(citesEvidence, withEvidence));
        }
    }

    /** The per-question line: what was asked, what should have come back, where the evidence ranked, the answer. */
    private Map<String, Object> record(EvalQuery q, CitedAnswer a) {
        List<SearchHit> hits = search.search(request(q, answerK, SearchRequest.Mode.HYBRID));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", q.query());
        if (!q.history().isEmpty()) {
            m.put("history", q.history());
        }
        m.put("question_type", q.questionType());
        m.put("answer_type", AnswerType.of(q.query()).label());
        m.put("as_of", day(q).toString());
        m.put("real_time", realTime);
        m.put("no_answer", q.noAnswer());
        m.put("gold", q.noAnswer() ? List.of() : q.expectedMentions());
        m.put("evidence_ranks", evidenceRanks(q, hits));
        m.put("answer", a.answer());
        m.put("abstained", a.abstained());
        Outcome o = outcome(q, a);
        m.put("contains_gold", o.contains());
        m.put("cites_evidence", o.citesEvidence());
        List<Map<String, Object>> cited = new ArrayList<>();
        for (Citation c : a.citations()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("n", c.n());
            x.put("article_id", c.article().id());
            x.put("url", c.article().url());
            x.put("title", c.article().title());
            x.put(
                    "published_at",
                    c.article().publishedAt() == null
                            ? null
                            : c.article().publishedAt().toString());
            x.put("evidence", ArticleMatch.relevant(c.article(), q.evidence()));
            cited.add(x);
        }
        m.put("cited", cited);
        m.put("retrieved", retrieved(hits));
        if (signals != null) {
            m.put("signals", signals.of(answerRequest(q, answerK).searchText(), day(q), hits));
        }
        return m;
    }

    /** The retrieved passages, best first: article, date, fused, BM25 and dense scores, and the text. */
    private static List<Map<String, Object>> retrieved(List<SearchHit> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchHit h : hits) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("article_id", h.passage().article().id());
            x.put("title", h.passage().article().title());
            x.put(
                    "published_at",
                    h.passage().article().publishedAt() == null
                            ? null
                            : h.passage().article().publishedAt().toString());
            x.put("score", h.score());
            x.put("lexical", h.lexical());
            x.put("dense", h.dense());
            x.put("text", h.passage().text());
            out.add(x);
        }
        return out;
    }

    /** For each evidence item, the rank (from 1) of the first retrieved passage of its article, or null. */
    static List<Integer> evidenceRanks(EvalQuery q, List<SearchHit> hits) {
        List<Integer> out = new ArrayList<>();
        for (EvalQuery.Evidence e : q.evidence()) {
            Integer rank = null;
            for (int i = 0; i < hits.size() && rank == null; i++) {
                if (ArticleMatch.matches(hits.get(i).passage().article(), e)) {
                    rank = i + 1;
                }
            }
            out.add(rank);
        }
        return out;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
