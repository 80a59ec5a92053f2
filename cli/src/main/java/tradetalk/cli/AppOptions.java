package tradetalk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import tradetalk.answer.UserError;
import tradetalk.cli.config.ConfigLoader;
import tradetalk.cli.config.IndexConfig;
import tradetalk.cli.config.TradetalkConfig;

/** Options every command shares (--config, --index, --json) and the wiring they lead to. */
public final class AppOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (YAML).")
    public Path config;

    @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index.dir).")
    public Path index;

    @Option(names = "--json", description = "Print JSON (one object per line) instead of text.")
    boolean json;

    private Map<String, String> env = System.getenv();
    private InputStream in = System.in;
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    void bind(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** The directory relative config paths are resolved against: -Dtradetalk.home, else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("tradetalk.home", ""))
                .toAbsolutePath()
                .normalize();
    }

    /** Loads the configuration, applying --index. */
    public TradetalkConfig loadConfig() {
        Path file = config;
        if (file == null) {
            Path local = home().resolve("config/tradetalk.yml");
            file = local.toFile().isFile() ? local : null;
        }
        if (index != null && index.toString().isBlank()) {
            throw new UserError("--index is empty; give the index directory");
        }
        TradetalkConfig c = new ConfigLoader().load(file, env, home());
        return index == null ? c : c.withIndexDir(index.toAbsolutePath().normalize());
    }

    /** The Lucene index directory of {@code c} when it does not exist; null when it does, or for OpenSearch. */
    static Path missingIndex(TradetalkConfig c) {
        return c.index().backendKind() == IndexConfig.Backend.LUCENE
                        && !Files.exists(c.index().dirPath())
                ? c.index().dirPath()
                : null;
    }

    /** Builds the application from the configuration. */
    public Tradetalk open() {
        return new Tradetalk(loadConfig());
    }

    public boolean json() {
        return json;
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }
}
