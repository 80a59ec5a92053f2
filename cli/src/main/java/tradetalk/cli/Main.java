package tradetalk.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.Offline;

/** Entry point of the {@code tradetalk} command. */
public final class Main {

    private Main() {
        throw new UnsupportedOperationException("entry point");
    }

    public static void main(String[] args) {
        Offline.enforce(); // first: DJL must never call the cloud metadata address
        System.setProperty("tradetalk.log.default", defaultLogLevel(args)); // before the first logger
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (embedsAtOnce(args)) {
            // the model's load (ONNX Runtime's session, the tokenizer) runs while picocli builds its commands
            Tradetalk.prepareDefaultEmbedder();
        }
        int code = Cli.run(args, System.out, System.err);
        BgeSmallEmbedder.settle(); // a model load in flight ends before the JVM's shutdown hooks run
        System.exit(code);
    }

    /** Whether the command's first answer waits for the embedding model ({@code ask}). */
    static boolean embedsAtOnce(String[] args) {
        return args.length > 0 && args[0].equals("ask");
    }

    /**
     * Services ({@code discord}, {@code watch}) log what they do at INFO; one-shot commands, {@code watch --once}
     * included, only warnings: their output says what happened.
     */
    static String defaultLogLevel(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        boolean once = java.util.Arrays.asList(args).contains("--once");
        return command.equals("discord") || (command.equals("watch") && !once) ? "INFO" : "WARN";
    }
}
