package tradetalk.store.lucene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.store.StoreFields;

/**
 * How a passage's sentence vectors are kept in its Lucene document: each distinct sentence (as {@link Sentences}
 * splits the passage's text, which is how answers split it) gets a key, the first 16 bytes of the SHA-256 of its
 * text, indexed to find the passage by sentence; the keys and vectors sit in one binary doc value, read only for
 * the passages an answer asks about (so stored-field reads do not grow).
 */
final class SentenceVectorField {

    /** The indexed keys of a passage's sentences. */
    static final String KEY = "sentence_key";
    /** The keys and vectors, as {@code n, (key, dim floats) * n}, little-endian. */
    static final String VECTORS = "sentence_vectors";

    /** The type of the document of an article's sentence vectors written after its passages. */
    static final String SENTENCES = "sentences";

    private static final int KEY_BYTES = 16;

    private SentenceVectorField() {}

    /** The distinct sentences of a passage whose vectors are stored with it, in order. */
    static List<String> sentences(Passage p) {
        return List.copyOf(new LinkedHashSet<>(Sentences.split(p.text())));
    }

    /**
     * The document of one article's sentence vectors, written once its passages are searchable: the sentences' keys,
     * their vectors, and the article's id and date, so that replacing, removing or retiring the article removes it.
     */
    static Document document(SentenceVectorFill.Work w, Map<String, float[]> vectors, int dim) {
        Document d = new Document();
        d.add(new KeywordField(StoreFields.TYPE, SENTENCES, Field.Store.NO));
        d.add(new KeywordField(StoreFields.ARTICLE_ID, w.articleId(), Field.Store.NO));
        if (w.date() != null) {
            d.add(new LongField(StoreFields.DATE, w.date().toEpochDay(), Field.Store.NO));
        }
        w.sentences().forEach(x -> d.add(new StringField(KEY, key(x), Field.Store.NO)));
        d.add(new BinaryDocValuesField(VECTORS, encode(w.sentences(), vectors, dim)));
        return d;
    }

    /** The key of a sentence's text. */
    static BytesRef key(String sentence) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sentence.getBytes(StandardCharsets.UTF_8));
            return new BytesRef(Arrays.copyOf(d, KEY_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The doc value of these sentences and their vectors (every sentence must have one). */
    static BytesRef encode(List<String> sentences, Map<String, float[]> vectors, int dim) {
        ByteBuffer b = ByteBuffer.allocate(Integer.BYTES + sentences.size() * (KEY_BYTES + dim * Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(sentences.size());
        for (String s : sentences) {
            float[] v = vectors.get(s);
            if (v == null || v.length != dim) {
                throw new IllegalArgumentException("no vector of " + dim + " for a sentence of the passage");
            }
            BytesRef k = key(s);
            b.put(k.bytes, k.offset, k.length);
            for (float f : v) {
                b.putFloat(f);
            }
        }
        return new BytesRef(b.array());
    }

    /** The vector stored under {@code key} in a doc value, or null when it holds none. */
    static float[] decode(BytesRef value, BytesRef key, int dim) {
        ByteBuffer b = ByteBuffer.wrap(value.bytes, value.offset, value.length).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt();
        int entry = KEY_BYTES + dim * Float.BYTES;
        if (value.length != Integer.BYTES + n * entry) {
            return null; // written with another dimension: not this model's
        }
        for (int i = 0; i < n; i++) {
            int at = value.offset + Integer.BYTES + i * entry;
            if (Arrays.equals(value.bytes, at, at + KEY_BYTES, key.bytes, key.offset, key.offset + key.length)) {
                float[] v = new float[dim];
                b.position(at + KEY_BYTES);
                b.asFloatBuffer().get(v);
                return v;
            }
        }
        return null;
    }

    /**
     * The stored vectors of these sentences found in the index (none for passages ingested without them): a term
     * lookup per sentence and one doc value read per passage.
     */
    static Map<String, float[]> find(IndexSearcher s, Collection<String> texts, int dim) throws IOException {
        Map<String, float[]> out = new HashMap<>();
        for (String text : new LinkedHashSet<>(texts)) {
            BytesRef key = key(text);
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                float[] v = find(leaf, key, dim);
                if (v != null) {
                    out.put(text, v);
                    break;
                }
            }
        }
        return out;
    }

    private static float[] find(LeafReaderContext leaf, BytesRef key, int dim) throws IOException {
        LeafReader r = leaf.reader();
        Terms terms = r.terms(KEY);
        if (terms == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(key)) {
            return null;
        }
        PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
        Bits live = r.getLiveDocs();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            BinaryDocValues values = r.getBinaryDocValues(VECTORS);
            if (values != null && values.advanceExact(doc)) {
                float[] v = decode(values.binaryValue(), key, dim);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }
}
