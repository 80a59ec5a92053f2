package tradetalk.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.AtomicFiles;
import tradetalk.retrieval.store.StoreFields;

/**
 * What the feed ingester remembers between runs, in one JSON file inside the index directory (so deleting the index
 * forgets it too): per feed its ETag, Last-Modified and the item keys (GUIDs, canonical links) already handled; per
 * article its canonical URLs and SimHash fingerprint. Saved atomically (temporary file, then rename) after each
 * feed's items are in the index, so a crash at worst re-fetches what the index already holds. Thread-safe.
 */
public final class FeedState {

    /** The state file's name inside the index directory. */
    public static final String FILE_NAME = StoreFields.FEED_STATE_FILE;

    static final int MAX_SEEN_PER_FEED = 10_000;
    static final int MAX_ARTICLES = 50_000;

    private static final Logger log = LoggerFactory.getLogger(FeedState.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** Per-feed memory. */
    public static final class Feed {
        public String etag;
        public String lastModified;
        public LinkedHashSet<String> seen = new LinkedHashSet<>();
    }

    /** Per-article memory. */
    public static final class Known {
        public String id;
        public Long simhash;
        public List<String> urls = new ArrayList<>();
    }

    /** The file's shape. */
    public static final class Data {
        public int version = 1;
        public LinkedHashMap<String, Feed> feeds = new LinkedHashMap<>();
        public LinkedHashMap<String, Known> articles = new LinkedHashMap<>();
    }

    private final Path file;
    private final Data data;
    private final Map<String, String> idByUrl = new LinkedHashMap<>();

    private FeedState(Path file, Data data) {
        this.file = file;
        this.data = data;
        data.articles.values().forEach(k -> k.urls.forEach(u -> idByUrl.put(u, k.id)));
    }

    /**
     * Loads the state from {@code file}; a missing file is an empty state, an unreadable one is moved aside (to
     * {@code file.corrupt}) with a warning and replaced by an empty state.
     */
    public static FeedState load(Path file) {
        if (!Files.exists(file)) {
            return new FeedState(file, new Data());
        }
        try {
            Data d = JSON.readValue(file.toFile(), Data.class);
            if (d.feeds == null) {
                d.feeds = new LinkedHashMap<>();
            }
            if (d.articles == null) {
                d.articles = new LinkedHashMap<>();
            }
            return new FeedState(file, d);
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            log.warn(
                    "Feed state {} is unreadable ({}); moved it to {} and starting afresh",
                    file,
                    e.getMessage(),
                    aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot move unreadable feed state " + file + " aside", moveFailed);
            }
            return new FeedState(file, new Data());
        }
    }

    public Path file() {
        return file;
    }

    /** A feed's ETag and Last-Modified from its last 200; empty strings when unknown. */
    public record Validators(String etag, String lastModified) {}

    /** The validators of a feed. */
    public synchronized Validators validators(String feedUrl) {
        Feed f = data.feeds.get(feedUrl);
        return f == null ? new Validators("", "") : new Validators(nz(f.etag), nz(f.lastModified));
    }

    /** Remembers a feed's validators. */
    public synchronized void setValidators(String feedUrl, String etag, String lastModified) {
        Feed f = data.feeds.computeIfAbsent(feedUrl, k -> new Feed());
        f.etag = etag == null || etag.isBlank() ? null : etag;
        f.lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
    }

    /** True when the feed already handled an item with this key. */
    public synchronized boolean seen(String feedUrl, String key) {
        Feed f = data.feeds.get(feedUrl);
        return f != null && f.seen.contains(key);
    }

    /** Marks an item key as handled, forgetting the oldest keys beyond {@value #MAX_SEEN_PER_FEED}. */
    public synchronized void markSeen(String feedUrl, String key) {
        Feed f = data.feeds.computeIfAbsent(feedUrl, k -> new Feed());
        f.seen.add(key);
        Iterator<String> it = f.seen.iterator();
        while (f.seen.size() > MAX_SEEN_PER_FEED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** The id of the article known under a canonical URL. */
    public synchronized Optional<String> idForUrl(String canonicalUrl) {
        return Optional.ofNullable(idByUrl.get(canonicalUrl));
    }

    /** Remembers an article: its canonical URLs and fingerprint. */
    public synchronized void remember(String id, Set<String> canonicalUrls, Long simhash) {
        Known k = data.articles.computeIfAbsent(id, x -> new Known());
        k.id = id;
        if (simhash != null) {
            k.simhash = simhash;
        }
        for (String u : canonicalUrls) {
            if (!k.urls.contains(u)) {
                k.urls.add(u);
            }
            idByUrl.put(u, id);
        }
        Iterator<Map.Entry<String, Known>> it = data.articles.entrySet().iterator();
        while (data.articles.size() > MAX_ARTICLES && it.hasNext()) {
            Known old = it.next().getValue();
            old.urls.forEach(idByUrl::remove);
            it.remove();
        }
    }

    /** The id of a remembered article whose fingerprint is near {@code simhash}, if any. */
    public synchronized Optional<String> nearDuplicate(long simhash) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Known k : data.articles.values()) {
            if (k.simhash != null) {
                int d = SimHash.distance(k.simhash, simhash);
                if (d <= SimHash.NEAR_DUPLICATE_BITS && d < bestDistance) {
                    best = k.id;
                    bestDistance = d;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when the article is remembered. */
    public synchronized boolean knows(String id) {
        return data.articles.containsKey(id);
    }

    /** Forgets articles that are no longer in the index (e.g. after retention). */
    public synchronized int forgetArticlesExcept(Set<String> indexedIds) {
        int before = data.articles.size();
        Iterator<Map.Entry<String, Known>> it = data.articles.entrySet().iterator();
        while (it.hasNext()) {
            Known k = it.next().getValue();
            if (!indexedIds.contains(k.id)) {
                k.urls.forEach(idByUrl::remove);
                it.remove();
            }
        }
        return before - data.articles.size();
    }

    /** Writes the state atomically. */
    public synchronized void save() {
        try {
            AtomicFiles.replace(file, out -> JSON.writeValue(out, data));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save feed state " + file + ": " + e.getMessage(), e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
