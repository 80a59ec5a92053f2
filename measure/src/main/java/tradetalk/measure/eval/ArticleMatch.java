package tradetalk.measure.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tradetalk.retrieval.ArticleMeta;

/**
 * Whether a retrieved passage's article is one of a query's evidence articles: by URL when both have one, else by
 * title (case and spacing ignored), else by file name (seeds-dev's {@code sources}).
 */
public final class ArticleMatch {

    private ArticleMatch() {
        throw new UnsupportedOperationException("utility class");
    }

    /** True when the article is one of the evidence items. */
    public static boolean relevant(ArticleMeta a, List<EvalQuery.Evidence> evidence) {
        for (EvalQuery.Evidence e : evidence) {
            if (matches(a, e)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(ArticleMeta a, EvalQuery.Evidence e) {
        if (!e.url().isBlank() && !a.url().isBlank()) {
            return url(e.url()).equals(url(a.url()));
        }
        if (!e.title().isBlank()) {
            return text(e.title()).equals(text(a.title()));
        }
        if (!e.file().isBlank() && !a.path().isBlank()) {
            Path name = Path.of(a.path()).getFileName();
            return name != null
                    && name.toString().equals(Path.of(e.file()).getFileName().toString());
        }
        return false;
    }

    private static String url(String u) {
        String s = u.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replaceFirst("^https?://(www\\.)?", "").toLowerCase(Locale.ROOT);
    }

    private static String text(String t) {
        return t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
