package tradetalk.retrieval.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of texts it has embedded, so that the sentences of passages that come back often (answers,
 * status reports, summaries) are embedded once. Queries are not cached. Thread-safe.
 */
public final class CachingEmbedder extends ForwardingEmbedder {

    private final Cache<String, float[]> vectors;

    /**
     * @param inner   the model
     * @param maxSize how many texts' vectors to keep (least recently used go first)
     */
    public CachingEmbedder(Embedder inner, long maxSize) {
        super(inner);
        this.vectors = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        Map<String, float[]> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (found.containsKey(t)) {
                continue;
            }
            float[] v = vectors.getIfPresent(t);
            if (v != null) {
                found.put(t, v);
            } else if (!missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = inner.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), computed.get(i));
                found.put(missing.get(i), computed.get(i));
            }
        }
        return texts.stream().map(found::get).toList();
    }
}
