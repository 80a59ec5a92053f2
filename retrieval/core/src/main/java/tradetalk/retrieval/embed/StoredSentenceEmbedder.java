package tradetalk.retrieval.embed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds sentences by taking the vectors stored with the indexed passages ({@link SentenceVectors}) and running the
 * model only on texts that have none. The vectors are the model's own, so the results are those of the model alone.
 */
public final class StoredSentenceEmbedder extends ForwardingEmbedder {

    private static final Logger log = LoggerFactory.getLogger(StoredSentenceEmbedder.class);
    private final SentenceVectors stored;

    /** Takes vectors from {@code stored}, the rest from {@code inner}, the model that made the stored ones. */
    public StoredSentenceEmbedder(Embedder inner, SentenceVectors stored) {
        super(inner);
        this.stored = stored;
    }

    @Override
    public float[] embedQuery(String query) {
        return inner.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<String, float[]> found = new HashMap<>(stored.find(texts));
        log.debug("{} of {} sentences have stored vectors", found.size(), texts.size());
        if (found.isEmpty()) {
            return inner.embedPassages(texts);
        }
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
        missing.removeIf(found::containsKey);
        if (!missing.isEmpty()) {
            List<float[]> computed = inner.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                found.put(missing.get(i), computed.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(found.get(t)));
        return out;
    }
}
