package tradetalk.bot;

import org.slf4j.bridge.SLF4JBridgeHandler;
import tradetalk.bot.cli.Cli;
import tradetalk.retrieval.embed.Offline;

/** Entry point of the {@code tradetalk} command. */
public final class Main {

    private Main() {
        throw new UnsupportedOperationException("entry point");
    }

    public static void main(String[] args) {
        Offline.enforce(); // first: DJL must never call the cloud metadata address
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = Cli.run(args, System.out, System.err);
        System.exit(code);
    }
}
