package tradetalk.measure.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Deletes temporary directory trees. */
public final class Trees {

    private Trees() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Deletes a directory and everything under it; a leftover temporary file is harmless, so errors are ignored. */
    public static void delete(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing to do: the directory is temporary
        }
    }
}
