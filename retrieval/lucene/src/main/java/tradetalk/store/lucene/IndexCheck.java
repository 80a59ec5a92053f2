package tradetalk.store.lucene;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import tradetalk.retrieval.store.IndexException;

/**
 * Checks an index on disk with Lucene's CheckIndex (every file's checksum verified, every segment opened and
 * tested) and says what it found in the product's words. Changes nothing; holds the index's write lock while it
 * runs, so a concurrent ingest cannot be mistaken for damage.
 */
public final class IndexCheck {

    /** The verdict. */
    public enum Status {
        /** Every segment readable, every checksum right. */
        SOUND,
        /** No index there yet: nothing to check. */
        EMPTY,
        /** Something is wrong: see the problems. */
        DAMAGED,
        /** The directory is not an index (a file, or other people's files). */
        NOT_AN_INDEX,
        /** Another process is writing to it: check again later. */
        LOCKED
    }

    /**
     * What the check found.
     *
     * @param directory the index directory
     * @param status    the verdict
     * @param segments  segments in the last commit (0 when none could be read)
     * @param documents Lucene documents in them (articles and their passages)
     * @param problems  what is wrong, one entry per finding (empty when sound)
     * @param advice    what to do, in one sentence
     */
    public record Report(
            Path directory, Status status, int segments, long documents, List<String> problems, String advice) {

        /** True when nothing needs doing (sound, or no index yet). */
        public boolean ok() {
            return status == Status.SOUND || status == Status.EMPTY;
        }
    }

    private IndexCheck() {}

    /** Checks the index in {@code dir}. */
    public static Report check(Path dir) {
        try {
            if (IndexDirectory.inspect(dir) != IndexDirectory.Kind.INDEX) {
                return new Report(
                        dir,
                        Status.EMPTY,
                        0,
                        0,
                        List.of(),
                        "There is no index here yet; `tradetalk ingest` creates one.");
            }
        } catch (DamagedIndexException e) {
            return damaged(dir, List.of(e.problem()), 0, 0);
        } catch (IndexException e) {
            return new Report(
                    dir,
                    Status.NOT_AN_INDEX,
                    0,
                    0,
                    List.of(e.getMessage()),
                    "Point --index (or index.dir) at an index, or at a new or empty directory.");
        }
        try (Directory d = FSDirectory.open(dir);
                CheckIndex ci = new CheckIndex(d)) {
            ci.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
            ci.setInfoStream(new PrintStream(OutputStream.nullOutputStream()), false);
            CheckIndex.Status st = ci.checkIndex();
            long docs = st.segmentInfos.stream().mapToLong(s -> s.maxDoc).sum();
            if (st.clean) {
                return new Report(dir, Status.SOUND, st.numSegments, docs, List.of(), "Nothing to do.");
            }
            List<String> problems = new ArrayList<>();
            if (st.missingSegments) {
                problems.add("its commit point (" + (st.segmentsFileName == null ? "segments_N" : st.segmentsFileName)
                        + ") cannot be read");
            }
            if (st.toolOutOfDate) {
                problems.add("it was written by a newer version of Lucene than this Tradetalk reads");
            }
            for (CheckIndex.Status.SegmentInfoStatus s : st.segmentInfos) {
                if (s.error != null) {
                    problems.add("segment " + s.name + " (" + s.maxDoc + " documents) is unreadable: "
                            + describe(dir, s.error));
                }
            }
            if (problems.isEmpty()) {
                problems.add("Lucene's check did not pass (" + st.numBadSegments + " bad segments)");
            }
            return damaged(dir, problems, st.numSegments, docs);
        } catch (LockObtainFailedException e) {
            return new Report(
                    dir,
                    Status.LOCKED,
                    0,
                    0,
                    List.of("another Tradetalk process is writing to it"),
                    "Check again when the ingest (or the bot's feed refresh) has finished.");
        } catch (IOException e) {
            return damaged(dir, List.of(describe(dir, e)), 0, 0);
        }
    }

    private static Report damaged(Path dir, List<String> problems, int segments, long docs) {
        return new Report(
                dir,
                Status.DAMAGED,
                segments,
                docs,
                problems,
                "Nothing was changed. Restore " + dir
                        + " from a backup, or move it aside and ingest your articles again (`tradetalk ingest`; the bot "
                        + "and `tradetalk watch` fetch configured feeds again).");
    }

    /** The problem a Lucene error names, without Lucene's advice to run its own tool. */
    private static String describe(Path dir, Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof IOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            IndexException e = IndexDirectory.translate(dir, "reading", io);
            return e instanceof DamagedIndexException d
                    ? d.problem()
                    : IndexDirectory.withoutLuceneAdvice(io.getMessage());
        }
        return IndexDirectory.withoutLuceneAdvice(String.valueOf(t.getMessage()));
    }
}
