package tradetalk.store.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.StringHelper;

/**
 * Verifies the checksums of the segments a write builds on before anything is written: a writer only reads a
 * segment's data when it merges it, so without this an ingest onto a segment damaged on disk would commit on top of
 * it. Every file of every segment of the last commit is read whole once per opener ({@link
 * CodecUtil#checksumEntireFile}); a file already verified by this opener is not read again, so a long-running bot or
 * {@code watch} reads only the segments written since. A one-shot {@code ingest} reads the whole index once.
 */
final class SegmentChecksums {

    /** Files verified by this opener: segment name, segment id and file name (a rebuilt index reuses names). */
    private final Set<String> verified = Collections.synchronizedSet(new HashSet<>());

    private final List<String> read = Collections.synchronizedList(new ArrayList<>());

    /**
     * Opens a writer on {@code directory} (taking the index's write lock), then verifies the segments of the last
     * commit, the one the writer builds on.
     *
     * @throws org.apache.lucene.index.CorruptIndexException naming the file, with nothing written (the writer is
     *                                                       rolled back)
     */
    IndexWriter writer(Directory directory, IndexWriterConfig config) throws IOException {
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            verify(directory);
            return writer;
        } catch (IOException | RuntimeException | Error e) {
            try {
                writer.rollback(); // closes without committing: nothing is written
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Verifies every file of the last commit's segments not verified before by this opener. */
    void verify(Directory directory) throws IOException {
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        for (SegmentCommitInfo segment : commit) {
            String prefix = segment.info.name + "/" + StringHelper.idToString(segment.info.getId()) + "/";
            for (String file : segment.files()) {
                if (verified.contains(prefix + file)) {
                    continue;
                }
                try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                }
                read.add(file);
                verified.add(prefix + file);
            }
        }
    }

    /** The files read so far, in order (for tests: a file verified once is not read again). */
    List<String> filesRead() {
        synchronized (read) {
            return List.copyOf(read);
        }
    }
}
