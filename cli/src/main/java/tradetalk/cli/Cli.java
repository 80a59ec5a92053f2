package tradetalk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tradetalk.answer.UserError;
import tradetalk.cli.config.ConfigException;
import tradetalk.cli.config.DidYouMean;
import tradetalk.retrieval.store.IndexException;

/**
 * The {@code tradetalk} command line: one subcommand per task. User mistakes and operational errors end with a
 * one-line message and a non-zero exit code, never a stack trace.
 */
@Command(
        name = "tradetalk",
        mixinStandardHelpOptions = true,
        version = "tradetalk 0.1.0",
        description = "Answers questions about the news from indexed articles, with citations.",
        subcommands = {
            AskCommand.class,
            IngestCommand.class,
            SourcesCommand.class,
            StatusCommand.class,
            SummaryCommand.class,
            WatchCommand.class,
            DiscordCommand.class,
            CheckCommand.class,
            HealthCommand.class,
            InsightsCommand.class
        })
public final class Cli implements Runnable {

    /** Exit code of a failed command. */
    public static final int FAILED = 1;
    /** Exit code of a command that worked but skipped some input. */
    public static final int PARTIAL = 3;

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: ask, ingest, sources, ...");
    }

    /** Runs the command line with the process environment. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs the command line; {@code env} supplies TRADETALK_* overrides. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, System.in, out, err, env);
    }

    /** Runs the command line reading questions from {@code in}; {@code env} supplies TRADETALK_* overrides. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandFactory factory = new CommandFactory(env, in, out, err);
        CommandLine cmd = new CommandLine(new Cli(), factory);
        for (CommandSource source : ServiceLoader.load(CommandSource.class)) {
            for (Class<?> command : source.commands()) {
                cmd.addSubcommand(command);
            }
        }
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setParameterExceptionHandler(Cli::usageError);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = userMessage(ex);
            if (message == null) {
                String errorId =
                        HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                log.error("Unexpected failure [error {}]", errorId, ex);
                message = "unexpected error (error id " + errorId + "; the details are in the log above)";
            }
            commandLine.getErr().println("tradetalk: " + message);
            return FAILED;
        });
        return cmd.execute(args);
    }

    /**
     * A usage mistake is one line: what is wrong, a suggestion for a mistyped command or option, and where the help
     * is. The usage text itself is for {@code --help}.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        String message = ex.getMessage().strip();
        if (ex instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            boolean option = typed.startsWith("-");
            CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
            String meant = DidYouMean.closest(
                    typed,
                    option ? spec.optionsMap().keySet() : spec.subcommands().keySet());
            if (meant != null) {
                message = "unknown " + (option ? "option" : "command") + " '" + typed + "'; did you mean '" + meant
                        + "'?";
            }
        }
        commandLine
                .getErr()
                .println("tradetalk: " + message + " (see '"
                        + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String userMessage(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof IndexException || ex instanceof UserError) {
            return ex.getMessage();
        }
        return null;
    }

    /** Gives commands the environment and streams of this run. */
    private record CommandFactory(Map<String, String> env, InputStream in, PrintStream out, PrintStream err)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = CommandLine.defaultFactory().create(cls);
            if (k instanceof AppOptions o) {
                o.bind(env, in, out, err);
            }
            return k;
        }
    }
}
