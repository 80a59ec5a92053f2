package tradetalk.ingest.feed;

import tradetalk.retrieval.store.IngestReport;

/**
 * The outcome of refreshing one feed.
 *
 * @param feed        the feed's name
 * @param notModified true when the server answered 304 (nothing else was done)
 * @param items       items in the feed document
 * @param known       items handled in an earlier run (skipped)
 * @param offTopic    new items the feed's keep filter dropped
 * @param duplicates  new items already indexed under the same canonical URL or as a near-identical text
 * @param fromFeed    new items indexed from the feed's own text because their page could not be had
 * @param ingest      what the index did with the rest (rejected items carry their reasons)
 */
public record FeedRun(
        String feed,
        boolean notModified,
        int items,
        int known,
        int offTopic,
        int duplicates,
        int fromFeed,
        IngestReport ingest) {}
