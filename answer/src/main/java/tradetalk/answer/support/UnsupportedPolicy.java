package tradetalk.answer.support;

import java.util.Locale;

/** What happens to a model sentence its cited source does not support: config key {@code answer.unsupported}. */
public enum UnsupportedPolicy {
    /** The sentence is removed from the answer (the default). */
    DROP,
    /** The sentence stays, marked "(not found in the cited source)". */
    MARK;

    /** Parses "drop" or "mark". */
    public static UnsupportedPolicy parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "drop" -> DROP;
            case "mark" -> MARK;
            default ->
                throw new IllegalArgumentException("answer.unsupported must be drop or mark, but was '"
                        + (value == null ? "" : value.strip()) + "'");
        };
    }
}
