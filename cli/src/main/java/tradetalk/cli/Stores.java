package tradetalk.cli;

import java.nio.file.Path;
import tradetalk.cli.config.IndexConfig;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.store.lucene.ArticleIndex;
import tradetalk.store.opensearch.OpenSearchArticleStore;

/** The one place that turns {@code index.backend} into a store: which store opens, its name, its scratch copy. */
public final class Stores {

    private Stores() {}

    /** Opens the configured store: the embedded Lucene index or the OpenSearch cluster; the caller closes it. */
    static ArticleStore open(TradetalkConfig config, Embedder embedder, Chunker chunker) {
        return switch (config.index().backendKind()) {
            case LUCENE ->
                ArticleIndex.open(
                        config.index().dirPath(),
                        embedder,
                        chunker,
                        config.search().settings(),
                        config.index().ingestBatch(),
                        config.index().sentenceVectors());
            case OPENSEARCH ->
                OpenSearchArticleStore.open(
                        config.opensearch().settings(),
                        embedder,
                        chunker,
                        config.search().settings(),
                        config.index().ingestBatch());
        };
    }

    /** The store's name for messages: the Lucene directory, or the OpenSearch index and its cluster. */
    static String name(TradetalkConfig config) {
        return switch (config.index().backendKind()) {
            case LUCENE -> config.index().dir();
            case OPENSEARCH ->
                "OpenSearch index " + config.opensearch().settings().articlesIndex() + " at "
                        + String.join(",", config.opensearch().urls());
        };
    }

    /**
     * The configuration of a scratch store for eval or bench: the Lucene index in {@code dir}, or for the OpenSearch
     * backend an index of its own ({@code <opensearch.index>-<purpose>-<time>}), never the configured one; delete it
     * with {@link Tradetalk#deleteScratchIndex()}.
     */
    public static TradetalkConfig scratch(TradetalkConfig config, Path dir, String purpose) {
        TradetalkConfig c = config.withIndexDir(dir);
        if (c.index().backendKind() == IndexConfig.Backend.OPENSEARCH) {
            c = c.withBackend(
                    IndexConfig.Backend.OPENSEARCH,
                    c.opensearch().index() + "-" + purpose + "-" + System.currentTimeMillis());
        }
        return c;
    }
}
