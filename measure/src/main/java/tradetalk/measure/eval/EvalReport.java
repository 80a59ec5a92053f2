package tradetalk.measure.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradetalk.measure.metrics.MultiHopMetrics;
import tradetalk.measure.metrics.Percentiles;

/**
 * The result of {@code tradetalk eval}: retrieval quality and latency of each system compared, and the quality and
 * latency of the composed answers.
 *
 * @param queries     questions run
 * @param nullQueries those the corpus does not answer
 * @param k           passages retrieved per question
 * @param systems     one report per retrieval system, Tradetalk's first
 * @param answers     composed answers; null when answers were not composed
 */
public record EvalReport(int queries, int nullQueries, int k, List<SystemReport> systems, AnswerReport answers) {

    /**
     * Article-level scores: a passage is relevant when its article is an evidence article.
     *
     * @param queries queries with evidence articles (null queries skipped)
     */
    public record ArticleScores(int queries, double hits1, double hits5, double hits10, double mrr10) {}

    /** Scores of one question type. */
    public record TypeReport(int queries, ArticleScores article, MultiHopMetrics.Summary multihop) {}

    /**
     * One retrieval system's figures.
     *
     * @param name        "tradetalk", "bm25", "dense_exact", ...
     * @param mode        the search mode it ran with
     * @param multihop    MultiHop-RAG's passage-level metrics over queries with gold facts
     * @param article     article-level metrics
     * @param byType      the same per question_type
     * @param retrievalMs retrieval latency
     */
    public record SystemReport(
            String name,
            String mode,
            MultiHopMetrics.Summary multihop,
            ArticleScores article,
            Map<String, TypeReport> byType,
            Percentiles retrievalMs) {}

    /**
     * Composed answers.
     *
     * @param answered            questions answered
     * @param nullQueries         questions the corpus does not answer
     * @param abstentionRateNull  share of null queries where the answer abstained (higher is better)
     * @param answerable          the other questions
     * @param falseAbstentionRate share of answerable questions where the answer abstained (lower is better)
     * @param checked             answerable questions with a short gold answer or mentions to check
     * @param containsGold        share of those whose answer contains the gold answer or one of the mentions
     * @param withSources         questions naming the files the answer should cite
     * @param citesSource         share of those whose answer cites one of the files
     * @param withEvidence        answerable questions naming their evidence articles (URL, title or file)
     * @param citesEvidence       share of those whose answer cites an evidence article (an abstention does not)
     * @param byQuestionType      the same per question_type
     * @param byAnswerType        the same per answer type the offline composer reads from the question
     * @param retrievalMs         retrieval latency inside answering
     * @param totalMs             whole-answer latency (retrieval + composition)
     */
    public record AnswerReport(
            int answered,
            int nullQueries,
            double abstentionRateNull,
            int answerable,
            double falseAbstentionRate,
            int checked,
            double containsGold,
            int withSources,
            double citesSource,
            int withEvidence,
            double citesEvidence,
            Map<String, AnswerTypeReport> byQuestionType,
            Map<String, AnswerTypeReport> byAnswerType,
            Percentiles retrievalMs,
            Percentiles totalMs) {}

    /** Answer figures of one kind of question (fields as in {@link AnswerReport}). */
    public record AnswerTypeReport(
            int queries,
            int nullQueries,
            double abstentionRateNull,
            int answerable,
            double falseAbstentionRate,
            int checked,
            double containsGold,
            int withEvidence,
            double citesEvidence) {}

    /** The stable {@code eval --json} object (field names are a contract; see docs/measuring.md). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", queries);
        m.put("null_queries", nullQueries);
        m.put("k", k);
        Map<String, Object> sys = new LinkedHashMap<>();
        for (SystemReport s : systems) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mode", s.mode());
            r.put("multihop", multihop(s.multihop()));
            r.put("article", article(s.article()));
            Map<String, Object> types = new LinkedHashMap<>();
            s.byType().forEach((t, tr) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("queries", tr.queries());
                x.put("article", article(tr.article()));
                x.put("multihop", multihop(tr.multihop()));
                types.put(t, x);
            });
            r.put("by_question_type", types);
            r.put("retrieval_ms", latency(s.retrievalMs()));
            sys.put(s.name(), r);
        }
        m.put("retrieval", sys);
        if (answers != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("answered", answers.answered());
            a.put("null_queries", answers.nullQueries());
            a.put("abstention_rate_null", round(answers.abstentionRateNull()));
            a.put("answerable", answers.answerable());
            a.put("false_abstention_rate", round(answers.falseAbstentionRate()));
            a.put("checked", answers.checked());
            a.put("contains_gold", round(answers.containsGold()));
            a.put("with_sources", answers.withSources());
            a.put("cites_source", round(answers.citesSource()));
            a.put("with_evidence", answers.withEvidence());
            a.put("cites_evidence", round(answers.citesEvidence()));
            a.put("by_question_type", answerTypes(answers.byQuestionType()));
            a.put("by_answer_type", answerTypes(answers.byAnswerType()));
            a.put("retrieval_ms", latency(answers.retrievalMs()));
            a.put("total_ms", latency(answers.totalMs()));
            m.put("answers", a);
        } else {
            m.put("answers", null);
        }
        return m;
    }

    private static Map<String, Object> answerTypes(Map<String, AnswerTypeReport> types) {
        Map<String, Object> out = new LinkedHashMap<>();
        types.forEach((t, r) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("queries", r.queries());
            x.put("null_queries", r.nullQueries());
            x.put("abstention_rate_null", round(r.abstentionRateNull()));
            x.put("answerable", r.answerable());
            x.put("false_abstention_rate", round(r.falseAbstentionRate()));
            x.put("checked", r.checked());
            x.put("contains_gold", round(r.containsGold()));
            x.put("with_evidence", r.withEvidence());
            x.put("cites_evidence", round(r.citesEvidence()));
            out.put(t, x);
        });
        return out;
    }

    static Map<String, Object> multihop(MultiHopMetrics.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", s.queries());
        m.put("hits@4", round(s.hits4()));
        m.put("hits@10", round(s.hits10()));
        m.put("mrr@10", round(s.mrr10()));
        m.put("map@10", round(s.map10()));
        return m;
    }

    static Map<String, Object> article(ArticleScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", s.queries());
        m.put("hits@1", round(s.hits1()));
        m.put("hits@5", round(s.hits5()));
        m.put("hits@10", round(s.hits10()));
        m.put("mrr@10", round(s.mrr10()));
        return m;
    }

    /** Latency percentiles in milliseconds, to 0.01 ms. */
    public static Map<String, Object> latency(Percentiles p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", p.count());
        m.put("p50", round2(p.p50()));
        m.put("p95", round2(p.p95()));
        m.put("p99", round2(p.p99()));
        m.put("mean", round2(p.mean()));
        m.put("max", round2(p.max()));
        return m;
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
