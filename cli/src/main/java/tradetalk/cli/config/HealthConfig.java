package tradetalk.cli.config;

import java.nio.file.Path;

/**
 * The {@code health} section: what {@code tradetalk health} counts as healthy, and where the running processes
 * ({@code discord}, {@code watch}) report their state for it.
 *
 * @param dir             where {@code discord} and {@code watch} keep their status files ({@code discord.json},
 *                        {@code watch.json}), which {@code health} reads
 * @param allowEmptyIndex true when an empty or missing index is expected (a bot waiting for its first feed
 *                        refresh or ingest): health then does not fail on it
 */
public record HealthConfig(String dir, boolean allowEmptyIndex) {

    public HealthConfig {
        dir = dir == null || dir.isBlank() ? "data/health" : dir.strip();
    }

    /** The status directory. */
    public Path dirPath() {
        return Path.of(dir);
    }

    HealthConfig resolve(Path home) {
        Path p = Path.of(dir);
        return p.isAbsolute()
                ? this
                : new HealthConfig(home.resolve(p).normalize().toString(), allowEmptyIndex);
    }
}
