package tradetalk.store.opensearch;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;

/**
 * The store's documents as JSON and back: their ids ({@code article:<id>}, {@code passage:<id>#<ordinal>},
 * {@code also:<id>}), the article and passage documents written at ingest, and the records read from them.
 */
final class StoredDocs {

    /** The type of an article's also_in document ({@code also:<id>}). */
    static final String ALSO = "also";

    /** The article document's count of passages (stale ones are deleted when an article shrinks). */
    static final String PASSAGES = "passage_count";

    private StoredDocs() {
        throw new UnsupportedOperationException("utility class");
    }

    static String articleKey(String articleId) {
        return "article:" + articleId;
    }

    static String passageKey(String passageId) {
        return "passage:" + passageId;
    }

    static String alsoKey(String articleId) {
        return "also:" + articleId;
    }

    /** Documents of one type ({@code article}, {@code passage}, {@code also}). */
    static Query typeIs(String type) {
        return Query.of(q -> q.term(t -> t.field(TYPE).value(FieldValue.of(type))));
    }

    static ObjectNode articleDoc(Article a, List<String> alsoIn, int passageCount) {
        ObjectNode d = meta(a.meta());
        d.put(TYPE, ARTICLE);
        d.put(BODY, a.body());
        d.put(HASH, a.contentHash());
        d.put(PASSAGES, passageCount);
        ArrayNode also = d.putArray(ALSO_IN);
        alsoIn.forEach(also::add);
        return d;
    }

    static ObjectNode passageDoc(Article a, Passage p, float[] vector) {
        ObjectNode d = meta(a.meta());
        d.put(TYPE, PASSAGE);
        d.put(ID, p.id());
        d.put(ORDINAL, p.ordinal());
        d.put(TEXT, p.text());
        ArrayNode v = d.putArray(VECTOR);
        for (float f : vector) {
            v.add(f);
        }
        return d;
    }

    private static ObjectNode meta(ArticleMeta m) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put(ARTICLE_ID, m.id());
        d.put(TITLE, m.title());
        d.put(SOURCE, m.source());
        d.put(URL, m.url());
        d.put(PATH, m.path());
        d.put(AUTHOR, m.author());
        d.put(CATEGORY, m.category());
        if (m.publishedAt() != null) {
            d.put(DATE, m.publishedAt().toEpochDay());
        }
        return d;
    }

    static ArticleMeta meta(ObjectNode d) {
        return new ArticleMeta(
                text(d, ARTICLE_ID),
                text(d, TITLE),
                text(d, SOURCE),
                date(d),
                text(d, URL),
                text(d, PATH),
                text(d, AUTHOR),
                text(d, CATEGORY));
    }

    static Article article(ObjectNode d) {
        return new Article(meta(d), text(d, BODY), text(d, HASH));
    }

    static Passage passage(ObjectNode d) {
        return new Passage(text(d, ID), meta(d), d.get(ORDINAL).asInt(), text(d, TEXT));
    }

    static LocalDate date(ObjectNode d) {
        JsonNode v = d == null ? null : d.get(DATE);
        return v == null || v.isNull() ? null : LocalDate.ofEpochDay(v.asLong());
    }

    static String text(ObjectNode d, String field) {
        JsonNode v = d == null ? null : d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(x -> out.add(x.asText()));
        } else if (arr != null && arr.isTextual()) {
            out.add(arr.asText());
        }
        return out;
    }

    static List<Float> floats(float[] v) {
        List<Float> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    static float[] floats(JsonNode arr) {
        float[] out = new float[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) arr.get(i).asDouble();
        }
        return out;
    }
}
