package tradetalk.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import tradetalk.ingest.parse.HtmlArticles;
import tradetalk.ingest.parse.MalformedArticleException;
import tradetalk.retrieval.Article;

/**
 * Fetches article pages over HTTP, politely (robots.txt, the configured user agent and bounds), decodes them with
 * the charset of the Content-Type, else the page's {@code <meta charset>} or jsoup's detection, and extracts the
 * article with {@link HtmlArticles}.
 */
public final class PageFetcher implements ArticleFetcher {

    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml", "");

    private final HttpFetcher http;
    private final Robots robots;

    public PageFetcher(HttpFetcher http, Robots robots) {
        this.http = http;
        this.robots = robots;
    }

    @Override
    public Article fetch(URI url) throws FetchException {
        if (!http.allowed(url)) {
            throw FetchException.permanent("not fetching " + url + ": host not allowed: " + http.refusal(url));
        }
        if (!robots.allows(url)) {
            throw FetchException.permanent("robots.txt disallows " + url);
        }
        HttpResponseData r = http.get(url, Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"));
        if (r.status() != 200) {
            throw FetchException.http(url + " answered HTTP " + r.status(), r.status());
        }
        if (!HTML.contains(r.mediaType())) {
            throw FetchException.permanent(url + " is " + r.mediaType() + ", not an HTML page");
        }
        String html = decode(r);
        try {
            return HtmlArticles.parse(html, r.url().toString(), null);
        } catch (MalformedArticleException e) {
            throw FetchException.permanent(url + ": " + e.getMessage(), e);
        }
    }

    /** The page as text, in the charset the server or the page declares, else as detected by jsoup. */
    static String decode(HttpResponseData r) {
        Charset cs = charset(r.charset());
        if (cs == null) {
            try {
                Document d = Jsoup.parse(
                        new ByteArrayInputStream(r.body()), null, r.url().toString());
                cs = d.charset();
            } catch (IOException e) {
                cs = null;
            }
        }
        return new String(r.body(), cs == null ? java.nio.charset.StandardCharsets.UTF_8 : cs);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
