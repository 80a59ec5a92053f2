package tradetalk.ingest.feed;

/**
 * One feed's outcome in a refresh of all feeds: a run, or the error that stopped it.
 *
 * @param feed  the feed's name
 * @param run   what was done; null when it failed
 * @param error why it failed; empty when it worked
 */
public record FeedResult(String feed, FeedRun run, String error) {

    public boolean ok() {
        return run != null;
    }
}
