package tradetalk.measure.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import tradetalk.measure.metrics.ProcessMeter;
import tradetalk.retrieval.embed.BgeSmallEmbedder;

/**
 * The embedding floor of ingest: how fast LangChain4j's own {@code embedAll} embeds given texts with the shipped
 * model, in batches, with nothing else around it (no chunking, no normalising, no index). Ingest at the model's own
 * speed means ingest throughput close to this rate over the same texts.
 */
public final class ModelRate {

    /** The batch size of the yardstick (issue 15): LangChain4j's embedAll over 64 texts at a time. */
    public static final int BATCH = 64;

    private ModelRate() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * One timing.
     *
     * @param textsPerSecond texts embedded per second (wall time)
     * @param use            what the process spent on them (the warm-up not included)
     */
    public record Run(double textsPerSecond, ProcessMeter.Reading use) {}

    /**
     * Embeds {@code texts} with bge-small-en-v1.5-q in batches of {@code batch} and times it. First, untimed, one
     * batch of the same texts: the model's threads, the JIT and ONNX Runtime's buffers are then as warm as they are
     * for an ingest, which runs after the first timing.
     */
    public static Run measure(List<String> texts, int batch) {
        if (texts.isEmpty() || batch < 1) {
            throw new IllegalArgumentException("need texts and a batch of at least 1");
        }
        EmbeddingModel model = BgeSmallEmbedder.sharedModel();
        model.embedAll(texts.subList(0, Math.min(texts.size(), batch)).stream()
                .map(TextSegment::from)
                .toList());
        ProcessMeter.Reading r0 = ProcessMeter.read(true);
        long t0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += batch) {
            model.embedAll(texts.subList(i, Math.min(texts.size(), i + batch)).stream()
                    .map(TextSegment::from)
                    .toList());
        }
        long t1 = System.nanoTime();
        ProcessMeter.Reading use = ProcessMeter.read(true).since(r0);
        return new Run(texts.size() / ((t1 - t0) / 1e9), use);
    }
}
