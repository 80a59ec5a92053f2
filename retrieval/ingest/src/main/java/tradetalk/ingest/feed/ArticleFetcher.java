package tradetalk.ingest.feed;

import java.net.URI;
import tradetalk.retrieval.Article;

/** Turns a URL into an article: fetches the page and extracts its text and metadata. */
@FunctionalInterface
public interface ArticleFetcher {

    /**
     * @throws FetchException when the page cannot be had or has no article text; the message says why
     */
    Article fetch(URI url) throws FetchException;
}
