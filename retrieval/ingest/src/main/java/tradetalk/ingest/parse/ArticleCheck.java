package tradetalk.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import tradetalk.retrieval.Article;

/**
 * What every article read from a file must satisfy beyond being parseable: a plausible date (see
 * {@link Dates#implausible}) and a text of at most {@code maxArticleBytes} bytes (UTF-8).
 *
 * @param clock           gives "now" for the date check
 * @param maxArticleBytes the longest article text accepted
 */
record ArticleCheck(Clock clock, long maxArticleBytes) {

    /** The article when it passes. */
    Article checked(Article a) throws MalformedArticleException {
        LocalDate date = a.meta().publishedAt();
        String why = Dates.implausible(date, clock);
        if (why != null) {
            throw new MalformedArticleException("implausible date " + date + " (" + why + ")");
        }
        if (tooLarge(a.body(), maxArticleBytes)) {
            throw new MalformedArticleException("article text is larger than " + maxArticleBytes
                    + " bytes (index.max-article-bytes); split it or raise the limit");
        }
        return a;
    }

    /** True when the UTF-8 encoding of {@code s} is longer than {@code max} bytes. */
    private static boolean tooLarge(String s, long max) {
        if (s.length() > max) {
            return true; // a char is at least one byte
        }
        if ((long) s.length() * 3 <= max) {
            return false; // a char is at most three bytes (a surrogate pair: four for two chars)
        }
        return s.getBytes(StandardCharsets.UTF_8).length > max;
    }
}
