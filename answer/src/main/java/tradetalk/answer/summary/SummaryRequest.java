package tradetalk.answer.summary;

import java.time.LocalDate;

/**
 * What to summarise: one article (by id, title or URL), or a topic, optionally within dates. Exactly one of
 * {@code article} and {@code topic} is set; a date range with neither summarises everything in the range.
 *
 * @param article an article id, title (or a unique part of it) or URL; null (or blank) when summarising a topic
 * @param topic   a topic; null (or blank) when summarising an article
 * @param since   only articles published on or after this date; null for no bound
 * @param until   only articles published on or before this date; null for no bound
 * @param length  short (about 3 sentences) or long (about 8)
 */
public record SummaryRequest(String article, String topic, LocalDate since, LocalDate until, Length length) {

    /** How long a summary is. */
    public enum Length {
        SHORT(3),
        LONG(8);

        private final int sentences;

        Length(int sentences) {
            this.sentences = sentences;
        }

        /** About how many sentences. */
        public int sentences() {
            return sentences;
        }
    }

    public SummaryRequest {
        article = article == null || article.isBlank() ? null : article.strip();
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        if (article != null && topic != null) {
            throw new IllegalArgumentException("give an article or a topic, not both");
        }
        if (article == null && topic == null && since == null && until == null) {
            throw new IllegalArgumentException(
                    "say what to summarise: an article, a topic, or a date range (since, " + "until)");
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
        length = length == null ? Length.SHORT : length;
    }
}
