package tradetalk.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids and content hashes. An article's id depends only on its identity (its URL, else the file it came from,
 * else outlet + title + date), never on its text, so a changed article replaces the old one.
 */
public final class ArticleIds {

    private ArticleIds() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The id of an article known by its URL. */
    public static String forUrl(String url) {
        return "u" + sha256("url:" + url.trim()).substring(0, 15);
    }

    /** The id of the only article in a file, from the file's absolute, normalised path. */
    public static String forFile(java.nio.file.Path file) {
        return "f" + sha256("file:" + file.toAbsolutePath().normalize()).substring(0, 15);
    }

    /** The id of a record without URL, from what identifies it. */
    public static String forRecord(String source, String title, String date) {
        return "r" + sha256("rec:" + source + "\n" + title + "\n" + date).substring(0, 15);
    }

    static String contentHash(ArticleMeta meta, String body) {
        return sha256(meta.title() + "\n" + meta.source() + "\n" + meta.publishedAt() + "\n" + meta.url() + "\n"
                + meta.author() + "\n" + meta.category() + "\n" + body);
    }

    /** Lower-case hex SHA-256 of a string. */
    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
