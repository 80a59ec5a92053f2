package tradetalk.measure.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.CitedAnswer;
import tradetalk.answer.UserError;
import tradetalk.answer.offline.OfflineComposer;
import tradetalk.answer.service.AnswerService;
import tradetalk.cli.Tradetalk;
import tradetalk.measure.eval.EvalQueries;
import tradetalk.measure.eval.EvalQuery;
import tradetalk.measure.eval.EvalReport;
import tradetalk.measure.metrics.Percentiles;
import tradetalk.measure.metrics.ProcessMeter;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.IngestReport;

/**
 * {@code tradetalk bench --corpus FILE}: the issue-15 table on a real corpus, each figure next to its yardstick from
 * the same run: ingest throughput against the model's own rate over the same texts (LangChain4j's {@code embedAll}
 * in batches of 64, timed before and after the ingest), and warm {@code ask} (retrieval / compose / total) with the
 * query embedding, BM25 alone and dense search alone timed apart over the same questions.
 */
public final class CorpusBench {

    /**
     * What to run.
     *
     * @param corpus    files or directories to ingest
     * @param queries   questions file (EvalQueries formats), or null to ask the first words of articles
     * @param questions timed questions
     * @param warmup    untimed questions first
     * @param k         passages per question
     * @param modelRate time the model's own embedAll over the corpus's passage texts
     */
    public record Plan(List<Path> corpus, Path queries, int questions, int warmup, int k, boolean modelRate) {

        public Plan {
            corpus = List.copyOf(corpus);
            if (questions < 1) {
                throw new UserError("--questions must be at least 1, got " + questions);
            }
        }
    }

    private CorpusBench() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Runs the plan on {@code tt} (whose index must be empty) and returns the stable report map. */
    public static Map<String, Object> run(Tradetalk tt, Plan plan, Consumer<String> progress) {
        ArticleStore index = Bench.emptyIndex(tt);
        double loadAtStart = loadAverage();
        Embedder embedder = index.embedder();
        MeteredEmbedder meter = embedder instanceof MeteredEmbedder m ? m : null;
        List<String> texts = passageTexts(tt, plan.corpus());
        progress.accept("loading the embedding model");
        embedder.embedQuery("trade talks"); // the model's load is cold start, not ingest
        boolean rate = plan.modelRate() && (meter != null ? meter.inner() : embedder) instanceof BgeSmallEmbedder;
        List<Double> rates = new ArrayList<>();
        List<ProcessMeter.Reading> rateUse = new ArrayList<>();
        if (rate) {
            progress.accept("model rate (embedAll, batches of " + ModelRate.BATCH + ", " + texts.size() + " texts)");
            ModelRate.Run run = ModelRate.measure(texts, ModelRate.BATCH);
            rates.add(run.textsPerSecond());
            rateUse.add(run.use());
        }
        progress.accept("ingesting " + plan.corpus());
        ProcessMeter.Reading i0 = ProcessMeter.read(true);
        long t0 = System.nanoTime();
        IngestReport ingest = tt.ingest(plan.corpus());
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProcessMeter.Reading ingestUse = ProcessMeter.read(true).since(i0);
        progress.accept("waiting for the sentence vectors computed after the ingest");
        long s0 = System.nanoTime();
        index.settle(); // before the yardstick's second run and the questions: nothing else on the cores
        double settleSeconds = (System.nanoTime() - s0) / 1e9;
        if (rate) {
            progress.accept("model rate again");
            ModelRate.Run run = ModelRate.measure(texts, ModelRate.BATCH);
            rates.add(run.textsPerSecond());
            rateUse.add(run.use());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus", plan.corpus().stream().map(Path::toString).toList());
        m.put("articles", index.articleCount());
        m.put("passages", index.passageCount());
        m.put("vectors", embedder.name());
        m.put("passage_words", tt.chunker().targetWords());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("ms", Math.round(seconds * 1000));
        in.put("snippets_per_s", Bench.round1(ingest.added() / seconds));
        in.put("passages_per_s", Bench.round1(ingest.passages() / seconds));
        // the passages' embedding texts: what ingest had the model embed before the articles were searchable
        in.put("texts", texts.size());
        in.put("texts_per_s", Bench.round1(texts.size() / seconds));
        in.put("rejected", ingest.rejected().size());
        // after "ms" (the passages searchable): the sentence vectors the Lucene store computes in the background
        in.put("sentence_vectors_after_ms", Math.round(settleSeconds * 1000));
        // the index's part of "ms"; the rest is reading and parsing the files
        in.put("index_ms", Math.round(ingest.millis()));
        // CPU time of the whole process during the ingest (reading the files included): the steadier figure when
        // other processes load the machine
        in.put("process", ingestUse.toMap());
        m.put("ingest", in);
        Map<String, Object> mr = new LinkedHashMap<>();
        if (rate) {
            double mean =
                    rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            mr.put("batch", ModelRate.BATCH);
            mr.put("texts", texts.size());
            mr.put("passages_per_s", Bench.round1(mean)); // the passages' texts per second
            mr.put("texts_per_s", Bench.round1(mean));
            mr.put("runs_passages_per_s", rates.stream().map(Bench::round1).toList());
            // the same texts at the model's rate take texts/mean seconds: that many snippets in that time
            mr.put("snippets_per_s", Bench.round1(ingest.added() / (texts.size() / mean)));
            // the model alone would take texts / mean seconds for what ingest embedded in `seconds`
            mr.put("ingest_ratio", Bench.round4(texts.size() / seconds / mean));
            // the same ratio in CPU time: the yardstick's CPU over ingest's for the same texts (1.0 = ingest
            // costs the model's CPU and nothing more); with "cores" (CPU over wall), what the wall ratio is made of
            double rateCpu = rateUse.stream()
                    .mapToDouble(ProcessMeter.Reading::cpuMs)
                    .average()
                    .orElseThrow();
            mr.put(
                    "runs_process",
                    rateUse.stream().map(ProcessMeter.Reading::toMap).toList());
            mr.put(
                    "ingest_cpu_ratio",
                    rateCpu < 0 || ingestUse.cpuMs() <= 0 ? -1 : Bench.round4(rateCpu / ingestUse.cpuMs()));
        } else {
            mr.put("ran", false);
            mr.put("reason", plan.modelRate() ? "not the bge model (--vectors random)" : "no --model-rate");
        }
        m.put("model_rate", mr);
        m.put("index_bytes", index.storeBytes()); // OpenSearch: the primaries' store size
        // other processes' work on the machine (1-minute load average) around ingest and the yardstick
        // (not "machine": the command's own report has that key)
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("load_average_at_start", loadAtStart);
        load.put("load_average_after_ingest", loadAverage());
        m.put("load", load);

        List<AnswerRequest> asks = questions(tt, plan);
        List<AnswerRequest> warm = asks.subList(0, Math.min(plan.warmup(), asks.size()));
        List<AnswerRequest> timed = asks.subList(warm.size(), asks.size());
        if (timed.isEmpty()) {
            throw new UserError("no questions left to time after " + plan.warmup() + " warm-up ones");
        }
        progress.accept("warm ask (" + warm.size() + " warm-up, " + timed.size() + " timed questions)");
        OfflineComposer offline = tt.offlineComposer();
        AnswerService answers = new AnswerService(index, offline, offline, tt.clock());
        warm.forEach(answers::answer);
        List<Double> retrieval = new ArrayList<>();
        List<Double> compose = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<MeteredEmbedder.Reading> model = new ArrayList<>();
        for (AnswerRequest q : timed) {
            MeteredEmbedder.Reading before = meter == null ? null : meter.read();
            CitedAnswer a = answers.answer(q);
            retrieval.add(a.timings().retrieveMs());
            compose.add(a.timings().composeMs());
            total.add(a.timings().totalMs());
            if (meter != null) {
                model.add(meter.read().since(before));
            }
        }
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("questions", timed.size());
        ask.put("warmup", warm.size());
        ask.put("k", plan.k());
        ask.put("retrieval_ms", EvalReport.latency(Percentiles.of(retrieval)));
        ask.put("compose_ms", EvalReport.latency(Percentiles.of(compose)));
        ask.put("total_ms", EvalReport.latency(Percentiles.of(total)));
        ask.put(
                "total_over_retrieval_p50",
                Bench.round4(
                        Percentiles.of(total).p50() / Percentiles.of(retrieval).p50()));
        if (meter != null) {
            // what each answer asked of the model: question embeddings, and sentence texts the cache did not hold
            ask.put("query_embeddings_per_answer", mean(model, MeteredEmbedder.Reading::queries));
            ask.put("sentences_embedded_per_answer", mean(model, MeteredEmbedder.Reading::texts));
            ask.put(
                    "sentence_embedding_ms",
                    EvalReport.latency(Percentiles.of(
                            model.stream().map(r -> r.textNanos() / 1e6).toList())));
        }
        m.put("ask", ask);

        progress.accept("retrieval parts (query embedding, BM25 alone, dense alone)");
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(
                "query_embedding_ms",
                EvalReport.latency(Percentiles.of(time(timed, q -> embedder.embedQuery(q.searchText())))));
        parts.put(
                "bm25_ms",
                EvalReport.latency(Percentiles.of(
                        time(timed, q -> index.search(request(q).withMode(SearchRequest.Mode.BM25))))));
        parts.put(
                "dense_ms",
                EvalReport.latency(Percentiles.of(
                        time(timed, q -> index.search(request(q).withMode(SearchRequest.Mode.DENSE))))));
        parts.put("hybrid_ms", EvalReport.latency(Percentiles.of(time(timed, q -> index.search(request(q))))));
        m.put("retrieval_parts", parts);
        return m;
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    private static double mean(List<MeteredEmbedder.Reading> readings, ToLongFunction<MeteredEmbedder.Reading> f) {
        return Bench.round4(readings.stream().mapToLong(f).average().orElse(0));
    }

    private static SearchRequest request(AnswerRequest q) {
        return SearchRequest.of(q.searchText(), q.k()).withAsOf(q.asOf());
    }

    private static List<Double> time(List<AnswerRequest> qs, Consumer<AnswerRequest> f) {
        List<Double> ms = new ArrayList<>();
        for (AnswerRequest q : qs) {
            long t0 = System.nanoTime();
            f.accept(q);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    /**
     * What the model sees when the corpus is ingested: every passage's embedding text, each article once, and the
     * passages' distinct sentences when ingest keeps sentence vectors.
     */
    private static List<String> passageTexts(Tradetalk tt, List<Path> corpus) {
        Chunker chunker = tt.chunker();
        Map<String, Article> byId = new LinkedHashMap<>();
        for (Article a : tt.articleReader().read(corpus).articles()) {
            byId.putIfAbsent(a.id(), a);
        }
        if (byId.isEmpty()) {
            throw new UserError("the corpus " + corpus + " has no readable articles");
        }
        List<Passage> passages =
                byId.values().stream().flatMap(a -> chunker.split(a).stream()).toList();
        // the passages alone: sentence vectors are embedded after the ingest, in the background (timed apart)
        return new ArrayList<>(passages.stream().map(Passage::embeddingText).toList());
    }

    /** The questions file's questions (with their dates), or the first words of the articles when there is none. */
    private static List<AnswerRequest> questions(Tradetalk tt, Plan plan) {
        int n = plan.warmup() + plan.questions();
        List<AnswerRequest> out = new ArrayList<>();
        if (plan.queries() != null) {
            for (EvalQuery q : EvalQueries.read(plan.queries())) {
                if (out.size() == n) {
                    break;
                }
                out.add(new AnswerRequest(q.query(), List.of(), plan.k(), q.asOf()));
            }
            return out;
        }
        for (var meta : tt.index().articles()) {
            if (out.size() == n) {
                break;
            }
            tt.index().article(meta.id()).ifPresent(a -> {
                String[] words = a.body().strip().split("\\s+");
                String q = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 9)));
                out.add(new AnswerRequest(q, List.of(), plan.k(), null));
            });
        }
        return out;
    }
}
