package tradetalk.answer.support;

/**
 * Whether the cited passages support a sentence.
 *
 * @param supported true when they do
 * @param reason    why not (e.g. "60 billion is not in the cited source"); null when supported
 */
public record Verdict(boolean supported, String reason) {

    /** Supported. */
    public static final Verdict SUPPORTED = new Verdict(true, null);

    /** Not supported, because {@code reason}. */
    public static Verdict unsupported(String reason) {
        return new Verdict(false, reason);
    }
}
