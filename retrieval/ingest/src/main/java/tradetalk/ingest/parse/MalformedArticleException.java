package tradetalk.ingest.parse;

/**
 * An input that cannot become an article. The message is the reason, in words an operator can act on, e.g.
 * {@code "impossible date '2019-13-01'"}; it is meant to end up in a {@link tradetalk.retrieval.Rejected}.
 */
public final class MalformedArticleException extends Exception {

    public MalformedArticleException(String reason) {
        super(reason);
    }

    /** The reason the input was refused (same as the message). */
    public String reason() {
        return getMessage();
    }
}
