package tradetalk.bot;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.UserError;

/**
 * Runs the bot's work off JDA's event thread (one virtual thread per task), handles failures once (a short message
 * the member can act on, the details in the log under an id they can quote) and, at shutdown, lets running tasks
 * finish for a while and tells the members of those that do not.
 */
public final class Work implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Work.class);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("discord-work-", 0).factory());
    private final Map<Long, Consumer<String>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A task that reports to the member through {@code tell}. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /**
     * Runs a task.
     *
     * @param what what it does, for the log ("/ask", "mention", ...)
     * @param tell shows a short message to the member (used for failures and shutdown)
     */
    public void submit(String what, Consumer<String> tell, Task task) {
        long id = ids.incrementAndGet();
        inFlight.put(id, tell);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    tellFailure(what, tell, e);
                } finally {
                    inFlight.remove(id);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(id);
            tell.accept("The bot is shutting down; please try again in a minute.");
        }
    }

    /** Runs something small off the event thread without a member to tell (autocomplete, digests). */
    public void submit(String what, Runnable task) {
        submit(what, m -> {}, task::run);
    }

    private static void tellFailure(String what, Consumer<String> tell, Throwable e) {
        String message;
        ErrorResponseException discord = DiscordErrors.find(e);
        if (e instanceof UserError) {
            message = e.getMessage(); // the member's input was wrong; the message says what
            log.info("{}: refused input: {}", what, e.getMessage());
        } else if (discord != null) {
            // Discord refused a request (a channel or message gone, a permission missing): a known failure, one line
            log.warn("{}", DiscordErrors.describe(discord, "running " + what));
            message = "Discord refused part of this reply (" + discord.getMeaning()
                    + "). Please try again; if it keeps happening, tell the server admins.";
        } else {
            String errorId = newErrorId();
            log.error("{} failed [error {}]", what, errorId, e);
            message = "Sorry, something went wrong on my side (error id `" + errorId + "`). Please try again in a "
                    + "minute; if it keeps happening, give that id to the server admins.";
        }
        try {
            tell.accept(message);
        } catch (RuntimeException again) {
            log.warn("{}: could not tell the member about the failure: {}", what, again.toString());
        }
    }

    /** A short id to quote, e.g. {@code 7f3a9c01}. */
    static String newErrorId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** How many tasks are running. */
    public int running() {
        return inFlight.size();
    }

    /**
     * Stops taking tasks, waits up to {@code grace} for running ones, then tells the members of the rest that the
     * bot is stopping.
     */
    public void shutdown(Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} task(s) still running after {}; telling their members", inFlight.size(), grace);
                inFlight.values().forEach(tell -> {
                    try {
                        tell.accept("The bot is restarting and could not finish this; please ask again in a minute.");
                    } catch (RuntimeException e) {
                        log.debug("Could not send the shutdown notice", e);
                    }
                });
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(20));
    }
}
