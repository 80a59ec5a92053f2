package tradetalk.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C) so that a long-running command can stop gracefully <em>before</em> the JVM
 * starts shutting down. Shutdown hooks are too late: libraries register their own (ONNX Runtime closes its native
 * environment in one), and they run concurrently with ours, so work still in flight (embedding a question, sending
 * an answer) would be cut off or crash. Once the command has stopped, it returns and the process exits normally.
 */
final class StopSignal {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

    private final CountDownLatch received = new CountDownLatch(1);

    private StopSignal() {}

    /** Starts listening for SIGTERM and SIGINT. */
    static StopSignal install() {
        StopSignal s = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> {
                    log.info("Received SIG{}; stopping", sig.getName());
                    s.received.countDown();
                });
            } catch (IllegalArgumentException e) {
                log.warn("Cannot handle SIG{} here ({}); stop with a shutdown instead", name, e.getMessage());
            }
        }
        return s;
    }

    /** Blocks until a stop signal arrives. */
    void await() throws InterruptedException {
        received.await();
    }
}
