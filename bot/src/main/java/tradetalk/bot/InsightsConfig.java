package tradetalk.bot;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code insights} section: the log of questions members asked the Discord bot, read by {@code tradetalk
 * insights} and {@code /insights}.
 *
 * @param dir             where the question log ({@code questions.jsonl}) is kept
 * @param keepQuestions   whether the text of questions is kept (off: only the day, command and outcome are logged,
 *                        so the declined questions cannot be grouped); no member id is ever kept
 * @param retention       how long log entries are kept
 * @param groupSimilarity cosine similarity of two declined questions' embeddings at which they count as one need
 * @param days            the days {@code insights} covers by default, ending today
 */
public record InsightsConfig(String dir, boolean keepQuestions, Duration retention, double groupSimilarity, int days) {

    public InsightsConfig {
        dir = dir == null || dir.isBlank() ? "data/insights" : dir.strip();
        if (retention == null || retention.toHours() < 1) {
            throw new IllegalArgumentException("insights.retention must be at least 1h, e.g. 30d");
        }
        if (!(groupSimilarity > 0 && groupSimilarity < 1)) {
            throw new IllegalArgumentException(
                    "insights.group-similarity must be between 0 and 1 (exclusive), got " + groupSimilarity);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("insights.days must be 1 to 366, got " + days);
        }
    }

    /** The log directory as a path. */
    public Path dirPath() {
        return Path.of(dir);
    }

    /** The same configuration with the directory resolved against {@code home}. */
    public InsightsConfig resolve(Path home) {
        Path d = Path.of(dir);
        return withDir(d.isAbsolute() ? d : home.resolve(d).normalize());
    }

    /** A copy keeping its log in {@code dir}. */
    public InsightsConfig withDir(Path d) {
        return new InsightsConfig(d.toString(), keepQuestions, retention, groupSimilarity, days);
    }

    /** A copy that keeps (or not) the text of questions. */
    public InsightsConfig keepingQuestions(boolean keep) {
        return new InsightsConfig(dir, keep, retention, groupSimilarity, days);
    }
}
