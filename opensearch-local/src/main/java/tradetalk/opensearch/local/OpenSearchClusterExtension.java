package tradetalk.opensearch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real OpenSearch cluster: {@code @ExtendWith(OpenSearchClusterExtension.class)} on a test class, then
 * an {@link OpenSearchTestCluster} parameter (constructor, {@code @BeforeAll} or test method), or
 * {@link #cluster(ExtensionContext)}.
 *
 * <p>One cluster per test run (per test JVM), shared by every test class that uses the extension: the first one
 * starts {@value LocalOpenSearchCluster#DEFAULT_NODES} nodes in a child JVM with data under
 * {@code target/opensearch-test-cluster} (emptied first), waits for green, and the run's end stops it (the child
 * also exits by itself if this JVM dies). With {@code -Dopensearch.urls=http://h1:p1,http://h2:p2} the tests use
 * that cluster instead and nothing is started.
 */
public final class OpenSearchClusterExtension implements BeforeAllCallback, ParameterResolver {

    /** System property naming an external cluster's base URLs, comma-separated. */
    public static final String URLS_PROPERTY = "opensearch.urls";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(OpenSearchClusterExtension.class);
    private static final Path DATA = Path.of("target", "opensearch-test-cluster");

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    /** The run's cluster, started on first use. */
    public static OpenSearchTestCluster cluster(ExtensionContext context) {
        // the root context's store lives until the whole run ends, and closes what it holds then
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        OpenSearchTestCluster.class,
                        k -> create(System.getProperty(URLS_PROPERTY)),
                        OpenSearchTestCluster.class);
    }

    static OpenSearchTestCluster create(String external) {
        if (external != null && !external.isBlank()) {
            List<URI> urls = Arrays.stream(external.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(URI::create)
                    .toList();
            return new OpenSearchTestCluster(urls, Optional.empty());
        }
        Path dir = DATA.toAbsolutePath();
        LocalOpenSearchCluster.running(dir).ifPresent(p -> LocalOpenSearchCluster.stop(dir));
        deleteRecursively(dir);
        LocalOpenSearchCluster local = LocalOpenSearchCluster.start(
                dir,
                LocalOpenSearchCluster.DEFAULT_NODES,
                LocalOpenSearchCluster.Mode.ATTACHED,
                line -> System.err.println("opensearch-local: " + line));
        return new OpenSearchTestCluster(local.urls(), Optional.of(local));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSearchTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
