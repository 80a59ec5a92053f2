package tradetalk.answer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.lucene.ArticleIndex;

/** A real index of the three seed articles in {@code data/articles/}, for tests (real bge-small embeddings). */
public final class SeedIndex {

    private SeedIndex() {}

    /** The repository's seed articles directory. */
    public static Path seedDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("data/articles");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "data/articles not found above " + Path.of("").toAbsolutePath());
    }

    /** Opens an index in {@code dir} and ingests the seed articles (passages of 120 words, as configured). */
    public static ArticleIndex build(Path dir, Embedder embedder) {
        ArticleIndex index = ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults());
        ReadResult read = new ArticleReader().read(List.of(seedDir()));
        if (!read.rejected().isEmpty() || read.articles().size() != 3) {
            throw new IllegalStateException("seed articles did not read cleanly: " + read.rejected());
        }
        index.ingest(read.articles());
        return index;
    }

    /** A fresh embedder. */
    public static Embedder embedder() {
        return new BgeSmallEmbedder();
    }
}
