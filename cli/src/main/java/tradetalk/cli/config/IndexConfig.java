package tradetalk.cli.config;

import java.nio.file.Path;
import tradetalk.retrieval.Durations;

/**
 * The {@code index} section.
 *
 * @param dir            where the Lucene index lives
 * @param articles       articles ingested automatically when the index is empty
 * @param passageWords   passage size in words
 * @param passageOverlap sentences shared by neighbouring passages
 * @param maxAge         articles published longer ago than this are removed by the feed refresher; empty keeps
 *                       them forever
 * @param maxArticleBytes the longest article text (UTF-8 bytes) ingested; a longer one is rejected with a reason
 * @param ingestBatch    passages embedded together during ingest, across articles and files (more uses more
 *                       memory; small articles need a batch of many to keep every core busy)
 * @param sentenceVectors whether ingest also embeds each passage's sentences and keeps their vectors with it, so
 *                       answers need not embed them (about twice the embedding work at ingest, ~1.5 KB a sentence)
 * @param backend        where articles are stored: {@code lucene} (the embedded index in {@code dir}) or
 *                       {@code opensearch} (the cluster of the {@code opensearch} section)
 */
public record IndexConfig(
        String dir,
        String articles,
        int passageWords,
        int passageOverlap,
        String maxAge,
        long maxArticleBytes,
        int ingestBatch,
        boolean sentenceVectors,
        String backend) {

    /** Where articles are stored. */
    public enum Backend {
        LUCENE,
        OPENSEARCH
    }

    public IndexConfig {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("index.dir must not be empty");
        }
        articles = articles == null ? "" : articles;
        if (passageWords < 10 || passageWords > 2000) {
            throw new IllegalArgumentException("index.passage-words must be 10 to 2000, got " + passageWords);
        }
        if (passageOverlap < 0 || passageOverlap > 3) {
            throw new IllegalArgumentException("index.passage-overlap must be 0 to 3, got " + passageOverlap);
        }
        if (maxArticleBytes < 1000 || maxArticleBytes > 1_000_000_000L) {
            throw new IllegalArgumentException(
                    "index.max-article-bytes must be 1000 to 1000000000, got " + maxArticleBytes);
        }
        if (ingestBatch < 1 || ingestBatch > 4096) {
            throw new IllegalArgumentException("index.ingest-batch must be 1 to 4096, got " + ingestBatch);
        }
        backend = backend == null ? "lucene" : backend.strip().toLowerCase(java.util.Locale.ROOT);
        if (!backend.equals("lucene") && !backend.equals("opensearch")) {
            throw new IllegalArgumentException("index.backend must be lucene or opensearch, got '" + backend + "'");
        }
        maxAge = maxAge == null ? "" : maxAge.strip();
        if (!maxAge.isEmpty()) {
            java.time.Duration d;
            try {
                d = Durations.parse(maxAge);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "index.max-age must be empty or a duration such as 365d, got '" + maxAge + "'");
            }
            if (d.toDays() < 1) {
                throw new IllegalArgumentException("index.max-age must be at least 1d, got '" + maxAge + "'");
            }
        }
    }

    /** The maximum article age, or null to keep articles forever. */
    public java.time.Duration maxAgeDuration() {
        return maxAge.isEmpty() ? null : Durations.parse(maxAge);
    }

    /** The backend as an enum. */
    public Backend backendKind() {
        return Backend.valueOf(backend.toUpperCase(java.util.Locale.ROOT));
    }

    public Path dirPath() {
        return Path.of(dir);
    }

    /** The articles directory, or null when none is configured. */
    public Path articlesPath() {
        return articles.isBlank() ? null : Path.of(articles);
    }

    IndexConfig resolve(Path home) {
        return new IndexConfig(
                home.resolve(dir).normalize().toString(),
                articles.isBlank() ? "" : home.resolve(articles).normalize().toString(),
                passageWords,
                passageOverlap,
                maxAge,
                maxArticleBytes,
                ingestBatch,
                sentenceVectors,
                backend);
    }
}
