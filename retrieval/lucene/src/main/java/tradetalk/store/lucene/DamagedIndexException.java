package tradetalk.store.lucene;

import java.nio.file.Path;
import tradetalk.retrieval.store.IndexException;

/**
 * The index is there but cannot be read as it is (a lost commit point, a corrupt or missing file): the message says
 * what is wrong and what to do, and nothing was changed.
 */
public class DamagedIndexException extends IndexException {

    private final String problem;

    DamagedIndexException(Path dir, String problem, Throwable cause) {
        super("index " + dir + " is damaged: " + problem + ". Nothing was changed. " + advice(dir), cause);
        this.problem = problem;
    }

    /** What is wrong, in a few words. */
    public String problem() {
        return problem;
    }

    /** What to do about a damaged index. */
    public static String advice(Path dir) {
        return "Run `tradetalk check --index " + dir + "` for details, then restore the directory from a backup, "
                + "or move it aside and ingest your articles again";
    }
}
