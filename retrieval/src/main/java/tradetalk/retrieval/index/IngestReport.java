package tradetalk.retrieval.index;

import java.util.List;
import tradetalk.retrieval.Rejected;

/**
 * The outcome of an ingest.
 *
 * @param added     new articles indexed
 * @param replaced  articles whose content changed and were re-indexed
 * @param unchanged articles already indexed with the same content (nothing was done)
 * @param passages  passages written
 * @param rejected  inputs skipped, with their reasons
 * @param millis    wall time
 */
public record IngestReport(int added, int replaced, int unchanged, int passages, List<Rejected> rejected,
                           double millis) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    /** True when nothing was skipped. */
    public boolean clean() {
        return rejected.isEmpty();
    }
}
