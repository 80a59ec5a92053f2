package tradetalk.cli.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.ingest.feed.FeedRefresher;
import tradetalk.retrieval.AtomicFiles;

/**
 * Keeps a running process's status file ({@code <health.dir>/<process>.json}) current for {@code tradetalk health}:
 * written at once, then every {@link #EVERY} on a daemon thread (atomically: a reader never sees half a file), and
 * removed by {@link #close()}. A file that stops changing tells health the process died or hangs.
 */
public final class StatusReporter implements AutoCloseable {

    /** How often the file is rewritten. */
    public static final Duration EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    private final Path file;
    private final String process;
    private final Supplier<Map<Integer, String>> gateway;
    private final Supplier<List<ProcessStatus.FeedStatus>> feeds;
    private final Clock clock;
    private final Instant started;
    private final ObjectMapper mapper = StatusFiles.mapper();
    private final ScheduledExecutorService scheduler;
    private Map<Integer, String> lastGateway = Map.of();
    private Instant gatewaySince;
    private boolean warned;

    private StatusReporter(
            Path dir,
            String process,
            String fileName,
            Supplier<Map<Integer, String>> gateway,
            Supplier<List<ProcessStatus.FeedStatus>> feeds,
            Clock clock) {
        this.file = dir.resolve(fileName + StatusFiles.SUFFIX);
        this.process = process;
        this.gateway = gateway;
        this.feeds = feeds;
        this.clock = clock;
        this.started = clock.instant();
        this.gatewaySince = started;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status-reporter");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Writes the status file of {@code process} in {@code dir} now and every {@link #EVERY} until closed.
     *
     * @param fileName the file's name without {@code .json}: the process, and for one of several sharded bot
     *                 processes its shards (e.g. {@code discord-shards-0-3}), so that processes sharing the
     *                 directory each have their own
     * @param gateway the gateway state of each shard (empty while not connected, and for a process without one)
     * @param feeds   the last refresh of each feed the process refreshes (empty for none)
     */
    public static StatusReporter start(
            Path dir,
            String process,
            String fileName,
            Supplier<Map<Integer, String>> gateway,
            Supplier<List<ProcessStatus.FeedStatus>> feeds,
            Clock clock) {
        StatusReporter r = new StatusReporter(dir, process, fileName, gateway, feeds, clock);
        r.write();
        r.scheduler.scheduleWithFixedDelay(r::write, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return r;
    }

    /** The last refresh of each feed of {@code refresher} (null: none) as reported. */
    public static List<ProcessStatus.FeedStatus> feeds(FeedRefresher refresher) {
        if (refresher == null) {
            return List.of();
        }
        return refresher.lastRefreshes().stream()
                .map(l -> new ProcessStatus.FeedStatus(l.feed(), l.at(), l.ok(), l.error(), l.failuresInRow()))
                .toList();
    }

    /** Writes the file now (also called on the schedule); a failure is logged once, never thrown. */
    public synchronized void write() {
        Instant now = clock.instant();
        Map<Integer, String> states;
        List<ProcessStatus.FeedStatus> feedStates;
        try {
            states = gateway.get();
            feedStates = feeds.get();
        } catch (RuntimeException e) {
            log.debug("Could not read the state to report", e);
            return;
        }
        if (!Objects.equals(states, lastGateway)) {
            lastGateway = Map.copyOf(states);
            gatewaySince = now;
        }
        ProcessStatus status = new ProcessStatus(
                process, ProcessHandle.current().pid(), started, now, lastGateway, gatewaySince, feedStates);
        try {
            AtomicFiles.replace(file, out -> mapper.writeValue(out, status));
            warned = false;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                log.warn("Cannot write the status file {} for tradetalk health: {}", file, e.toString());
                warned = true;
            }
        }
    }

    /** The status file. */
    public Path file() {
        return file;
    }

    /** Stops reporting and removes the file: a stopped process is not a failing one. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        synchronized (this) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Cannot remove the status file {}: {}", file, e.toString());
            }
        }
    }
}
