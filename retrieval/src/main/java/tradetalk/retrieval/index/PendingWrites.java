package tradetalk.retrieval.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.eval.ProcessMeter;
import tradetalk.retrieval.store.ArticleStore;

/**
 * The articles of an ingest waiting to be embedded and written: their passages are embedded together, in one call
 * across articles (and so across files and feed items), once they reach the batch size, before a commit, or at the
 * end. Small articles (a news snippet is one passage) thus reach the model in large batches, which it runs on every
 * core, instead of one text at a time; memory stays bounded by the batch. Progress is told for an article once it
 * is written, in order. Not thread-safe (used under the index's write lock).
 */
final class PendingWrites {

    private static final Logger log = LoggerFactory.getLogger(PendingWrites.class);

    /** Builds the Lucene documents of an article from its passages and their vectors. */
    @FunctionalInterface
    interface Documents {
        List<Document> of(Article a, List<Passage> passages, List<String> alsoIn, List<float[]> vectors);
    }

    private record Item(Article article, List<Passage> passages, List<String> alsoIn) {}

    private final IndexWriter writer;
    private final Embedder embedder;
    private final Documents documents;
    private final int batch;
    private final Consumer<Integer> progress;
    private final ArticleStore.PassageProgress passageProgress;
    private final List<Item> items = new ArrayList<>();
    private int passages;
    private int processed;
    private int reported;

    /**
     * @param batch    embed once this many passages wait (at least 1)
     * @param progress told the number of articles processed so far, once each is written (or skipped)
     * @param passageProgress told, after each batch of its passages, how far the embedding of an article of more
     *                 passages than a batch got
     */
    PendingWrites(
            IndexWriter writer,
            Embedder embedder,
            Documents documents,
            int batch,
            Consumer<Integer> progress,
            ArticleStore.PassageProgress passageProgress) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        this.writer = writer;
        this.embedder = embedder;
        this.documents = documents;
        this.batch = batch;
        this.progress = progress;
        this.passageProgress = passageProgress;
    }

    /** Queues an article to embed and write; writes the queue when it holds a batch of passages. */
    void add(Article a, List<Passage> ps, List<String> alsoIn) throws IOException {
        if (ps.size() > batch) {
            // a long article: write what waits, then embed this one alone, in parts, saying how far it got
            flush();
            List<String> texts = ps.stream().map(ArticleIndex::embeddingText).toList();
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i += batch) {
                vectors.addAll(embedder.embedPassages(texts.subList(i, Math.min(texts.size(), i + batch))));
                passageProgress.embedded(a.meta().location(), vectors.size(), texts.size());
            }
            writer.updateDocuments(new Term(ArticleIndex.ARTICLE_ID, a.id()), documents.of(a, ps, alsoIn, vectors));
            processed++;
            tell();
            return;
        }
        items.add(new Item(a, ps, alsoIn));
        passages += ps.size();
        processed++;
        if (passages >= batch) {
            flush();
        }
    }

    /** Counts an article that needs no writing (unchanged, or rejected). */
    void skip() {
        processed++;
        if (items.isEmpty()) {
            tell();
        }
    }

    /** Embeds and writes what waits, then tells progress. */
    void flush() throws IOException {
        if (!items.isEmpty()) {
            List<String> texts = new ArrayList<>(passages);
            for (Item it : items) {
                it.passages().forEach(p -> texts.add(ArticleIndex.embeddingText(p)));
            }
            boolean debug = log.isDebugEnabled();
            ProcessMeter.Reading r0 = debug ? ProcessMeter.read(true) : null;
            long t0 = System.nanoTime();
            List<float[]> vectors = embedder.embedPassages(texts);
            long t1 = System.nanoTime();
            ProcessMeter.Reading r1 = debug ? ProcessMeter.read(true) : null;
            int at = 0;
            for (Item it : items) {
                int n = it.passages().size();
                writer.updateDocuments(
                        new Term(ArticleIndex.ARTICLE_ID, it.article().id()),
                        documents.of(it.article(), it.passages(), it.alsoIn(), vectors.subList(at, at + n)));
                at += n;
            }
            if (debug) {
                log.debug(
                        "Embedded {} passages of {} articles in {} ms, wrote them in {} ms; embedding {}; writing {}",
                        texts.size(),
                        items.size(),
                        (t1 - t0) / 1_000_000,
                        (System.nanoTime() - t1) / 1_000_000,
                        r1.since(r0),
                        ProcessMeter.read(true).since(r1));
            }
            items.clear();
            passages = 0;
        }
        tell();
    }

    private void tell() {
        while (reported < processed) {
            progress.accept(++reported);
        }
    }
}
