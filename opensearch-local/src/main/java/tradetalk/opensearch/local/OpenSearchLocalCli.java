package tradetalk.opensearch.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tradetalk opensearch-local start|stop DIR}: a local OpenSearch cluster for trying the OpenSearch backend.
 * The launcher runs this class with its own small classpath (not the product jar). {@code start} leaves the cluster
 * running in the background and prints every node's base URL, comma-separated, as the last line of stdout once the
 * cluster is green; progress goes to stderr.
 */
@Command(
        name = "opensearch-local",
        mixinStandardHelpOptions = true,
        description =
                "Starts or stops a local multi-node OpenSearch cluster (k-NN plugin, lucene engine) on 127.0.0.1.")
public final class OpenSearchLocalCli {

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new OpenSearchLocalCli())
                .addSubcommand(new Start(out, err))
                .addSubcommand(new Stop(err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof LocalClusterException) {
                err.println("opensearch-local: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Command(name = "start", description = "Starts a cluster in DIR in the background and prints its node URLs.")
    static final class Start implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        Start(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Parameters(paramLabel = "DIR", description = "the cluster directory (created; data stays there)")
        Path dir;

        @Option(
                names = "--nodes",
                defaultValue = "" + LocalOpenSearchCluster.DEFAULT_NODES,
                description = "number of nodes (default: ${DEFAULT-VALUE})")
        int nodes;

        @Option(
                names = "--heap",
                paramLabel = "SIZE",
                description = "the heap of the nodes' JVM, shared by all nodes, e.g. 2g (default: 1g up to 3 nodes,"
                        + " 1536m above)")
        String heap;

        @Override
        public Integer call() {
            Instant t0 = Instant.now();
            LocalOpenSearchCluster cluster = LocalOpenSearchCluster.start(
                    dir,
                    nodes,
                    heap,
                    LocalOpenSearchCluster.Mode.DETACHED,
                    line -> err.println("opensearch-local: " + line));
            err.println("opensearch-local: green with " + nodes + " node(s) after "
                    + Duration.between(t0, Instant.now()).toSeconds() + " s (pid " + cluster.pid()
                    + "); stop it with: ./tradetalk opensearch-local stop " + dir);
            out.println(cluster.urls().stream().map(Object::toString).collect(Collectors.joining(",")));
            return 0;
        }
    }

    @Command(name = "stop", description = "Stops the cluster running in DIR (its data stays).")
    static final class Stop implements Callable<Integer> {
        private final PrintStream err;

        Stop(PrintStream err) {
            this.err = err;
        }

        @Parameters(paramLabel = "DIR", description = "the cluster directory given to start")
        Path dir;

        @Override
        public Integer call() {
            LocalOpenSearchCluster.stop(dir);
            err.println("opensearch-local: stopped the cluster in "
                    + dir.toAbsolutePath().normalize());
            return 0;
        }
    }
}
