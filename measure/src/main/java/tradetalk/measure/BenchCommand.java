package tradetalk.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.cli.AppOptions;
import tradetalk.cli.Stores;
import tradetalk.cli.TerminalProgress;
import tradetalk.cli.Tradetalk;
import tradetalk.cli.Views;
import tradetalk.cli.config.IndexConfig;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.measure.bench.Bench;
import tradetalk.measure.bench.ColdStart;
import tradetalk.measure.bench.CorpusBench;
import tradetalk.measure.bench.IngestProcesses;
import tradetalk.measure.bench.MeteredEmbedder;
import tradetalk.measure.bench.SyntheticCorpus;
import tradetalk.measure.bench.Trees;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.RandomEmbedder;

/**
 * {@code tradetalk bench}: speed and scaling on a reproducible synthetic corpus (ingest throughput, index size,
 * memory, retrieval and offline-answer latency, concurrent throughput) and the cold start of a new process.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure ingest, index size, memory, latency, throughput and cold start on a synthetic "
                + "corpus (fixed seed). The index goes to a temporary directory unless --index is given.")
final class BenchCommand implements Callable<Integer> {

    /** Articles of the full-size run ({@code --full}). */
    static final int FULL_ARTICLES = 100_000;

    /** Vectors to index with. */
    enum Vectors {
        bge,
        random
    }

    @Mixin
    AppOptions app;

    @Option(
            names = "--articles",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Synthetic articles (default 1000).")
    int articles;

    @Option(
            names = "--vectors",
            paramLabel = "bge|random",
            defaultValue = "bge",
            description = "bge (the real model) or random (hash-seeded unit vectors: no embedding cost).")
    Vectors vectors;

    @Option(
            names = "--backend",
            paramLabel = "lucene|opensearch|lucene,opensearch",
            description = "The store to measure (default: index.backend). opensearch uses a scratch index of its own"
                    + " on the configured cluster, deleted at the end. Both (lucene,opensearch): the synthetic"
                    + " bench on each store in turn, the same corpus and questions, reported side by side.")
    String backend;

    @Option(
            names = "--full",
            description = "The full-size run: " + FULL_ARTICLES + " articles with random vectors (implies --vectors"
                    + " random; the real model would take hours). Takes long: on a 2-core machine the OpenSearch"
                    + " ingest alone took 18 min with 2 ingest processes and 39 min with 1 (3 local nodes);"
                    + " see docs/measuring.md and BENCHMARKS.md.")
    boolean full;

    @Option(
            names = "--ingest-workers",
            paramLabel = "N",
            defaultValue = "1",
            description = "Synthetic bench: N ingest workers at once, each with its own store connection, on"
                    + " disjoint shares of the corpus (opensearch only; default 1).")
    int ingestWorkers;

    @Option(
            names = "--ingest-processes",
            paramLabel = "N",
            defaultValue = "0",
            description = "Synthetic bench: ingest with N child processes of this program at once (each its own JVM,"
                    + " generating the corpus and ingesting every N-th article into the same index), timed from"
                    + " their start to the last one's end (opensearch only; default 0: in this process).")
    int ingestProcesses;

    @Option(names = IngestProcesses.SLICE_OPTION, paramLabel = "W/N", hidden = true)
    String ingestSlice;

    @Option(names = "--questions", paramLabel = "N", defaultValue = "200", description = "Timed questions.")
    int questions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "Untimed questions first.")
    int warmup;

    @Option(names = "--k", paramLabel = "N", description = "Passages per question (default: search.k).")
    Integer k;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Corpus seed (default 42).")
    long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            split = ",",
            defaultValue = "2,8",
            description = "Thread counts for the throughput runs (default 2,8).")
    List<Integer> threads;

    @Option(
            names = "--corpus",
            paramLabel = "FILE|DIR",
            arity = "1..*",
            description = "Bench a real corpus (files or directories, as for ingest) instead of the synthetic one.")
    List<Path> corpus;

    @Option(
            names = "--queries",
            paramLabel = "FILE",
            description =
                    "With --corpus: the questions to time (eval's formats; default: the first words of " + "articles).")
    Path queries;

    @Option(
            names = "--model-rate",
            description = "With --corpus: time LangChain4j's own embedAll over the same "
                    + "passage texts in batches of 64 (the embedding floor), before and after the ingest.")
    boolean modelRate;

    @Option(names = "--no-cold-start", description = "Skip the cold start measurement (child processes).")
    boolean noColdStart;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "3", description = "Cold starts to time.")
    int coldRuns;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "The jar for cold start (default app/target/tradetalk.jar" + " under the Tradetalk home).")
    Path jar;

    @Option(
            names = "--cold-jvm-option",
            paramLabel = "OPT",
            description = "Extra JVM option for the cold-start children (repeatable), e.g. -XX:SharedArchiveFile=F.")
    List<String> coldJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (warmup < 0 || coldRuns < 1 || threads.stream().anyMatch(t -> t < 1 || t > 256)) {
            throw new UserError("--warmup must be >= 0, --cold-runs >= 1 and --threads 1 to 256");
        }
        if (corpus == null && (queries != null || modelRate)) {
            throw new UserError("--queries and --model-rate go with --corpus FILE|DIR");
        }
        for (Path p : corpus == null ? List.<Path>of() : corpus) {
            if (!Files.exists(p)) {
                throw new UserError("corpus not found: " + p);
            }
        }
        if (queries != null && !Files.isRegularFile(queries)) {
            throw new UserError("queries file not found: " + queries);
        }
        Path temp = null;
        TradetalkConfig config = app.loadConfig();
        if (full) {
            articles = FULL_ARTICLES;
            vectors = Vectors.random;
        }
        List<IndexConfig.Backend> backends = backends();
        if (backends.size() > 1) {
            return compareBackends(config, backends);
        }
        if (!backends.isEmpty()) {
            config = config.withBackend(backends.getFirst(), config.opensearch().index());
        }
        if (ingestWorkers < 1 || ingestWorkers > 16) {
            throw new UserError("--ingest-workers must be 1 to 16, got " + ingestWorkers);
        }
        if (ingestWorkers > 1 && config.index().backendKind() != IndexConfig.Backend.OPENSEARCH) {
            throw new UserError("--ingest-workers above 1 needs --backend opensearch (a Lucene index has one writer)");
        }
        if (ingestProcesses < 0 || ingestProcesses > 16) {
            throw new UserError("--ingest-processes must be 0 to 16, got " + ingestProcesses);
        }
        if ((ingestProcesses > 0 || ingestSlice != null)
                && config.index().backendKind() != IndexConfig.Backend.OPENSEARCH) {
            throw new UserError("--ingest-processes needs --backend opensearch (a Lucene index has one writer)");
        }
        if (ingestProcesses > 0 && corpus != null) {
            throw new UserError("--ingest-processes goes with the synthetic corpus, not --corpus");
        }
        if (ingestSlice != null) {
            return ingestSlice(config);
        }
        if (app.index == null) {
            temp = Files.createTempDirectory("tradetalk-bench-");
            config = Stores.scratch(config, temp, "bench");
        }
        Embedder embedder = embedder();
        if (corpus != null) {
            embedder = new MeteredEmbedder(embedder); // what each answer asks of the model, in the report
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        try (Tradetalk tt = new Tradetalk(config, embedder)) {
            int passages = k != null ? k : tt.config().search().k();
            Consumer<String> progress = s -> app.err().println("tradetalk: bench " + s + " ...");
            if (corpus != null) {
                try {
                    report.putAll(CorpusBench.run(
                            tt,
                            new CorpusBench.Plan(corpus, queries, questions, warmup, passages, modelRate),
                            progress));
                } finally {
                    if (temp != null) {
                        deleteScratchIndex(tt);
                    }
                }
            } else {
                Bench.Plan plan = new Bench.Plan(
                        articles, questions, warmup, passages, seed, threads, ingestWorkers, ingestProcesses);
                IngestProcesses children = ingestProcesses > 0 ? children(tt.config(), temp) : null;
                try {
                    report.putAll(Bench.run(tt, plan, progress, steps(), children));
                } finally {
                    if (temp != null) {
                        deleteScratchIndex(tt);
                    }
                }
            }
        } finally {
            if (temp != null) {
                Trees.delete(temp);
            }
        }
        report.put("cold_start", coldStart());
        if (app.json()) {
            app.out().println(Views.json(report));
        } else {
            report.forEach((key, v) -> app.out().println(key + ": " + Views.json(v)));
        }
        return 0;
    }

    /** The stores of --backend, in its order; empty for index.backend. */
    private List<IndexConfig.Backend> backends() {
        List<IndexConfig.Backend> out = new ArrayList<>();
        if (backend == null) {
            return out;
        }
        for (String b : backend.split(",", -1)) {
            IndexConfig.Backend kind = switch (b.strip()) {
                case "lucene" -> IndexConfig.Backend.LUCENE;
                case "opensearch" -> IndexConfig.Backend.OPENSEARCH;
                default ->
                    throw new UserError(
                            "--backend must be lucene, opensearch or lucene,opensearch, got '" + backend + "'");
            };
            if (out.contains(kind)) {
                throw new UserError("--backend names " + b.strip() + " twice");
            }
            out.add(kind);
        }
        return out;
    }

    private Embedder embedder() {
        return vectors == Vectors.random ? new RandomEmbedder(384) : new BgeSmallEmbedder();
    }

    private TerminalProgress steps() {
        return TerminalProgress.forConsole(app.err(), app.json());
    }

    /**
     * The synthetic bench on each store in turn (a scratch index each, the same corpus, seed and questions), one
     * report with the stores side by side under {@code stores}.
     */
    private int compareBackends(TradetalkConfig config, List<IndexConfig.Backend> kinds) throws IOException {
        if (corpus != null || ingestProcesses > 0 || ingestWorkers > 1 || app.index != null) {
            throw new UserError("--backend with two stores runs the synthetic bench in scratch indexes: leave out"
                    + " --corpus, --index, --ingest-processes and --ingest-workers");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        Map<String, Object> stores = new LinkedHashMap<>();
        for (IndexConfig.Backend kind : kinds) {
            TradetalkConfig c = config.withBackend(kind, config.opensearch().index());
            Path temp = Files.createTempDirectory("tradetalk-bench-");
            try (Tradetalk tt = new Tradetalk(Stores.scratch(c, temp, "bench"), embedder())) {
                int passages = k != null ? k : tt.config().search().k();
                String name = kind.name().toLowerCase(java.util.Locale.ROOT);
                Consumer<String> progress = s -> app.err().println("tradetalk: bench (" + name + ") " + s + " ...");
                Bench.Plan plan = new Bench.Plan(articles, questions, warmup, passages, seed, threads, 1, 0);
                try {
                    stores.put(name, Bench.run(tt, plan, progress, steps(), null));
                } finally {
                    deleteScratchIndex(tt);
                }
            } finally {
                Trees.delete(temp);
            }
        }
        report.put("stores", stores);
        report.put("cold_start", coldStart());
        if (app.json()) {
            app.out().println(Views.json(report));
        } else {
            report.forEach((key, v) -> app.out().println(key + ": " + Views.json(v)));
        }
        return 0;
    }

    /**
     * The ingest children of this bench: {@code bench --ingest-slice} of the same corpus, into this bench's index (its
     * name and cluster in their environment, over this process's).
     */
    private IngestProcesses children(TradetalkConfig config, Path temp) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "bench",
                "--backend",
                "opensearch",
                "--vectors",
                vectors.name(),
                "--articles",
                Integer.toString(articles),
                "--seed",
                Long.toString(seed)));
        if (app.config != null) {
            args.addAll(List.of("--config", app.config.toAbsolutePath().toString()));
        }
        Map<String, String> env = new LinkedHashMap<>(app.env());
        env.put("TRADETALK_INDEX_BACKEND", "opensearch");
        env.put("TRADETALK_OPENSEARCH_INDEX", config.opensearch().index());
        env.put(
                "TRADETALK_OPENSEARCH_URLS",
                String.join(",", config.opensearch().urls()));
        env.put(
                "TRADETALK_OPENSEARCH_SHARDS",
                Integer.toString(config.opensearch().shards()));
        env.put(
                "TRADETALK_OPENSEARCH_REPLICAS",
                Integer.toString(config.opensearch().replicas()));
        env.put("OPT_OUT_TRACKING", "true");
        Path logs = temp != null ? temp.resolve("ingest-processes") : Files.createTempDirectory("tradetalk-bench-");
        return new IngestProcesses(args, env, logs);
    }

    /** Deletes the scratch OpenSearch index; a failure is reported and does not lose the figures measured. */
    private void deleteScratchIndex(Tradetalk tt) {
        try {
            tt.deleteScratchIndex();
        } catch (RuntimeException e) {
            app.err().println("tradetalk: bench could not delete its scratch index: " + e.getMessage());
        }
    }

    /** One ingest child: generates the corpus, writes its slice into the configured index, prints what it did. */
    private int ingestSlice(TradetalkConfig config) throws IOException {
        int[] slice = IngestProcesses.parseSlice(ingestSlice);
        Path temp = Files.createTempDirectory("tradetalk-bench-slice-");
        Embedder embedder = vectors == Vectors.random ? new RandomEmbedder(384) : new BgeSmallEmbedder();
        try (Tradetalk tt = new Tradetalk(config.withIndexDir(temp), embedder)) {
            List<tradetalk.retrieval.Article> mine =
                    IngestProcesses.slice(new SyntheticCorpus(seed).articles(articles), slice[0], slice[1]);
            var r = tt.index().ingest(mine, List.of(), n -> {});
            app.out().println(Views.json(IngestProcesses.sliceLine(slice[0], r.added(), r.passages(), r.millis())));
        } finally {
            Trees.delete(temp);
        }
        return 0;
    }

    private Map<String, Object> coldStart() {
        Path home = AppOptions.home();
        Path j = jar != null ? jar : home.resolve("app/target/tradetalk.jar");
        Map<String, Object> m = new LinkedHashMap<>();
        if (noColdStart) {
            m.put("ran", false);
            m.put("reason", "--no-cold-start");
            return m;
        }
        if (!Files.isRegularFile(j)) {
            m.put("ran", false);
            m.put("reason", "jar not found: " + j + " (build it with ./tradetalk --help)");
            return m;
        }
        Path seeds = home.resolve("data/articles");
        app.err().println("tradetalk: bench cold start (" + coldRuns + " runs of " + j.getFileName() + " ask) ...");
        return ColdStart.measure(j, home, seeds, "Who did Liu He speak with on the phone?", coldRuns, coldJvmOptions);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it empty
        }
        m.put("cpu", cpu);
        m.put("java", System.getProperty("java.version"));
        m.put("date", java.time.LocalDate.now().toString());
        return m;
    }
}
