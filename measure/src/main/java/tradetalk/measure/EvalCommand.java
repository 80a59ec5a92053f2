package tradetalk.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.cli.AppOptions;
import tradetalk.cli.Stores;
import tradetalk.cli.TerminalProgress;
import tradetalk.cli.Tradetalk;
import tradetalk.cli.Views;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.measure.bench.Trees;
import tradetalk.measure.eval.EvalQueries;
import tradetalk.measure.eval.EvalQuery;
import tradetalk.measure.eval.EvalReport;
import tradetalk.measure.eval.Evaluator;
import tradetalk.measure.eval.StatusEval;
import tradetalk.measure.eval.SupportEval;
import tradetalk.measure.metrics.MultiHopMetrics;
import tradetalk.measure.metrics.RetrievalOutput;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.store.IngestReport;

/**
 * {@code tradetalk eval}: measures retrieval and answers on a corpus and questions (MultiHop-RAG's format or
 * seeds-dev's), optionally next to the BM25-only and exact-dense baselines; or scores a MultiHop-RAG retrieval
 * output file with {@code --score-only}.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Measure retrieval (MultiHop-RAG metrics, article-level Hits/MRR) and answers on a corpus and "
                + "questions. Without --index the corpus goes into a temporary index.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    AppOptions app;

    @Option(
            names = "--corpus",
            paramLabel = "FILE|DIR",
            arity = "1..*",
            description = "Articles in any format ingest reads (MultiHop-RAG's corpus.json included).")
    List<Path> corpus;

    @Option(
            names = "--queries",
            paramLabel = "FILE",
            description = "Questions: MultiHop-RAG's JSON (query, answer, question_type, evidence_list) or JSON "
                    + "Lines in the seeds-dev format.")
    Path queries;

    @Option(names = "--k", paramLabel = "N", defaultValue = "10", description = "Passages retrieved (default 10).")
    int k;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions.")
    Integer limit;

    @Option(
            names = "--half",
            paramLabel = "tune|check",
            description = "Only the tune or check half: by the week of the questions' dates when all are dated "
                    + "(even weeks tune, odd weeks check), else by position (even tune, odd check, from 0). Choose "
                    + "settings on one half, report the other.")
    String half;

    @Option(names = "--compare", description = "Also run the BM25-only and exact dense baselines on the same index.")
    boolean compare;

    @Option(
            names = "--real-time",
            description = "Ask each question as a member would have on its question_date: no as-of date given, the "
                    + "clock set to that day (later articles do not exist yet). Without it the date is given as "
                    + "the as-of date. A question without a date is asked today either way.")
    boolean realTime;

    @Option(names = "--no-answers", description = "Measure retrieval only; do not compose answers.")
    boolean noAnswers;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "5",
            description = "Questions run untimed before measuring each system (default 5).")
    int warmup;

    @Option(
            names = "--per-question",
            paramLabel = "FILE",
            description = "Also write one JSON line per answered question to FILE: question, gold, ranks of the "
                    + "evidence, answer, abstained, cited articles and the offline composer's abstention signals.")
    Path perQuestion;

    @Option(
            names = "--score-only",
            paramLabel = "FILE",
            description = "Score a MultiHop-RAG retrieval output file (retrieval_list, gold_list) and exit.")
    Path scoreOnly;

    @Option(
            names = "--support",
            paramLabel = "FILE",
            description = "Measure the sentence support check on labelled model answers (JSON Lines: id, kind, "
                    + "supported, article, anchor, reply), e.g. eval/dev/support-check.jsonl, through a scripted "
                    + "model server; --corpus defaults to index.articles.")
    Path support;

    @Option(
            names = "--status",
            paramLabel = "FILE",
            description = "Measure status and topic summaries on labelled topics (JSON Lines: topic, half, about, "
                    + "related; e.g. eval/dev/status-topics.jsonl with --corpus of rtqa-dev's corpus.json): timeline "
                    + "precision, on-topic headline, newest development first, absent topics empty, on-topic "
                    + "summary sentences, per half.")
    Path status;

    @Override
    public Integer call() throws IOException {
        if (status != null) {
            return status();
        }
        if (scoreOnly != null) {
            return scoreOnly();
        }
        if (support != null) {
            return support();
        }
        if (queries == null) {
            throw new UserError("--queries FILE is required (or --score-only FILE)");
        }
        if (corpus == null && app.index == null) {
            throw new UserError("give --corpus FILE|DIR to ingest, or --index DIR to reuse an index");
        }
        if (limit != null && limit < 1) {
            throw new UserError("--limit must be at least 1, got " + limit);
        }
        if (warmup < 0) {
            throw new UserError("--warmup must be 0 or more, got " + warmup);
        }
        if (half != null && !half.equals("tune") && !half.equals("check")) {
            throw new UserError("--half must be tune or check, got '" + half + "'");
        }
        if (perQuestion != null && noAnswers) {
            throw new UserError("--per-question needs answers; drop --no-answers");
        }
        if (!Files.isRegularFile(queries)) {
            throw new UserError("queries file not found: " + queries);
        }
        List<EvalQuery> qs = EvalQueries.read(queries);
        if (half != null) {
            qs = half(qs, half);
        }
        if (limit != null && limit < qs.size()) {
            qs = qs.subList(0, limit);
        }
        Path temp = null;
        TradetalkConfig config = app.loadConfig();
        if (app.index == null) {
            temp = Files.createTempDirectory("tradetalk-eval-");
            config = Stores.scratch(config, temp, "eval");
        }
        boolean scratch = temp != null;
        try (Tradetalk tt = new Tradetalk(config)) {
            try {
                IngestReport ingest = null;
                if (corpus != null) {
                    for (Path p : corpus) {
                        if (!Files.exists(p)) {
                            throw new UserError("corpus not found: " + p);
                        }
                    }
                    app.err().println("tradetalk: ingesting " + corpus + " ...");
                    ingest = tt.ingest(corpus, TerminalProgress.forConsole(app.err(), app.json()));
                    tt.index().settle(); // answers measured as they are once the ingest's background work is done
                    for (Rejected x : ingest.rejected()) {
                        app.err().printf("tradetalk: rejected %s: %s%n", x.source(), x.reason());
                    }
                }
                if (tt.index().articleCount() == 0) {
                    throw new UserError("the index has no articles; give --corpus");
                }
                List<Evaluator.Retriever> systems = new ArrayList<>(List.of(Evaluator.TRADETALK));
                if (compare) {
                    systems.addAll(Evaluator.BASELINES);
                }
                Evaluator ev = new Evaluator(
                        tt.index(),
                        noAnswers ? null : tt.answers(),
                        k,
                        tt.config().search().k(),
                        warmup,
                        tt.clock());
                ev.realTime(realTime);
                EvalReport report;
                if (perQuestion != null && !noAnswers) {
                    try (var lines = Files.newBufferedWriter(perQuestion, StandardCharsets.UTF_8)) {
                        ev.perQuestion(
                                m -> {
                                    try {
                                        lines.write(Views.json(m));
                                        lines.newLine();
                                    } catch (IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                },
                                tt.offlineComposer()::signals);
                        report = ev.run(qs, systems, s -> app.err().println("tradetalk: eval " + s + " ..."));
                    } catch (java.io.UncheckedIOException e) {
                        throw new UserError("cannot write " + perQuestion + ": "
                                + e.getCause().getMessage());
                    } catch (IOException e) {
                        throw new UserError("cannot write " + perQuestion + ": " + e.getMessage());
                    }
                } else {
                    report = ev.run(qs, systems, s -> app.err().println("tradetalk: eval " + s + " ..."));
                }
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                Map<String, Object> index = new java.util.LinkedHashMap<>();
                index.put("articles", tt.index().articleCount());
                index.put("passages", tt.index().passageCount());
                index.put("ingest_ms", ingest == null ? null : Math.round(ingest.millis()));
                index.put("embedder", tt.index().embedder().name());
                index.put("passage_words", tt.config().index().passageWords());
                index.put("backend", tt.config().index().backend());
                m.put("index", index);
                m.put("half", half);
                m.put("mode", realTime ? "real-time" : "as-of");
                m.putAll(report.toMap());
                if (app.json()) {
                    app.out().println(Views.json(m));
                } else {
                    app.out().print(text(report, index, realTime));
                }
                return 0;
            } finally {
                if (scratch) {
                    tt.deleteScratchIndex();
                }
            }
        } finally {
            if (temp != null) {
                Trees.delete(temp);
            }
        }
    }

    /**
     * The tune or check half. When every question is dated (as-of), by its week: weeks run Monday to Sunday (as ISO
     * weeks do) and are counted from 1970, even weeks are the tune half and odd weeks the check half, so a week's
     * questions, which share the week's articles, stay on one side and each side holds as many kinds of question as
     * the file's weeks do. Otherwise by position: even (tune) or odd (check), counted from 0.
     */
    static List<EvalQuery> half(List<EvalQuery> qs, String half) {
        boolean tune = half.equals("tune");
        boolean dated = !qs.isEmpty() && qs.stream().allMatch(q -> q.asOf() != null);
        List<EvalQuery> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            long slot = dated ? week(qs.get(i).asOf()) : i;
            if ((Math.floorMod(slot, 2) == 0) == tune) {
                out.add(qs.get(i));
            }
        }
        return out;
    }

    /** The week of a day, counted from the week of 1970-01-01 (weeks start on Monday). */
    static long week(LocalDate day) {
        return Math.floorDiv(day.with(DayOfWeek.MONDAY).toEpochDay(), 7);
    }

    private int status() throws IOException {
        if (!Files.isRegularFile(status)) {
            throw new UserError("file not found: " + status);
        }
        if (corpus == null && app.index == null) {
            throw new UserError("give --corpus FILE|DIR to ingest, or --index DIR to reuse an index");
        }
        List<StatusEval.Topic> topics;
        try {
            topics = StatusEval.read(status);
        } catch (IllegalArgumentException e) {
            throw new UserError(status + ": " + e.getMessage());
        }
        TradetalkConfig config = app.loadConfig();
        Path temp = app.index == null ? Files.createTempDirectory("tradetalk-eval-status-") : null;
        if (temp != null) {
            config = config.withIndexDir(temp);
        }
        try (Tradetalk tt = new Tradetalk(config)) {
            if (corpus != null) {
                app.err().println("tradetalk: ingesting " + corpus + " ...");
                tt.ingest(corpus, TerminalProgress.forConsole(app.err(), app.json()));
            }
            StatusEval eval = new StatusEval(tt.statusService(), tt.summaryService(), tt.articles());
            List<StatusEval.Outcome> outcomes = topics.stream().map(eval::run).toList();
            Map<String, Object> report = StatusEval.report(outcomes);
            if (app.json()) {
                app.out().println(Views.json(report));
            } else {
                app.out().print(StatusEval.text(outcomes, report));
            }
            return 0;
        } finally {
            if (temp != null) {
                Trees.delete(temp);
            }
        }
    }

    private int support() throws IOException {
        if (!Files.isRegularFile(support)) {
            throw new UserError("file not found: " + support);
        }
        List<SupportEval.Item> items;
        try {
            items = SupportEval.read(support);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        TradetalkConfig config = app.loadConfig();
        List<Path> articles = corpus != null ? corpus : List.of(config.index().articlesPath());
        Path temp = Files.createTempDirectory("tradetalk-eval-support-");
        try (Tradetalk tt = new Tradetalk(config.withIndexDir(temp))) {
            tt.ingest(articles, TerminalProgress.forConsole(app.err(), app.json()));
            tt.index().settle();
            SupportEval eval = new SupportEval(
                    tt.index(),
                    tt.sentenceEmbedder(),
                    tt.prompts(),
                    config.answer().supportSimilarity());
            Map<String, Object> report;
            try {
                report = eval.report(eval.run(items));
            } catch (IllegalArgumentException e) {
                throw new UserError(support + ": " + e.getMessage());
            }
            if (app.json()) {
                app.out().println(Views.json(report));
            } else {
                app.out().print(SupportEval.text(report));
            }
            return 0;
        } finally {
            Trees.delete(temp);
        }
    }

    private int scoreOnly() throws IOException {
        if (!Files.isRegularFile(scoreOnly)) {
            throw new UserError("file not found: " + scoreOnly);
        }
        List<RetrievalOutput.Row> rows;
        try {
            rows = RetrievalOutput.parse(Files.readString(scoreOnly, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserError(scoreOnly + ": not UTF-8 text (a binary file?); expected the JSON array a "
                    + "retrieval run writes");
        } catch (IllegalArgumentException e) {
            throw new UserError(scoreOnly + ": " + e.getMessage());
        }
        MultiHopMetrics.Summary s = RetrievalOutput.score(rows);
        if (app.json()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("queries", s.queries());
            m.put("hits@10", s.hits10());
            m.put("hits@4", s.hits4());
            m.put("map@10", s.map10());
            m.put("mrr@10", s.mrr10());
            app.out().println(Views.json(m));
        } else {
            app.out().print(RetrievalOutput.format(s));
        }
        return 0;
    }

    static String text(EvalReport r, Map<String, Object> index, boolean realTime) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                realTime
                        ? "Mode: real time (each question asked on its date with no as-of date, the clock set to it)\n"
                        : "Mode: as of each question's date (given as the as-of date)\n");
        sb.append(String.format(
                Locale.ROOT,
                "Index: %s articles, %s passages (%s, passage-words %s)%n",
                index.get("articles"),
                index.get("passages"),
                index.get("embedder"),
                index.get("passage_words")));
        sb.append(String.format(Locale.ROOT, "Questions: %d (%d null), k=%d%n%n", r.queries(), r.nullQueries(), r.k()));
        sb.append(String.format(
                Locale.ROOT,
                "%-12s %8s %8s %8s %8s | %8s %8s %8s %8s | %8s %8s %8s%n",
                "system",
                "A.Hits@1",
                "A.Hits@5",
                "A.Hit@10",
                "A.MRR@10",
                "Hits@4",
                "Hits@10",
                "MRR@10",
                "MAP@10",
                "p50 ms",
                "p95 ms",
                "p99 ms"));
        for (EvalReport.SystemReport s : r.systems()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-12s %8.4f %8.4f %8.4f %8.4f | %8.4f %8.4f %8.4f %8.4f | %8.2f %8.2f %8.2f%n",
                    s.name(),
                    s.article().hits1(),
                    s.article().hits5(),
                    s.article().hits10(),
                    s.article().mrr10(),
                    s.multihop().hits4(),
                    s.multihop().hits10(),
                    s.multihop().mrr10(),
                    s.multihop().map10(),
                    s.retrievalMs().p50(),
                    s.retrievalMs().p95(),
                    s.retrievalMs().p99()));
        }
        sb.append("(A.* = article level over ")
                .append(r.systems().getFirst().article().queries())
                .append(" questions with evidence articles; Hits@4.. = MultiHop-RAG passage level over ")
                .append(r.systems().getFirst().multihop().queries())
                .append(" questions with gold facts)\n");
        EvalReport.SystemReport t = r.systems().getFirst();
        if (t.byType().size() > 1) {
            sb.append("\nBy question type (").append(t.name()).append("):\n");
            t.byType()
                    .forEach((type, tr) -> sb.append(String.format(
                            Locale.ROOT,
                            "  %-20s n=%-5d A.Hits@5 %.4f  A.MRR@10 %.4f  Hits@10 %.4f  MAP@10 %.4f%n",
                            type,
                            tr.queries(),
                            tr.article().hits5(),
                            tr.article().mrr10(),
                            tr.multihop().hits10(),
                            tr.multihop().map10())));
        }
        EvalReport.AnswerReport a = r.answers();
        if (a != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nAnswers: %d; abstained on %.4f of %d null questions, on %.4f of "
                            + "%d answerable ones; contains the gold answer: %.4f of %d; cites an expected source: "
                            + "%.4f of %d; cites an evidence article: %.4f of %d%n",
                    a.answered(),
                    a.abstentionRateNull(),
                    a.nullQueries(),
                    a.falseAbstentionRate(),
                    a.answerable(),
                    a.containsGold(),
                    a.checked(),
                    a.citesSource(),
                    a.withSources(),
                    a.citesEvidence(),
                    a.withEvidence()));
            a.byAnswerType()
                    .forEach((type, x) -> sb.append(String.format(
                            Locale.ROOT,
                            "  %-8s n=%-5d abstained on null %.4f, on answerable %.4f; contains gold %.4f; cites evidence "
                                    + "%.4f%n",
                            type,
                            x.queries(),
                            x.abstentionRateNull(),
                            x.falseAbstentionRate(),
                            x.containsGold(),
                            x.citesEvidence())));
            sb.append(String.format(
                    Locale.ROOT,
                    "Answer latency ms: retrieval p50 %.2f p95 %.2f p99 %.2f; total " + "p50 %.2f p95 %.2f p99 %.2f%n",
                    a.retrievalMs().p50(),
                    a.retrievalMs().p95(),
                    a.retrievalMs().p99(),
                    a.totalMs().p50(),
                    a.totalMs().p95(),
                    a.totalMs().p99()));
        }
        return sb.toString();
    }
}
