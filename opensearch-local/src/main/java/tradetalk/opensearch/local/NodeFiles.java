package tradetalk.opensearch.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The child JVM's files, built by the {@code opensearch-node} module: its jar, the classpath file of OpenSearch's
 * jars (in the local Maven repository) and the unpacked k-NN plugin.
 */
record NodeFiles(Path jar, Path classpathFile, Path knnDir) {

    /** The files of the build this class was built with ({@code node.properties}, filled in by Maven). */
    static NodeFiles fromBuild() {
        Properties p = new Properties();
        try (InputStream in = NodeFiles.class.getResourceAsStream("node.properties")) {
            if (in == null) {
                throw new LocalClusterException("node.properties is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in(Path.of(p.getProperty("node.target")).toAbsolutePath().normalize());
    }

    static NodeFiles in(Path target) {
        return new NodeFiles(
                target.resolve("tradetalk-opensearch-node.jar"),
                target.resolve("opensearch-classpath.txt"),
                target.resolve("knn"));
    }

    /** The child's {@code -cp} value; fails naming the missing file when the module was not built. */
    String classpath() {
        for (Path p : new Path[] {jar, classpathFile, knnDir}) {
            if (!Files.exists(p)) {
                throw new LocalClusterException("the OpenSearch node files are not built (no " + p
                        + "); build them with: mvn -B -DskipTests package");
            }
        }
        try {
            return String.join(
                    java.io.File.pathSeparator,
                    jar.toString(),
                    Files.readString(classpathFile).strip(),
                    knnDir.resolve("*").toString());
        } catch (IOException e) {
            throw new LocalClusterException("cannot read " + classpathFile + ": " + e.getMessage(), e);
        }
    }
}
