package tradetalk.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (bot/pom.xml, {@code process-classes}): writes the shipped defaults, {@code config/tradetalk.yml}, as
 * compact JSON ({@value ConfigLoader#DEFAULTS_JSON}) next to the classes, parsed by the loader's own strict YAML mapper
 * (a duplicate key or bad YAML fails the build). {@link ConfigLoader} reads that at run time instead of the commented
 * YAML; the YAML stays the one source.
 */
public final class DefaultsJson {

    private DefaultsJson() {
        throw new UnsupportedOperationException("build step");
    }

    /**
     * Converts the defaults.
     *
     * @param args the YAML file, and the JSON file to write
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DefaultsJson CONFIG_YAML OUTPUT_JSON");
        }
        JsonNode tree = ConfigLoader.mapper().readTree(Path.of(args[0]).toFile());
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(args[0] + " must be a map of sections");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, new ObjectMapper().writeValueAsBytes(tree));
    }
}
