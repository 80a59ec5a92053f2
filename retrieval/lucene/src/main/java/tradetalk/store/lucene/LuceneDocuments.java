package tradetalk.store.lucene;

import static tradetalk.retrieval.store.StoreFields.ALSO_IN;
import static tradetalk.retrieval.store.StoreFields.ARTICLE;
import static tradetalk.retrieval.store.StoreFields.ARTICLE_ID;
import static tradetalk.retrieval.store.StoreFields.AUTHOR;
import static tradetalk.retrieval.store.StoreFields.BODY;
import static tradetalk.retrieval.store.StoreFields.CATEGORY;
import static tradetalk.retrieval.store.StoreFields.DATE;
import static tradetalk.retrieval.store.StoreFields.HASH;
import static tradetalk.retrieval.store.StoreFields.ID;
import static tradetalk.retrieval.store.StoreFields.ORDINAL;
import static tradetalk.retrieval.store.StoreFields.PASSAGE;
import static tradetalk.retrieval.store.StoreFields.PATH;
import static tradetalk.retrieval.store.StoreFields.SOURCE;
import static tradetalk.retrieval.store.StoreFields.TEXT;
import static tradetalk.retrieval.store.StoreFields.TITLE;
import static tradetalk.retrieval.store.StoreFields.TYPE;
import static tradetalk.retrieval.store.StoreFields.URL;
import static tradetalk.retrieval.store.StoreFields.VECTOR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;

/**
 * The index's documents and back: one per article (metadata, text, content hash, also_in) and one per passage (text,
 * article metadata, vector), the records read from them, and the queries that find them.
 */
final class LuceneDocuments {

    private LuceneDocuments() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The documents of an article: its own, then one per passage with its vector. */
    static List<Document> of(Article a, List<Passage> ps, List<String> alsoIn, List<float[]> vectors) {
        List<Document> docs = new ArrayList<>(ps.size() + 1);
        docs.add(article(a.meta(), a.body(), a.contentHash(), alsoIn));
        for (int i = 0; i < ps.size(); i++) {
            Passage p = ps.get(i);
            Document d = new Document();
            d.add(new KeywordField(TYPE, PASSAGE, Field.Store.NO));
            d.add(new KeywordField(ID, p.id(), Field.Store.YES));
            d.add(new StoredField(ORDINAL, p.ordinal()));
            d.add(new TextField(TEXT, p.text(), Field.Store.YES));
            addMeta(d, a.meta());
            d.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            docs.add(d);
        }
        return docs;
    }

    /** An article's own document. */
    static Document article(ArticleMeta m, String body, String hash, List<String> alsoIn) {
        Document art = new Document();
        art.add(new KeywordField(TYPE, ARTICLE, Field.Store.NO));
        addMeta(art, m);
        art.add(new StoredField(BODY, body));
        art.add(new StoredField(HASH, hash));
        alsoIn.forEach(x -> art.add(new StoredField(ALSO_IN, x)));
        return art;
    }

    private static void addMeta(Document d, ArticleMeta m) {
        d.add(new KeywordField(ARTICLE_ID, m.id(), Field.Store.YES));
        d.add(new TextField(TITLE, m.title(), Field.Store.YES));
        d.add(new StoredField(SOURCE, m.source()));
        d.add(new StoredField(URL, m.url()));
        d.add(new StoredField(PATH, m.path()));
        d.add(new StoredField(AUTHOR, m.author()));
        d.add(new StoredField(CATEGORY, m.category()));
        if (m.publishedAt() != null) {
            d.add(new LongField(DATE, m.publishedAt().toEpochDay(), Field.Store.YES));
        }
    }

    static ArticleMeta meta(Document d) {
        var date = d.getField(DATE);
        return new ArticleMeta(
                d.get(ARTICLE_ID),
                d.get(TITLE),
                d.get(SOURCE),
                date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
                d.get(URL),
                d.get(PATH),
                d.get(AUTHOR),
                d.get(CATEGORY));
    }

    static Passage passage(Document d) {
        return new Passage(
                d.get(ID), meta(d), d.getField(ORDINAL).numericValue().intValue(), d.get(TEXT));
    }

    /** Matches the document of one article. */
    static Query articleQuery(String id) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, ARTICLE)), Occur.FILTER)
                .add(new TermQuery(new Term(ARTICLE_ID, id)), Occur.FILTER)
                .build();
    }

    /** Matches passage documents only. */
    static Query passageFilter() {
        return new TermQuery(new Term(TYPE, PASSAGE));
    }
}
