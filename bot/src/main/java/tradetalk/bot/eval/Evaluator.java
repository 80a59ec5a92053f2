package tradetalk.bot.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.AnswerService;
import tradetalk.answer.Citation;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.UserError;
import tradetalk.retrieval.PassageSearch;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.eval.MultiHopMetrics;
import tradetalk.retrieval.eval.Percentiles;
import tradetalk.retrieval.eval.RankMetrics;

/**
 * Runs evaluation questions against one index: each retrieval system in turn (same index, same process), then,
 * when asked, the composed answers. The first {@code warmup} questions are run once untimed before each system so
 * that latency is measured warm.
 */
public final class Evaluator {

    /** A retrieval system to compare: a name and the search mode it uses. */
    public record Retriever(String name, SearchRequest.Mode mode) {
    }

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

    /**
     * @param search  the index
     * @param answers the answer service, or null to evaluate retrieval only
     * @param k       passages retrieved per question for the retrieval metrics
     * @param answerK passages retrieved per question when answering
     * @param warmup  questions run untimed before measuring
     */
    public Evaluator(PassageSearch search, AnswerService answers, int k, int answerK, int warmup) {
        if (k < 1 || k > 100) {
            throw new UserError("--k must be 1 to 100, got " + k);
        }
        this.search = search;
        this.answers = answers;
        this.k = k;
        this.answerK = answerK;
        this.warmup = warmup;
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

    private SearchRequest request(EvalQuery q, int n, SearchRequest.Mode mode) {
        return SearchRequest.of(q.query(), n).withMode(mode).withAsOf(q.asOf());
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
            List<Boolean> rel = hits.stream().map(h -> ArticleMatch.relevant(h.passage().article(), q.evidence()))
                    .toList();
            MultiHopMetrics.QueryScore mh = q.facts().isEmpty() ? null
                    : MultiHopMetrics.score(hits.stream().map(h -> h.passage().text()).toList(), q.facts());
            scored.add(new Scored(q.questionType(), q.evidence().isEmpty() ? null : rel, mh));
        }
        Map<String, EvalReport.TypeReport> byType = new LinkedHashMap<>();
        Map<String, List<Scored>> groups = new TreeMap<>();
        scored.forEach(s -> groups.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s));
        groups.forEach((t, list) -> byType.put(t, new EvalReport.TypeReport(list.size(), article(list),
                multihop(list))));
        return new EvalReport.SystemReport(r.name(), r.mode().name().toLowerCase(Locale.ROOT), multihop(scored),
                article(scored), byType, Percentiles.of(latency));
    }

    private record Scored(String type, List<Boolean> articleRelevance, MultiHopMetrics.QueryScore multihop) {
    }

    private static MultiHopMetrics.Summary multihop(List<Scored> list) {
        return MultiHopMetrics.summarize(list.stream().map(Scored::multihop).filter(m -> m != null).toList());
    }

    private static EvalReport.ArticleScores article(List<Scored> list) {
        List<List<Boolean>> rels = list.stream().map(Scored::articleRelevance).filter(r -> r != null).toList();
        int n = rels.size();
        if (n == 0) {
            return new EvalReport.ArticleScores(0, 0, 0, 0, 0);
        }
        return new EvalReport.ArticleScores(n,
                rels.stream().filter(r -> RankMetrics.hits(r, 1)).count() / (double) n,
                rels.stream().filter(r -> RankMetrics.hits(r, 5)).count() / (double) n,
                rels.stream().filter(r -> RankMetrics.hits(r, 10)).count() / (double) n,
                rels.stream().mapToDouble(r -> RankMetrics.reciprocalRank(r, 10)).sum() / n);
    }

    private EvalReport.AnswerReport runAnswers(List<EvalQuery> queries) {
        for (EvalQuery q : queries.subList(0, Math.min(warmup, queries.size()))) {
            answers.answer(answerRequest(q));
        }
        List<Double> retrieval = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        int nulls = 0;
        int abstainedNull = 0;
        int answerable = 0;
        int falseAbstain = 0;
        int checked = 0;
        int contains = 0;
        int withSources = 0;
        int cites = 0;
        for (EvalQuery q : queries) {
            long t0 = System.nanoTime();
            CitedAnswer a = answers.answer(answerRequest(q));
            total.add((System.nanoTime() - t0) / 1e6);
            retrieval.add(a.timings().retrieveMs());
            if (q.noAnswer()) {
                nulls++;
                abstainedNull += a.abstained() ? 1 : 0;
                continue;
            }
            answerable++;
            falseAbstain += a.abstained() ? 1 : 0;
            List<String> expected = q.expectedMentions();
            if (!expected.isEmpty()) {
                checked++;
                String text = a.answer().toLowerCase(Locale.ROOT);
                if (!a.abstained() && expected.stream().anyMatch(m -> text.contains(m.toLowerCase(Locale.ROOT)))) {
                    contains++;
                }
            }
            List<EvalQuery.Evidence> files = q.evidence().stream().filter(e -> !e.file().isBlank()).toList();
            if (!files.isEmpty()) {
                withSources++;
                boolean cited = false;
                for (Citation c : a.citations()) {
                    cited |= ArticleMatch.relevant(c.article(), files);
                }
                cites += cited ? 1 : 0;
            }
        }
        return new EvalReport.AnswerReport(queries.size(), nulls, ratio(abstainedNull, nulls), answerable,
                ratio(falseAbstain, answerable), checked, ratio(contains, checked), withSources,
                ratio(cites, withSources), Percentiles.of(retrieval), Percentiles.of(total));
    }

    private AnswerRequest answerRequest(EvalQuery q) {
        return new AnswerRequest(q.query(), List.of(), answerK, q.asOf());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
