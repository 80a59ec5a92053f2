package tradetalk.cli.config;

import java.nio.file.Path;

/**
 * The {@code prompts} section.
 *
 * @param dir a directory whose templates override the shipped ones; empty for none
 */
public record PromptsConfig(String dir) {

    public PromptsConfig {
        dir = dir == null ? "" : dir.trim();
    }

    /** The override directory, or null. */
    public Path dirPath() {
        return dir.isEmpty() ? null : Path.of(dir);
    }

    PromptsConfig resolve(Path home) {
        return dir.isEmpty()
                ? this
                : new PromptsConfig(home.resolve(dir).normalize().toString());
    }
}
