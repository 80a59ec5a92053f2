package tradetalk.bot.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an operator's listener so that its failure is logged and never reaches the member's answer. */
final class Safely {

    private static final Logger log = LoggerFactory.getLogger(Safely.class);

    private Safely() {
        throw new UnsupportedOperationException("utility class");
    }

    static void run(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("Recording a {} event failed: {}", what, e.toString());
        }
    }
}
