package tradetalk.ingest.feed;

/** Hears how each feed refresh ended (the operator's metrics); the refresher owns the decision, not the listener. */
@FunctionalInterface
public interface FeedListener {

    /** Nobody listens. */
    FeedListener NONE = (feed, result) -> {};

    /** A refresh of {@code feed} ended: {@link FeedResult#ok()} or with its error. */
    void refreshed(FeedSource feed, FeedResult result);
}
