package tradetalk.store.lucene;

import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.EMBEDDER_KEY;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.store.StoreWriter;

/**
 * The Lucene store's writer in an ingest: an article and its passages replace, atomically, the documents of its id;
 * a commit (only with changes) names the embedding model in its user data. Notes the sentences of what it writes when
 * the store keeps sentence vectors ({@link SentenceVectorFill}).
 */
final class LuceneWriter implements StoreWriter {

    /** Reads what the index holds of some articles, as of its last commit. */
    @FunctionalInterface
    interface Lookup {
        Map<String, Stored> stored(Collection<String> ids) throws IOException;
    }

    private final IndexWriter writer;
    private final String embedderName;
    private final Lookup lookup;
    private final boolean sentenceVectors;
    private final List<SentenceVectorFill.Work> sentences = new ArrayList<>();

    LuceneWriter(IndexWriter writer, String embedderName, Lookup lookup, boolean sentenceVectors) {
        this.writer = writer;
        this.embedderName = embedderName;
        this.lookup = lookup;
        this.sentenceVectors = sentenceVectors;
    }

    @Override
    public Map<String, Stored> stored(Collection<String> ids) throws IOException {
        return lookup.stored(ids);
    }

    @Override
    public void write(Article a, List<Passage> passages, List<float[]> vectors, List<String> alsoIn)
            throws IOException {
        writer.updateDocuments(new Term(ARTICLE_ID, a.id()), LuceneDocuments.of(a, passages, alsoIn, vectors));
        if (sentenceVectors) {
            sentences.add(
                    SentenceVectorFill.Work.of(a.id(), a.contentHash(), a.meta().publishedAt(), passages));
        }
    }

    @Override
    public void commit() throws IOException {
        commitChanges(writer, embedderName);
    }

    @Override
    public void finish() throws IOException {
        commit();
    }

    /** The articles written whose sentences are to be embedded. */
    List<SentenceVectorFill.Work> sentences() {
        return sentences;
    }

    /** Commits what the writer changed, naming the embedding model; nothing when it changed nothing. */
    static void commitChanges(IndexWriter writer, String embedderName) throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.setLiveCommitData(Map.of(EMBEDDER_KEY, embedderName).entrySet());
            writer.commit();
        }
    }
}
