package tradetalk.opensearch.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A local OpenSearch cluster of N nodes (k-NN plugin loaded, engine {@code lucene} only) running in a child JVM on
 * 127.0.0.1, started from and controlled by this JVM over files, HTTP and a loopback control port. No OpenSearch
 * class is loaded here: the child's classpath was resolved at build time by the {@code opensearch-node} module.
 *
 * <p>The cluster directory holds {@value #MARKER} (which marks it as such a directory and keeps the cluster's name),
 * {@value #PID_FILE}, {@value #LOG_FILE} (the child's output), {@value #READY_FILE} (written by the child once every
 * node has started) and {@code nodes/} (each node's data and logs). Data survives a stop: starting again in the same
 * directory brings the indices back.
 */
public final class LocalOpenSearchCluster implements AutoCloseable {

    /** Nodes started when nothing else is said. */
    public static final int DEFAULT_NODES = 3;

    static final String MARKER = "opensearch-local.properties";
    static final String PID_FILE = "cluster.pid";
    static final String LOG_FILE = "opensearch.log";
    static final String READY_FILE = "cluster.ready";
    static final String MAIN_CLASS = "tradetalk.opensearch.node.LocalClusterMain";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** How the child process relates to this one. */
    public enum Mode {
        /** The child exits when this JVM does (it watches a pipe from here): for tests. */
        ATTACHED,
        /** The child runs in its own session and outlives this JVM: for the command line. */
        DETACHED
    }

    private final Path dir;
    private final int nodes;
    private final List<URI> urls;
    private final int controlPort;
    /** Held, not only its handle: an attached child watches this object's stdin pipe, closed when it is collected. */
    private final Process child;

    private final ProcessHandle process;

    private LocalOpenSearchCluster(Path dir, int nodes, List<URI> urls, int controlPort, Process child) {
        this.dir = dir;
        this.nodes = nodes;
        this.urls = List.copyOf(urls);
        this.controlPort = controlPort;
        this.child = child;
        this.process = child.toHandle();
    }

    /**
     * Starts {@code nodes} nodes with data under {@code dir} and returns once the cluster is green with all of them.
     *
     * @param progress receives a line at each step (for a person watching)
     * @throws LocalClusterException when {@code dir} is not empty and not a cluster directory, a cluster already runs
     *     there, or the cluster did not come up (the message names the log)
     */
    public static LocalOpenSearchCluster start(Path dir, int nodes, Mode mode, Consumer<String> progress) {
        return start(dir, nodes, null, mode, progress);
    }

    /**
     * Starts like {@link #start(Path, int, Mode, Consumer)} with the child JVM's heap (shared by all its nodes) given.
     *
     * @param heap the heap as a JVM size ({@code 1g}, {@code 1536m}), or null for {@link #defaultHeap(int)}
     * @throws LocalClusterException also when {@code heap} is not such a size
     */
    public static LocalOpenSearchCluster start(Path dir, int nodes, String heap, Mode mode, Consumer<String> progress) {
        if (nodes < 1) {
            throw new LocalClusterException("the number of nodes must be at least 1, not " + nodes);
        }
        String jvmHeap = heap == null ? defaultHeap(nodes) : checkedHeap(heap);
        Path home = dir.toAbsolutePath().normalize();
        String clusterName = prepare(home);
        NodeFiles files = NodeFiles.fromBuild();
        List<String> command = command(files, home, nodes, clusterName, mode, jvmHeap);
        progress.accept(
                "starting " + nodes + " OpenSearch node(s) in " + home + " (log: " + home.resolve(LOG_FILE) + ")");
        Process child;
        try {
            Files.deleteIfExists(home.resolve(READY_FILE));
            Files.createDirectories(home.resolve("tmp"));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve(LOG_FILE).toFile()));
            if (mode == Mode.DETACHED) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            child = pb.start();
            Files.writeString(home.resolve(PID_FILE), Long.toString(child.pid()) + "\n");
        } catch (IOException e) {
            throw new LocalClusterException("could not start the cluster's JVM: " + e.getMessage(), e);
        }
        ProcessHandle handle = child.toHandle();
        Thread cleanup = new Thread(
                () -> {
                    terminate(handle);
                    deletePidFile(home);
                },
                "opensearch-local-abort");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C while starting leaves nothing behind
        try {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            Properties ready = awaitReady(home, handle, deadline);
            List<URI> urls = Arrays.stream(ready.getProperty("urls").split(","))
                    .map(URI::create)
                    .toList();
            progress.accept("nodes started; waiting for the cluster to be green");
            LocalOpenSearchCluster cluster = new LocalOpenSearchCluster(
                    home, nodes, urls, Integer.parseInt(ready.getProperty("control.port")), child);
            cluster.awaitHealth("green", nodes, deadline);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            // an attached child is stopped by close() or, if this JVM dies, by the end of its pipe
            return cluster;
        } catch (RuntimeException e) {
            terminate(handle);
            deletePidFile(home);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            throw e;
        }
    }

    /** The nodes' base URLs, node 1 first. */
    public List<URI> urls() {
        return urls;
    }

    /** The cluster directory. */
    public Path dir() {
        return dir;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Stops node {@code k} (from 1) and returns once the others have seen it leave; the cluster keeps answering
     * from the remaining nodes (yellow at worst when indices have replicas).
     */
    public void stopNode(int k) {
        control("stop-node " + k);
        // any status: another test's index without replicas is red once its node is gone; only the node count matters
        awaitHealth("red", nodes - 1, Instant.now().plus(START_TIMEOUT));
    }

    /** Starts node {@code k} (from 1) again after {@link #stopNode} and returns once the cluster is green. */
    public void startNode(int k) {
        control("start-node " + k);
        awaitHealth("green", nodes, Instant.now().plus(START_TIMEOUT));
    }

    /** Stops every node: SIGTERM, then a kill if the JVM has not exited within a minute. Idempotent. */
    public void stop() {
        terminate(process);
        deletePidFile(dir);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the cluster whose pid file is in {@code dir} (started by another process).
     *
     * @throws LocalClusterException when {@code dir} is not a cluster directory or no cluster runs there
     */
    public static void stop(Path dir) {
        Path home = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve(MARKER))) {
            throw new LocalClusterException(home + " is not an opensearch-local cluster directory (no " + MARKER + ")");
        }
        ProcessHandle p =
                running(home).orElseThrow(() -> new LocalClusterException("no cluster is running in " + home));
        terminate(p);
        deletePidFile(home);
    }

    /** The cluster JVM whose pid file is in {@code dir}, if it still runs. */
    static Optional<ProcessHandle> running(Path dir) {
        Path pidFile = dir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        // a pid can be reused after a reboot: only a JVM running our main class counts
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> Arrays.asList(args).contains(MAIN_CLASS))
                        .orElse(true));
    }

    /** Checks the directory, marks it as a cluster directory, and returns the cluster's name (kept across starts). */
    private static String prepare(Path home) {
        Path marker = home.resolve(MARKER);
        try {
            if (Files.exists(home) && !Files.isDirectory(home)) {
                throw new LocalClusterException(home + " is not a directory");
            }
            if (Files.isDirectory(home) && !Files.exists(marker) && !isEmpty(home)) {
                throw new LocalClusterException(
                        home + " is not empty and not an opensearch-local cluster directory (no " + MARKER + ")");
            }
            Optional<ProcessHandle> live = running(home);
            if (live.isPresent()) {
                throw new LocalClusterException("a cluster is already running in " + home + " (pid "
                        + live.get().pid() + ")");
            }
            Files.createDirectories(home);
            Properties p = new Properties();
            if (Files.exists(marker)) {
                try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
            String name = p.getProperty("cluster.name");
            if (name == null || name.isBlank()) {
                // unique, so that two clusters on one machine never take each other's nodes
                name = "tradetalk-local-" + UUID.randomUUID().toString().substring(0, 8);
                p.setProperty("cluster.name", name);
                try (Writer w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
                    p.store(w, "an opensearch-local cluster directory (./tradetalk opensearch-local start|stop DIR)");
                }
            }
            return name;
        } catch (IOException e) {
            throw new LocalClusterException("cannot use " + home + " as a cluster directory: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The heap of the child JVM for {@code nodes} nodes on a small machine when none is given: 1g up to 3 nodes. */
    public static String defaultHeap(int nodes) {
        return nodes <= 3 ? "1g" : "1536m";
    }

    /** A JVM heap size of at least 256 MB ({@code 2g}, {@code 1536m}), lower-cased. */
    static String checkedHeap(String heap) {
        String h = heap.strip().toLowerCase(java.util.Locale.ROOT);
        if (!h.matches("[1-9][0-9]*[mg]")) {
            throw new LocalClusterException("the heap must be a size like 2g or 1536m, not '" + heap + "'");
        }
        long mb = Long.parseLong(h.substring(0, h.length() - 1)) * (h.endsWith("g") ? 1024 : 1);
        if (mb < 256) {
            throw new LocalClusterException(
                    "the heap must be at least 256m for the nodes to start, not '" + heap + "'");
        }
        return h;
    }

    /**
     * The child JVM's command line: the JDK running this JVM, the heap, and the Vector API module, which Lucene uses
     * for its vector arithmetic (HNSW graph building and merging, k-NN search; without it Lucene warns and falls
     * back to scalar code).
     */
    static List<String> command(NodeFiles files, Path home, int nodes, String clusterName, Mode mode, String heap) {
        List<String> cmd = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (mode == Mode.DETACHED && Files.isExecutable(setsid)) {
            cmd.add(setsid.toString()); // its own session: Ctrl-C or a closed terminal do not reach it
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED"));
        cmd.add("-Djava.io.tmpdir=" + home.resolve("tmp")); // created by start
        cmd.addAll(
                List.of("-cp", files.classpath(), MAIN_CLASS, home.toString(), Integer.toString(nodes), clusterName));
        if (mode == Mode.ATTACHED) {
            cmd.add("--exit-on-stdin-eof");
        }
        return cmd;
    }

    private static Properties awaitReady(Path home, ProcessHandle child, Instant deadline) {
        Path ready = home.resolve(READY_FILE);
        while (!Files.exists(ready)) {
            if (!child.isAlive()) {
                throw new LocalClusterException("the cluster's JVM exited before its nodes started; see "
                        + home.resolve(LOG_FILE) + lastLines(home.resolve(LOG_FILE)));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalClusterException("the nodes did not start within " + START_TIMEOUT.toSeconds()
                        + " s; see " + home.resolve(LOG_FILE));
            }
            sleep(POLL);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ready, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new LocalClusterException("cannot read " + ready + ": " + e.getMessage(), e);
        }
        return p;
    }

    private record Health(int status, String body) {}

    /**
     * One health request on a connection of its own, bounded by socket timeouts. (The JDK HttpClient shared across
     * these calls was seen, on a quiet machine, to leave requests to a node just stopped by {@link #stopNode}
     * unanswered past their own timeout, which hung the test run.)
     */
    private static Health health(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        c.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
        c.setUseCaches(false);
        try {
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Health(status, body);
        } finally {
            c.disconnect();
        }
    }

    /** Waits until some live node reports at least {@code status} with exactly {@code expectedNodes} nodes. */
    void awaitHealth(String status, int expectedNodes, Instant deadline) {
        String query =
                "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + expectedNodes + "&timeout=20s";
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LocalClusterException("the cluster's JVM exited; see " + dir.resolve(LOG_FILE));
            }
            for (URI url : urls) {
                try {
                    Health r = health(url.resolve(query));
                    if (r.status() == 200) {
                        return;
                    }
                    last = "HTTP " + r.status() + ": " + r.body();
                    break; // the node answered (408: not yet): ask it again rather than the next one
                } catch (ConnectException e) {
                    last = url + " refused the connection"; // a stopped node: try the next
                } catch (IOException e) {
                    last = url + ": " + e.getMessage();
                }
            }
            sleep(POLL);
        }
        throw new LocalClusterException("the cluster was not " + status + " with " + expectedNodes
                + " node(s) in time (" + last + "); see " + dir.resolve(LOG_FILE));
    }

    /** Sends one command to the child's control port and fails unless it answers {@code ok}. */
    private void control(String command) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), controlPort);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream()) {
            PrintWriter w = new PrintWriter(out, true, StandardCharsets.UTF_8);
            w.println(command);
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (!"ok".equals(answer)) {
                throw new LocalClusterException(command + " failed: " + answer);
            }
        } catch (IOException e) {
            throw new LocalClusterException(command + " failed: " + e.getMessage(), e);
        }
    }

    private static void terminate(ProcessHandle p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy(); // SIGTERM: the child's shutdown hook closes every node
        try {
            p.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            p.onExit().join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
        }
    }

    private static void deletePidFile(Path home) {
        try {
            Files.deleteIfExists(home.resolve(PID_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return tail.isEmpty() ? "" : ":\n  " + String.join("\n  ", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted while waiting for the cluster", e);
        }
    }
}
