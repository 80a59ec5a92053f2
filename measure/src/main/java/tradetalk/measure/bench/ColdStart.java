package tradetalk.measure.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: the wall time from spawning {@code java -jar tradetalk.jar ask ...} on an existing index to the
 * process ending after its first answer. The index (the seed articles, real embeddings) is built first by a child
 * {@code ingest}, untimed.
 */
public final class ColdStart {

    private ColdStart() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Measures {@code runs} cold starts.
     *
     * @param jar      the fat jar
     * @param home     the Tradetalk home (config, seed articles)
     * @param articles the articles to index first
     * @param question the question asked
     * @param extra    extra JVM options (e.g. -XX:SharedArchiveFile=...)
     */
    public static Map<String, Object> measure(
            Path jar, Path home, Path articles, String question, int runs, List<String> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jar", jar.toString());
        m.put("jar_bytes", jar.toFile().length());
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tradetalk-cold-");
            Path index = dir.resolve("index");
            int code = run(
                    command(jar, home, extra, List.of("ingest", "--index", index.toString(), articles.toString())),
                    dir);
            if (code != 0) {
                m.put("ran", false);
                m.put("reason", "ingest exited with " + code);
                return m;
            }
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                code = run(command(jar, home, extra, List.of("ask", "--index", index.toString(), question)), dir);
                times.add((System.nanoTime() - t0) / 1_000_000);
                if (code != 0) {
                    m.put("ran", false);
                    m.put("reason", "ask exited with " + code);
                    return m;
                }
            }
            m.put("ran", true);
            m.put("runs_ms", times);
            m.put("median_ms", times.stream().sorted().toList().get(times.size() / 2));
            return m;
        } catch (IOException e) {
            m.put("ran", false);
            m.put("reason", e.getMessage());
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            m.put("ran", false);
            m.put("reason", "interrupted");
            return m;
        } finally {
            if (dir != null) {
                tradetalk.measure.bench.Trees.delete(dir);
            }
        }
    }

    static List<String> command(Path jar, Path home, List<String> extra, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> c = new ArrayList<>(
                List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        c.addAll(extra);
        c.addAll(List.of("-Dtradetalk.home=" + home, "-jar", jar.toString()));
        c.addAll(args);
        return c;
    }

    private static int run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
