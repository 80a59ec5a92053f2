package tradetalk.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import tradetalk.ingest.feed.IngestProgress;

/**
 * Progress of a long step (an ingest, a bench's measurements) on standard error: a progress bar with counts, rate
 * and ETA (me.tongfei:progressbar, which redraws one line with JLine's terminal width) when a person watches a
 * terminal, else a plain line every few seconds and at the end of each phase, with the rate and an estimate of the
 * time left, which log files and CI output keep readable.
 */
public final class TerminalProgress implements IngestProgress {

    private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintStream err;
    private final boolean bar;
    private final Clock clock;
    private ProgressBar progressBar;
    private String phase = "";
    private int total;
    private int done;
    private Instant started;
    private Instant lastLine;

    private TerminalProgress(PrintStream err, boolean bar, Clock clock) {
        this.err = err;
        this.bar = bar;
        this.clock = clock;
    }

    /** A bar when there is a console and output is not JSON, plain lines otherwise. */
    public static TerminalProgress forConsole(PrintStream err, boolean json) {
        return new TerminalProgress(err, System.console() != null && !json, Clock.systemUTC());
    }

    /** Plain periodic lines (also what tests use). */
    static TerminalProgress plain(PrintStream err, Clock clock) {
        return new TerminalProgress(err, false, clock);
    }

    @Override
    public void begin(String phase, int total) {
        this.phase = phase;
        this.total = total;
        this.done = 0;
        this.started = clock.instant();
        this.lastLine = started;
        if (total == 0) {
            return;
        }
        if (bar) {
            progressBar = new ProgressBarBuilder()
                    .setTaskName(phase)
                    .setInitialMax(total)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250)
                    .build();
        }
    }

    @Override
    public void step() {
        done++;
        if (progressBar != null) {
            progressBar.step();
        } else if (Duration.between(lastLine, clock.instant()).compareTo(PLAIN_EVERY) >= 0) {
            line();
        }
    }

    @Override
    public void end() {
        if (progressBar != null) {
            progressBar.close();
            progressBar = null;
        } else if (total > 0) {
            line();
        }
    }

    /** A long article's passages: the bar's message, or a plain line every few seconds and at its end. */
    @Override
    public void detail(String article, int passagesDone, int passagesTotal) {
        String what = article + ": " + passagesDone + "/" + passagesTotal + " passages embedded";
        if (progressBar != null) {
            progressBar.setExtraMessage(what);
        } else if (passagesDone == passagesTotal
                || Duration.between(lastLine, clock.instant()).compareTo(PLAIN_EVERY) >= 0) {
            lastLine = clock.instant();
            err.printf("tradetalk: %s: %s%n", phase, what);
        }
    }

    private void line() {
        lastLine = clock.instant();
        double seconds = Math.max(0.001, Duration.between(started, lastLine).toMillis() / 1000.0);
        // an estimate once it rests on something: 2% of the steps or 30 s (the first steps include warming up)
        boolean estimable = done < total && done > 0 && (done * 50L >= total || seconds >= 30);
        String left = estimable ? ", about " + duration((total - done) * seconds / done) + " left" : "";
        err.printf(
                java.util.Locale.ROOT, "tradetalk: %s: %d/%d (%.1f/s%s)%n", phase, done, total, done / seconds, left);
    }

    /** "45 s", "3 min 20 s", "1 h 05 min": an estimate, to the second below a minute. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
