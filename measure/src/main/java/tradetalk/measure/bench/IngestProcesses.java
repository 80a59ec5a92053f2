package tradetalk.measure.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tradetalk.answer.UserError;
import tradetalk.retrieval.Article;

/**
 * The synthetic bench's ingest by N child processes at once: N JVMs of this same program (its class path and main
 * class), each generating the same corpus from the seed and ingesting its own slice (articles {@code i} with
 * {@code i % N == w}) into the same OpenSearch index, as N {@code ingest} workers on N machines would. The time is
 * the wall time from starting the first child to the last one's end (JVM start and corpus generation included); each
 * child also reports its own ingest time and its process's CPU time.
 *
 * @param args what every child runs ({@code bench ... --ingest-slice}; the slice {@code w/N} is appended)
 * @param env  the children's environment (the parent's, with the index named)
 * @param logs where each child's stderr goes ({@code ingest-<w>.log})
 */
public record IngestProcesses(List<String> args, Map<String, String> env, Path logs) {

    /** The option that makes a {@code bench} process one child: {@code --ingest-slice w/N}. */
    public static final String SLICE_OPTION = "--ingest-slice";

    public IngestProcesses {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** What one child did, from its last line of stdout. */
    public record Slice(int worker, int added, int passages, double millis, long cpuMillis) {}

    /** The whole run: the children's reports and the wall time of all of them. */
    public record Result(List<Slice> slices, double wallMillis) {

        public int added() {
            return slices.stream().mapToInt(Slice::added).sum();
        }

        public int passages() {
            return slices.stream().mapToInt(Slice::passages).sum();
        }
    }

    /** The articles of slice {@code worker} of {@code workers}: every {@code workers}-th one from {@code worker}. */
    public static List<Article> slice(List<Article> articles, int worker, int workers) {
        List<Article> out = new ArrayList<>();
        for (int i = worker; i < articles.size(); i += workers) {
            out.add(articles.get(i));
        }
        return out;
    }

    /** Parses {@code w/N} (0 <= w < N). */
    public static int[] parseSlice(String value) {
        String[] p = value == null ? new String[0] : value.strip().split("/");
        try {
            int w = Integer.parseInt(p[0]);
            int n = Integer.parseInt(p[1]);
            if (p.length == 2 && n >= 1 && w >= 0 && w < n) {
                return new int[] {w, n};
            }
        } catch (RuntimeException e) {
            // the message below
        }
        throw new UserError(SLICE_OPTION + " must be W/N with 0 <= W < N, got '" + value + "'");
    }

    /** The JSON line a child prints once its slice is written. */
    public static Map<String, Object> sliceLine(int worker, int added, int passages, double millis) {
        return Map.of(
                "slice", worker,
                "added", added,
                "passages", passages,
                "ms", Math.round(millis),
                "cpu_ms", ownCpuMillis());
    }

    /** This process's CPU time so far (all threads, JIT and GC included), or -1 where the JVM does not say. */
    static long ownCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? -1 : ns / 1_000_000;
        }
        return -1;
    }

    /** Starts {@code processes} children at once, waits for all, and fails naming a child's log if one fails. */
    public Result run(int processes, Consumer<String> progress) {
        List<Process> children = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(logs);
            for (int w = 0; w < processes; w++) {
                List<String> command = new ArrayList<>(command());
                command.addAll(args);
                command.addAll(List.of(SLICE_OPTION, w + "/" + processes));
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectError(log(w).toFile())
                        .redirectOutput(out(w).toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().putAll(env);
                children.add(pb.start());
            }
            progress.accept("ingesting with " + processes + " processes (pids "
                    + children.stream().map(p -> Long.toString(p.pid())).toList() + ")");
            List<Slice> slices = new ArrayList<>();
            for (int w = 0; w < processes; w++) {
                int code = children.get(w).waitFor();
                if (code != 0) {
                    throw new UserError("ingest process " + w + " of " + processes + " exited with " + code + "; see "
                            + log(w) + lastLines(log(w)));
                }
                slices.add(parse(w));
            }
            return new Result(slices, (System.nanoTime() - t0) / 1e6);
        } catch (IOException e) {
            throw new UserError("cannot run the ingest processes: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while the ingest processes ran");
        } finally {
            children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        }
    }

    private Path log(int w) {
        return logs.resolve("ingest-" + w + ".log");
    }

    private Path out(int w) {
        return logs.resolve("ingest-" + w + ".json");
    }

    private Slice parse(int w) throws IOException {
        List<String> lines = Files.readAllLines(out(w));
        if (lines.isEmpty()) {
            throw new UserError("ingest process " + w + " printed no report; see " + log(w));
        }
        JsonNode j = new ObjectMapper().readTree(lines.getLast());
        return new Slice(
                w,
                j.path("added").asInt(),
                j.path("passages").asInt(),
                j.path("ms").asDouble(),
                j.path("cpu_ms").asLong(-1));
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A JVM like this one: its java, its heap options, the Vector API module, this class path and main class (the
     * product jar under {@code java -jar}, the test class path in tests).
     */
    static List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> c = new ArrayList<>(
                List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Dtradetalk.home=")) {
                c.add(a);
            }
        }
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), "tradetalk.cli.Main"));
        return c;
    }
}
