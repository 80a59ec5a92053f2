package tradetalk.retrieval.store;

import java.util.List;
import tradetalk.retrieval.Rejected;

/**
 * The outcome of an ingest.
 *
 * @param added     new articles indexed
 * @param replaced  articles whose content changed and were re-indexed
 * @param unchanged articles already indexed with the same content (nothing was done)
 * @param passages  passages written
 * @param rejected  inputs offered as articles that could not be ingested, with their reasons (exit code 3)
 * @param millis    wall time
 * @param skipped   files found in directories that are not articles (other types, broken links, link loops): not an
 *                  error, but reported
 */
public record IngestReport(
        int added,
        int replaced,
        int unchanged,
        int passages,
        List<Rejected> rejected,
        double millis,
        List<Rejected> skipped) {

    public IngestReport {
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    /** A report with nothing skipped. */
    public IngestReport(int added, int replaced, int unchanged, int passages, List<Rejected> rejected, double millis) {
        this(added, replaced, unchanged, passages, rejected, millis, List.of());
    }

    /** The same report with {@code more} files listed as skipped. */
    public IngestReport withSkipped(List<Rejected> more) {
        List<Rejected> all = new java.util.ArrayList<>(skipped);
        all.addAll(more);
        return new IngestReport(added, replaced, unchanged, passages, rejected, millis, all);
    }

    /** Nothing done. */
    public static IngestReport empty() {
        return new IngestReport(0, 0, 0, 0, List.of(), 0);
    }

    /** This report and {@code other} together: counts and times added, lists joined (for work done in parts). */
    public IngestReport plus(IngestReport other) {
        List<Rejected> allRejected = new java.util.ArrayList<>(rejected);
        allRejected.addAll(other.rejected());
        List<Rejected> allSkipped = new java.util.ArrayList<>(skipped);
        allSkipped.addAll(other.skipped());
        return new IngestReport(
                added + other.added(),
                replaced + other.replaced(),
                unchanged + other.unchanged(),
                passages + other.passages(),
                allRejected,
                millis + other.millis(),
                allSkipped);
    }

    /** True when nothing was rejected (skipped inputs are not articles and do not count). */
    public boolean clean() {
        return rejected.isEmpty();
    }
}
