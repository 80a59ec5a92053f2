package tradetalk.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One feed to follow.
 *
 * @param url      the RSS or Atom feed
 * @param name     how logs and reports name it (and the outlet of its articles when their pages name none)
 * @param interval time between refreshes
 * @param keep     topic filter on item title and summary: empty keeps everything; {@code /regex/} is a
 *                 case-insensitive regular expression; anything else is a comma-separated list of keywords or
 *                 phrases, any of which must occur as whole words (case-insensitive)
 */
public record FeedSource(URI url, String name, Duration interval, String keep) {

    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("feed url must be an http(s) URL, got '" + url + "'");
        }
        name = name == null || name.isBlank() ? url.getHost() : name.strip();
        keep = keep == null ? "" : keep.strip();
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("feed interval must be at least 1m, got " + interval);
        }
        filter(keep); // fails now on a bad regular expression
    }

    /** A feed with the default interval (30 minutes) and no filter. */
    public static FeedSource of(URI url) {
        return new FeedSource(url, null, Duration.ofMinutes(30), "");
    }

    /** The compiled topic filter; null keeps everything. */
    public Pattern keepPattern() {
        return filter(keep);
    }

    /** True when an item with this title and summary is on topic. */
    public boolean keeps(String title, String summary) {
        Pattern p = keepPattern();
        return p == null
                || p.matcher((title == null ? "" : title) + "\n" + (summary == null ? "" : summary))
                        .find();
    }

    private static Pattern filter(String keep) {
        if (keep.isEmpty()) {
            return null;
        }
        if (keep.length() >= 2 && keep.startsWith("/") && keep.endsWith("/")) {
            try {
                return Pattern.compile(
                        keep.substring(1, keep.length() - 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "feed keep filter " + keep + " is not a valid regular expression: " + e.getDescription());
            }
        }
        List<String> words = Arrays.stream(keep.split(","))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList();
        if (words.isEmpty()) {
            return null;
        }
        String alternatives = String.join(
                "|",
                words.stream()
                        .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                        .toList());
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
