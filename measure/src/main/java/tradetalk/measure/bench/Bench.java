package tradetalk.measure.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tradetalk.answer.AnswerRequest;
import tradetalk.answer.UserError;
import tradetalk.answer.offline.OfflineComposer;
import tradetalk.answer.service.AnswerService;
import tradetalk.cli.Tradetalk;
import tradetalk.ingest.feed.IngestProgress;
import tradetalk.measure.eval.EvalReport;
import tradetalk.measure.metrics.Percentiles;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.IngestReport;

/**
 * The {@code tradetalk bench} measurements on one synthetic corpus, in one process: ingest throughput, index size,
 * memory after load, retrieval and offline-answer latency, concurrent throughput, and (through {@link ColdStart})
 * the start-up time of a new process.
 */
public final class Bench {

    /**
     * What to run.
     *
     * @param articles  synthetic articles
     * @param questions timed questions per measurement
     * @param warmup    untimed questions before measuring
     * @param k         passages per question
     * @param seed      corpus seed
     * @param threads   thread counts for the throughput runs
     * @param ingestWorkers ingest workers at once, each with its own store, on disjoint shares of the corpus
     * @param ingestProcesses child processes ingesting disjoint slices at once ({@link IngestProcesses}); 0 to
     *     ingest in this process
     */
    public record Plan(
            int articles,
            int questions,
            int warmup,
            int k,
            long seed,
            List<Integer> threads,
            int ingestWorkers,
            int ingestProcesses) {

        public Plan {
            if (articles < 1) {
                throw new UserError("--articles must be at least 1, got " + articles);
            }
            if (questions < 1) {
                throw new UserError("--questions must be at least 1, got " + questions);
            }
            threads = List.copyOf(threads);
            if (ingestWorkers < 1) {
                throw new UserError("--ingest-workers must be at least 1, got " + ingestWorkers);
            }
            if (ingestProcesses < 0) {
                throw new UserError("--ingest-processes must be at least 0, got " + ingestProcesses);
            }
            if (ingestProcesses > 0 && ingestWorkers > 1) {
                throw new UserError("--ingest-processes and --ingest-workers cannot be combined");
            }
        }

        /** In this process, with {@code ingestWorkers} workers. */
        public Plan(
                int articles, int questions, int warmup, int k, long seed, List<Integer> threads, int ingestWorkers) {
            this(articles, questions, warmup, k, seed, threads, ingestWorkers, 0);
        }

        /** One ingest worker. */
        public Plan(int articles, int questions, int warmup, int k, long seed, List<Integer> threads) {
            this(articles, questions, warmup, k, seed, threads, 1);
        }
    }

    private Bench() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Runs the plan on {@code tt} (whose index must be empty) and returns the stable report map. */
    public static Map<String, Object> run(Tradetalk tt, Plan plan, Consumer<String> progress) {
        return run(tt, plan, progress, null);
    }

    /**
     * Runs the plan, with {@code children} for a plan with ingest processes (null otherwise); the index is made here
     * before they start.
     */
    public static Map<String, Object> run(
            Tradetalk tt, Plan plan, Consumer<String> progress, IngestProcesses children) {
        return run(tt, plan, progress, IngestProgress.none(), children);
    }

    /**
     * Runs the plan, telling {@code steps} how each long step advances (ingest, the latency runs), for a progress
     * bar or lines with the time left.
     */
    public static Map<String, Object> run(
            Tradetalk tt, Plan plan, Consumer<String> progress, IngestProgress steps, IngestProcesses children) {
        if (plan.ingestProcesses() > 0 && children == null) {
            throw new IllegalArgumentException("a plan with ingest processes needs their command");
        }
        ArticleStore index = emptyIndex(tt);
        progress.accept("generating " + plan.articles() + " articles (seed " + plan.seed() + ")");
        SyntheticCorpus gen = new SyntheticCorpus(plan.seed());
        List<Article> articles = gen.articles(plan.articles());
        List<SyntheticCorpus.Question> questions = gen.questions(articles, plan.questions() + plan.warmup());
        long words =
                articles.stream().mapToLong(a -> a.body().split("\\s+").length).sum();

        progress.accept("ingesting" + (plan.ingestWorkers() > 1 ? " with " + plan.ingestWorkers() + " workers" : ""));
        long cpu0 = IngestProcesses.ownCpuMillis();
        IngestProcesses.Result processes = null;
        IngestReport ingest;
        if (plan.ingestProcesses() > 0) {
            processes = children.run(plan.ingestProcesses(), progress);
            ingest = new IngestReport(processes.added(), 0, 0, processes.passages(), List.of(), processes.wallMillis());
        } else if (plan.ingestWorkers() == 1) {
            steps.begin("ingesting " + articles.size() + " articles", articles.size());
            try {
                ingest = index.ingest(articles, List.of(), n -> steps.step());
            } finally {
                steps.end();
            }
        } else {
            ingest = ingestConcurrently(tt, index, articles, plan.ingestWorkers());
        }
        long cpu = IngestProcesses.ownCpuMillis() - cpu0;
        long s0 = System.nanoTime();
        settle(index, steps); // the Lucene store's sentence vectors, computed once the passages are searchable
        long settleMs = Math.round((System.nanoTime() - s0) / 1e6);
        articles = null; // the generated corpus must not count in the heap measured after load
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articles", index.articleCount());
        m.put("passages", index.passageCount());
        m.put("words_per_article", Math.round((double) words / plan.articles()));
        m.put("vectors", index.embedder().name());
        m.put("passage_words", tt.chunker().targetWords());
        m.put("seed", plan.seed());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("ms", Math.round(ingest.millis()));
        in.put("articles_per_s", round1(ingest.added() / (ingest.millis() / 1000)));
        in.put("passages_per_s", round1(ingest.passages() / (ingest.millis() / 1000)));
        in.put("workers", plan.ingestWorkers());
        in.put("sentence_vectors_after_ms", settleMs);
        // this process's CPU time while ingesting (the store's client side; with processes, only waiting)
        in.put("client_cpu_ms", cpu);
        if (processes != null) {
            in.put("processes", plan.ingestProcesses());
            List<Map<String, Object>> each = new ArrayList<>();
            for (IngestProcesses.Slice s : processes.slices()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("slice", s.worker());
                e.put("added", s.added());
                e.put("passages", s.passages());
                e.put("ingest_ms", Math.round(s.millis()));
                e.put("process_cpu_ms", s.cpuMillis());
                each.add(e);
            }
            in.put("per_process", each);
        }
        m.put("ingest", in);
        m.put("backend", tt.backend());
        m.put("index_bytes", index.storeBytes()); // OpenSearch: the primaries' store size
        System.gc();
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("heap_used_mb", round1((rt.totalMemory() - rt.freeMemory()) / 1048576.0));
        mem.put("heap_max_mb", round1(rt.maxMemory() / 1048576.0));
        mem.put("rss_mb", rssMb());
        m.put("memory", mem);

        List<SyntheticCorpus.Question> warm = questions.subList(0, plan.warmup());
        List<SyntheticCorpus.Question> timed = questions.subList(plan.warmup(), questions.size());
        steps.begin("retrieval latency (" + warm.size() + " warm-up, " + timed.size() + " timed)", questions.size());
        warm.forEach(q -> {
            index.search(SearchRequest.of(q.text(), plan.k()));
            steps.step();
        });
        List<Double> latency = new ArrayList<>();
        int found = 0;
        for (SyntheticCorpus.Question q : timed) {
            long t0 = System.nanoTime();
            List<SearchHit> hits = index.search(SearchRequest.of(q.text(), plan.k()));
            latency.add((System.nanoTime() - t0) / 1e6);
            found += hits.stream().anyMatch(h -> h.passage().article().id().equals(q.articleId())) ? 1 : 0;
            steps.step();
        }
        steps.end();
        m.put("retrieval_ms", EvalReport.latency(Percentiles.of(latency)));
        m.put("source_article_in_top_k", round4((double) found / timed.size()));

        OfflineComposer offline = tt.offlineComposer();
        AnswerService answers = new AnswerService(index, offline, offline, tt.clock());
        steps.begin("offline ask latency (" + warm.size() + " warm-up, " + timed.size() + " timed)", questions.size());
        warm.forEach(q -> {
            answers.answer(AnswerRequest.of(q.text(), plan.k()));
            steps.step();
        });
        List<Double> ask = new ArrayList<>();
        for (SyntheticCorpus.Question q : timed) {
            long t0 = System.nanoTime();
            answers.answer(AnswerRequest.of(q.text(), plan.k()));
            ask.add((System.nanoTime() - t0) / 1e6);
            steps.step();
        }
        steps.end();
        m.put("ask_ms", EvalReport.latency(Percentiles.of(ask)));

        Map<String, Object> qps = new LinkedHashMap<>();
        for (int threads : plan.threads()) {
            progress.accept("throughput with " + threads + " threads");
            qps.put("threads_" + threads, round1(throughput(index, timed, plan.k(), threads)));
        }
        m.put("throughput_qps", qps);
        return m;
    }

    /** Waits for the store's background work after an ingest, as a step of its own with its progress. */
    static void settle(ArticleStore index, IngestProgress steps) {
        int total = index.unsettledArticles();
        if (total > 0) {
            steps.begin("sentence vectors of " + total + " articles", total);
            try {
                int done = 0;
                for (int left = total; left > 0; left = index.unsettledArticles()) {
                    for (; done < total - left; done++) {
                        steps.step();
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                steps.end();
            }
        }
        index.settle();
    }

    /**
     * Ingests with {@code workers} stores at once (the graph's and workers - 1 more, each its own connection, as
     * separate processes would be), each a disjoint share of the articles; one report for the wall-clock time.
     */
    private static IngestReport ingestConcurrently(
            Tradetalk tt, ArticleStore first, List<Article> articles, int workers) {
        List<ArticleStore> stores = new ArrayList<>(List.of(first));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int w = 1; w < workers; w++) {
                stores.add(tt.openStore());
            }
            long t0 = System.nanoTime();
            List<Future<IngestReport>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<Article> share = new ArrayList<>();
                for (int i = w; i < articles.size(); i += workers) {
                    share.add(articles.get(i));
                }
                ArticleStore s = stores.get(w);
                parts.add(pool.submit(() -> s.ingest(share, List.of(), n -> {})));
            }
            int added = 0;
            int passages = 0;
            for (Future<IngestReport> f : parts) {
                IngestReport r = f.get();
                added += r.added();
                passages += r.passages();
            }
            return new IngestReport(added, 0, 0, passages, List.of(), (System.nanoTime() - t0) / 1e6);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting", e);
        } finally {
            pool.shutdownNow();
            stores.subList(1, stores.size()).forEach(ArticleStore::close);
        }
    }

    /** The graph's index, which a bench must start empty. */
    static ArticleStore emptyIndex(Tradetalk tt) {
        ArticleStore index = tt.index();
        if (index.articleCount() > 0) {
            throw new UserError(
                    "the bench index " + tt.indexName() + " is not empty; give an empty or new --index directory");
        }
        return index;
    }

    /** Searches per second when {@code threads} threads share the questions (each question once). */
    static double throughput(ArticleStore index, List<SyntheticCorpus.Question> qs, int k, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < qs.size()) {
                        index.search(SearchRequest.of(qs.get(i).text(), k));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return qs.size() / ((System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("throughput run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** This process's resident set size from /proc/self/status (VmRSS), or -1 where there is none. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return round1(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
