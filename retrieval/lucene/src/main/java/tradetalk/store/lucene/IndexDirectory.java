package tradetalk.store.lucene;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.LockObtainFailedException;
import tradetalk.retrieval.store.IndexException;
import tradetalk.retrieval.store.StoreFields;

/**
 * What a would-be index directory holds, found by listing it (nothing is opened, created or changed), and the
 * product's words for what Lucene reports about it.
 */
final class IndexDirectory {

    /** What is there. */
    enum Kind {
        /** Nothing yet: a writer may create the index. */
        MISSING,
        /** A directory with nothing of anyone else's in it: a writer may create the index. */
        EMPTY,
        /** A Lucene index (it has a commit point). */
        INDEX
    }

    /** Every Lucene segment has a segment-info file; compound segments also a .cfs/.cfe pair. */
    private static final Pattern SEGMENT_FILE = Pattern.compile("_[a-z0-9]+(_[a-z0-9]+)*\\.(si|cfs|cfe)");

    private IndexDirectory() {}

    /**
     * Looks at {@code dir} without touching it.
     *
     * @throws IndexException when it is a file, a directory of other files, or an index without its commit point
     */
    static Kind inspect(Path dir) {
        if (dir.toString().isEmpty()) {
            throw new IndexException("the index directory is an empty path; give a directory");
        }
        if (!Files.exists(dir)) {
            return Kind.MISSING;
        }
        if (!Files.isDirectory(dir)) {
            throw new IndexException("index " + dir + " is a file, not a directory; give a new or empty directory, "
                    + "or an existing index");
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IndexException("cannot read index directory " + dir + ": " + e.getMessage(), e);
        }
        if (names.stream().anyMatch(n -> n.startsWith("segments_"))) {
            return Kind.INDEX;
        }
        List<String> others = names.stream().filter(n -> !ours(n)).toList();
        if (others.isEmpty()) {
            return Kind.EMPTY;
        }
        if (others.stream().anyMatch(n -> SEGMENT_FILE.matcher(n).matches())) {
            throw new DamagedIndexException(
                    dir,
                    "its commit point (the segments_N file) is missing, so none of its " + "segment files can be read",
                    null);
        }
        throw new IndexException(dir + " is not a Tradetalk index and not empty (it holds "
                + String.join(", ", others.subList(0, Math.min(3, others.size())))
                + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "")
                + "); nothing was changed. Give a new or empty directory, or an existing index");
    }

    /** Files an index directory may hold before its first commit: the lock, a half-written commit, feed state. */
    private static boolean ours(String name) {
        return name.equals("write.lock")
                || name.startsWith("pending_segments_")
                || name.equals(StoreFields.FEED_STATE_FILE);
    }

    /** What Lucene's exception means for the user, in the product's words (never "please run checkindex"). */
    static IndexException translate(Path dir, String doing, IOException e) {
        if (e instanceof LockObtainFailedException) {
            return new IndexException("index " + dir + " is locked by another Tradetalk process", e);
        }
        if (e instanceof CorruptIndexException c) {
            return new DamagedIndexException(
                    dir,
                    "file " + fileName(c.getResourceDescription()) + " is corrupt ("
                            + withoutLuceneAdvice(c.getOriginalMessage()) + ")",
                    e);
        }
        if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return new DamagedIndexException(
                    dir, "it was written in a format this version cannot read (" + e.getMessage() + ")", e);
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new DamagedIndexException(dir, "file " + fileName(e.getMessage()) + " is missing", e);
        }
        if (e instanceof EOFException) {
            return new DamagedIndexException(dir, "a file is cut short (" + e.getMessage() + ")", e);
        }
        return new IndexException(doing + " " + dir + " failed: " + e.getMessage(), e);
    }

    private static final Pattern LUCENE_ADVICE =
            Pattern.compile("[;:,.]?\\s*please run checkindex[^;)]*", Pattern.CASE_INSENSITIVE);

    /** Lucene's message without its advice to run its own tool (the product's advice is `tradetalk check`). */
    static String withoutLuceneAdvice(String message) {
        return message == null
                ? ""
                : LUCENE_ADVICE.matcher(message).replaceAll("").strip();
    }

    /** The file a Lucene resource description names, e.g. {@code _0.cfs} from {@code MMapIndexInput(path="...")}. */
    private static String fileName(String resource) {
        if (resource == null) {
            return "(unknown)";
        }
        var m = Pattern.compile("(?:segments_[a-z0-9]+|_[a-z0-9_]+\\.[a-z0-9]+)")
                .matcher(resource);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last != null ? last : resource;
    }
}
