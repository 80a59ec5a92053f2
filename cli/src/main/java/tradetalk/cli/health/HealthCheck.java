package tradetalk.cli.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Decides whether Tradetalk is healthy ({@code tradetalk health}): the index has articles (unless
 * {@code health.allow-empty-index}), and every process reporting in the status directory reports recently, with its
 * gateway connected and not every feed failing. Reads only; the caller counts the articles.
 */
public final class HealthCheck {

    /** A status file older than this belongs to a process that died or hangs ({@link StatusReporter#EVERY} x 6). */
    public static final Duration STALE_AFTER = StatusReporter.EVERY.multipliedBy(6);

    private final ObjectMapper mapper = StatusFiles.mapper();

    /**
     * The index as the caller found it.
     *
     * @param name     the index's name for messages (its directory, or the OpenSearch index)
     * @param exists   false when there is no index at all (a Lucene directory that does not exist)
     * @param articles the articles in it
     */
    public record IndexState(String name, boolean exists, int articles) {}

    /**
     * The verdict.
     *
     * @param index     the index as found
     * @param problems  what makes it unhealthy, one sentence each; empty when healthy
     * @param notes     what is fine, for the report (e.g. "discord: gateway connected since ...")
     * @param processes the status of each reporting process
     */
    public record Report(IndexState index, List<String> problems, List<String> notes, List<ProcessStatus> processes) {
        public boolean healthy() {
            return problems.isEmpty();
        }
    }

    /** Checks the index and the status files in {@code statusDir} as of {@code now}. */
    public Report check(IndexState index, boolean allowEmptyIndex, Path statusDir, Instant now) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (index.articles() == 0) {
            String what = index.exists()
                    ? "the index " + index.name() + " has no articles"
                    : "there is no index at " + index.name();
            if (allowEmptyIndex) {
                notes.add(what + " (expected: health.allow-empty-index is true)");
            } else {
                problems.add(what + ": ingest articles (tradetalk ingest, feeds), or set health.allow-empty-index "
                        + "to true if an empty index is expected");
            }
        }
        List<ProcessStatus> processes = new ArrayList<>();
        for (Path file : statusFiles(statusDir)) {
            ProcessStatus s;
            try {
                s = mapper.readValue(file.toFile(), ProcessStatus.class);
            } catch (IOException e) {
                if (!(e instanceof NoSuchFileException) && Files.exists(file)) { // removed meanwhile: stopped
                    problems.add("cannot read the status file " + file + ": " + e.getMessage());
                }
                continue;
            }
            processes.add(s);
            check(s, file, now, problems, notes);
        }
        return new Report(index, List.copyOf(problems), List.copyOf(notes), List.copyOf(processes));
    }

    private static void check(ProcessStatus s, Path file, Instant now, List<String> problems, List<String> notes) {
        String p = s.process();
        if (s.updated() == null || Duration.between(s.updated(), now).compareTo(STALE_AFTER) > 0) {
            problems.add(p + ": no report since " + s.updated() + " (" + file + "): the process (pid " + s.pid()
                    + ") is not running or hangs; remove the file if it was stopped for good");
            return;
        }
        if ("discord".equals(p)) {
            if (s.gateway().isEmpty()) {
                problems.add("discord: not connected to the Discord gateway yet (starting since " + s.started() + ")");
            } else {
                List<String> down = s.gateway().entrySet().stream()
                        .filter(e -> !ProcessStatus.CONNECTED.equals(e.getValue()))
                        .map(e -> (s.gateway().size() > 1 ? "shard " + e.getKey() + " " : "") + e.getValue())
                        .toList();
                if (down.isEmpty()) {
                    notes.add("discord: gateway connected since " + s.gatewaySince());
                } else {
                    problems.add("discord: gateway " + String.join(", ", down) + " since " + s.gatewaySince());
                }
            }
        }
        if (!s.feeds().isEmpty()) {
            List<ProcessStatus.FeedStatus> refreshed =
                    s.feeds().stream().filter(f -> f.at() != null).toList();
            long failing = refreshed.stream().filter(f -> !f.ok()).count();
            Instant last = refreshed.stream()
                    .map(ProcessStatus.FeedStatus::at)
                    .max(Instant::compareTo)
                    .orElse(null);
            if (!refreshed.isEmpty() && failing == refreshed.size()) {
                ProcessStatus.FeedStatus f = refreshed.getFirst();
                problems.add(p + ": every feed failed its last refresh (" + f.feed() + ": " + f.error() + ")");
            } else {
                notes.add(p + ": " + s.feeds().size() + " feed(s), last refresh "
                        + (last == null ? "not yet" : last.toString())
                        + (failing > 0 ? ", " + failing + " failing" : ""));
            }
        }
    }

    private static List<Path> statusFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(StatusFiles.SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(); // unreadable directory: nothing reported
        }
    }

    /**
     * What health does not check, said in every report: it reads the last commit and counts articles, which finds a
     * damaged commit point but not a flipped byte inside a segment (verifying every checksum reads the whole index).
     */
    public static final String NOT_CHECKED = "segment checksums not verified (tradetalk check verifies them)";

    /** The report as JSON fields for {@code health --json}. */
    public static Map<String, Object> json(Report r) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("status", r.healthy() ? "ok" : "unhealthy");
        m.put("index", r.index().name());
        m.put("articles", r.index().articles());
        m.put("problems", r.problems());
        m.put("notes", r.notes());
        m.put("checksums_verified", false); // see NOT_CHECKED
        ObjectMapper mapper = StatusFiles.mapper();
        m.put(
                "processes",
                r.processes().stream()
                        .map(s -> mapper.convertValue(s, Map.class))
                        .toList());
        return m;
    }
}
