package tradetalk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
record CliRun(int exit, String out, String err) {

    /** The seed articles of the repository (tests run in bot/). */
    static final Path SEEDS = Path.of("../data/articles").toAbsolutePath().normalize();

    /** The default status directory of runs: one no process writes to. */
    static final Path NO_PROCESSES =
            Path.of("target", "health-no-processes").toAbsolutePath().normalize();

    static CliRun run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("TRADETALK_INDEX_ARTICLES", SEEDS.toString());
        e.putIfAbsent("TRADETALK_HEALTH_DIR", NO_PROCESSES.toString()); // no process reports there
        int code = Cli.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                e);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun run(String... args) {
        return run(Map.of(), "", args);
    }

    /** The command line of a child JVM that runs the CLI ({@code tradetalk.cli.Main}) on the test class path. */
    static List<String> childCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                "tradetalk.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
