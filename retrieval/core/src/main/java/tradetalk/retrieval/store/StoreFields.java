package tradetalk.retrieval.store;

/**
 * The stored document's fields and commit data, the same in every store: the Lucene index writes them, the OpenSearch
 * store's mapping declares them.
 */
public final class StoreFields {

    /** Whether a document is an article or one of its passages. */
    public static final String TYPE = "type";

    public static final String ARTICLE = "article";
    public static final String PASSAGE = "passage";
    public static final String ID = "id";
    public static final String ARTICLE_ID = "article_id";
    public static final String ORDINAL = "ordinal";
    public static final String TEXT = "text";
    public static final String TITLE = "title";
    public static final String SOURCE = "source";
    public static final String URL = "url";
    public static final String PATH = "path";
    public static final String AUTHOR = "author";
    public static final String CATEGORY = "category";
    public static final String DATE = "date";
    public static final String BODY = "body";
    public static final String HASH = "content_hash";
    public static final String VECTOR = "vector";
    public static final String ALSO_IN = "also_in";
    /** The commit data key naming the embedding model the vectors were made with. */
    public static final String EMBEDDER_KEY = "embedder";

    /**
     * Files that live in a store's data directory besides the store's own: the feed ingester's state (kept there so
     * that deleting the index forgets it too).
     */
    public static final String FEED_STATE_FILE = "feeds-state.json";

    private StoreFields() {
        throw new UnsupportedOperationException("constants");
    }
}
