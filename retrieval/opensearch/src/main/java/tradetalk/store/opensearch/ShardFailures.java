package tradetalk.store.opensearch;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.ShardSearchFailure;
import org.opensearch.client.opensearch._types.ShardStatistics;

/**
 * What OpenSearch says of the shards behind a search response: a shard that failed (its node gone, its copy not
 * allocated, a query error on it) leaves the response answered by the others, with fewer hits and counts than the
 * index holds. One line for all the parts of one {@code _msearch}, for the store's WARN.
 */
final class ShardFailures {

    /** Reasons named in the line, at most. */
    private static final int REASONS = 3;

    private ShardFailures() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The failures of these parts of a response (part name to its {@code _shards}), as one line; empty when every
     * shard of every part answered.
     */
    static Optional<String> of(Map<String, ShardStatistics> parts) {
        StringBuilder counts = new StringBuilder();
        Set<String> reasons = new LinkedHashSet<>();
        for (Map.Entry<String, ShardStatistics> e : parts.entrySet()) {
            ShardStatistics s = e.getValue();
            if (s == null || s.failed() <= 0) {
                continue;
            }
            counts.append(counts.isEmpty() ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(s.failed())
                    .append(" of ")
                    .append(s.total());
            for (ShardSearchFailure f : s.failures()) {
                reasons.add(reason(f));
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        String why = reasons.isEmpty()
                ? "no reason given"
                : String.join("; ", reasons.stream().limit(REASONS).toList())
                        + (reasons.size() > REASONS ? "; ..." : "");
        return Optional.of("answered with shards failed (" + counts + "): results may be incomplete; " + why);
    }

    private static String reason(ShardSearchFailure f) {
        ErrorCause c = f.reason();
        String what = c == null ? "unknown" : c.type() + ": " + c.reason();
        return "shard " + f.shard() + (f.index() == null ? "" : " of " + f.index())
                + (f.node() == null ? "" : " on node " + f.node()) + ": " + what;
    }
}
