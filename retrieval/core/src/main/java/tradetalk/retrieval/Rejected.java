package tradetalk.retrieval;

/**
 * An input that was not ingested.
 *
 * @param source the file (or URL, or "file#record") that was skipped
 * @param reason why, in words an operator can act on
 */
public record Rejected(String source, String reason) {}
