package tradetalk.opensearch.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.node.Node;

/**
 * Runs N OpenSearch nodes (with the k-NN plugin) in this JVM on 127.0.0.1 with free ports, and says when they run.
 *
 * <p>Arguments: {@code DIR NODES CLUSTER_NAME [--exit-on-stdin-eof]}. Node data goes under {@code DIR/nodes}. When
 * every node has started it writes {@code DIR/cluster.ready} (a properties file: {@code urls}, {@code control.port},
 * {@code pid}), atomically; the parent then waits for the cluster to be green over HTTP. The runner sends
 * {@code System.out} into its own logging, so the file, not stdout, is the signal. A loopback control port takes one
 * line per connection: {@code stop-node K} / {@code start-node K} (K from 1) and answers {@code ok} or
 * {@code error: ...} once done. SIGTERM (or {@code --exit-on-stdin-eof} when the parent's pipe closes) closes every
 * node and removes the ready file.
 */
public final class LocalClusterMain {

    static final String READY_FILE = "cluster.ready";
    private static final String KNN_PLUGIN = "org.opensearch.knn.plugin.KNNPlugin";

    private final OpenSearchRunner runner = new OpenSearchRunner();
    private final int nodes;

    private LocalClusterMain(int nodes) {
        this.nodes = nodes;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalClusterMain DIR NODES CLUSTER_NAME [--exit-on-stdin-eof]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int nodes = Integer.parseInt(args[1]);
        String clusterName = args[2];
        boolean exitOnEof = args.length > 3 && args[3].equals("--exit-on-stdin-eof");

        LocalClusterMain cluster = new LocalClusterMain(nodes);
        Path ready = dir.resolve(READY_FILE);
        Files.deleteIfExists(ready);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> cluster.close(ready), "opensearch-local-shutdown"));
        if (exitOnEof) {
            Thread watcher = new Thread(() -> exitOnEof(System.in), "opensearch-local-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        List<Integer> ports = freePorts(2 * nodes);
        List<Integer> http = ports.subList(0, nodes);
        List<Integer> transport = ports.subList(nodes, 2 * nodes);
        try {
            cluster.start(dir.resolve("nodes"), clusterName, http, transport);
        } catch (RuntimeException e) {
            // a node that did start keeps the JVM alive: exit, so the parent sees the failure at once
            e.printStackTrace();
            System.exit(1);
        }

        ServerSocket control = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread controller = new Thread(() -> cluster.serve(control), "opensearch-local-control");
        controller.setDaemon(true);
        controller.start();

        List<String> urls = new ArrayList<>();
        for (int port : http) {
            urls.add("http://127.0.0.1:" + port);
        }
        Properties p = new Properties();
        p.setProperty("urls", String.join(",", urls));
        p.setProperty("control.port", Integer.toString(control.getLocalPort()));
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path tmp = dir.resolve(READY_FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "written by " + LocalClusterMain.class.getName() + " once every node has started");
        }
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("opensearch-local: " + nodes + " node(s) started: " + String.join(",", urls));
        // OpenSearch's threads are daemons (its own launcher keeps a thread alive): wait here until the JVM exits
        new CountDownLatch(1).await();
    }

    private void start(Path base, String clusterName, List<Integer> http, List<Integer> transport) {
        List<String> seeds = new ArrayList<>();
        for (int port : transport) {
            seeds.add("127.0.0.1:" + port);
        }
        runner.onBuild((id, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", http.get(id - 1));
            settings.put("transport.port", transport.get(id - 1));
            settings.putList("discovery.seed_hosts", seeds);
            // a shared developer machine's disk is often above the default watermarks: shards would not allocate
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(nodes)
                .clusterName(clusterName)
                .pluginTypes(KNN_PLUGIN));
    }

    /** Answers control commands, one per connection, until the JVM exits. */
    private void serve(ServerSocket control) {
        while (true) {
            try (Socket s = control.accept();
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                out.println(line == null ? "error: empty command" : command(line.strip()));
            } catch (IOException e) {
                System.err.println("opensearch-local: control connection failed: " + e);
            }
        }
    }

    private synchronized String command(String line) {
        String[] parts = line.split("\\s+");
        if (parts.length != 2 || !(parts[0].equals("stop-node") || parts[0].equals("start-node"))) {
            return "error: unknown command: " + line;
        }
        int k;
        try {
            k = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return "error: not a node number: " + parts[1];
        }
        if (k < 1 || k > runner.getNodeSize()) {
            return "error: no node " + k + " (nodes 1-" + runner.getNodeSize() + ")";
        }
        try {
            if (parts[0].equals("stop-node")) {
                Node node = runner.getNode(k - 1);
                if (!node.isClosed()) {
                    node.close();
                    if (!node.awaitClose(60, TimeUnit.SECONDS)) {
                        return "error: node " + k + " did not close within 60 s";
                    }
                }
                return "ok";
            }
            if (!runner.getNode(k - 1).isClosed()) {
                return "ok";
            }
            return runner.startNode(k - 1) ? "ok" : "error: node " + k + " did not start (see the log)";
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "error: " + e;
        }
    }

    private void close(Path ready) {
        try {
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            System.err.println("opensearch-local: could not remove " + ready + ": " + e);
        }
        try {
            if (!runner.isClosed()) {
                runner.close();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("opensearch-local: closing the nodes failed: " + e);
        }
    }

    private static void exitOnEof(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the parent writes nothing; EOF means it is gone
            }
        } catch (IOException e) {
            // a broken pipe means the same
        }
        System.exit(0);
    }

    /** Ports free on the loopback address now; all held open together so that none is handed out twice. */
    private static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                s.setReuseAddress(true);
                held.add(s);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
