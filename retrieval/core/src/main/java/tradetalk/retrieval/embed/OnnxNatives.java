package tradetalk.retrieval.embed;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's native libraries, unpacked once into a fixed cache directory and loaded from there through
 * ONNX Runtime's own setting {@code onnxruntime.native.path}. Left to itself, ONNX Runtime copies them into a new
 * {@code onnxruntime-java*} directory under {@code java.io.tmpdir} at every start and leaves that directory behind
 * (it asks for the directory to be deleted at exit before the files in it). The cache is
 * {@code $XDG_CACHE_HOME/tradetalk} (default {@code ~/.cache/tradetalk}), or the {@code tradetalk.cache.dir}
 * system property; one subdirectory per library build, so an upgrade never loads an old copy.
 */
final class OnnxNatives {

    private static final Logger log = LoggerFactory.getLogger(OnnxNatives.class);
    static final String PATH_PROPERTY = "onnxruntime.native.path";

    private OnnxNatives() {}

    /** Unpacks the libraries (if not already) and points ONNX Runtime at them; on any trouble, changes nothing. */
    static synchronized void prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String platform = platform();
        if (platform == null) {
            return;
        }
        List<String> libraries =
                List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        try {
            URL first = resource(platform, libraries.getFirst());
            if (first == null || !(first.openConnection() instanceof JarURLConnection jar)) {
                return; // not packaged in a jar: ONNX Runtime's own loading applies
            }
            Path dir = cacheRoot()
                    .resolve("onnxruntime-" + platform + "-"
                            + Long.toHexString(jar.getJarEntry().getCrc()));
            Files.createDirectories(dir);
            for (String lib : libraries) {
                unpack(resource(platform, lib), dir.resolve(lib));
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            log.debug("ONNX Runtime native libraries in {}", dir);
        } catch (IOException | RuntimeException e) {
            log.debug("Leaving ONNX Runtime to unpack its native libraries itself: {}", e.toString());
        }
    }

    private static URL resource(String platform, String lib) {
        return OnnxNatives.class.getResource("/ai/onnxruntime/native/" + platform + "/" + lib);
    }

    /** Copies the library unless a complete copy is there; the rename keeps concurrent starts from seeing half. */
    private static void unpack(URL from, Path to) throws IOException {
        URLConnection c = from.openConnection();
        long size = c instanceof JarURLConnection j ? sizeOf(j.getJarEntry()) : -1;
        if (Files.isRegularFile(to) && Files.size(to) == size) {
            return;
        }
        Path tmp = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".part");
        try (InputStream in = c.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long sizeOf(JarEntry e) {
        return e == null ? -1 : e.getSize();
    }

    static Path cacheRoot() {
        String configured = System.getProperty("tradetalk.cache.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tradetalk");
    }

    /** ONNX Runtime's name for this platform's resource directory, or null when it ships none for it. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }
}
