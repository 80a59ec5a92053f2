package tradetalk.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;

/**
 * News pages in HTML: metadata from Open Graph / article meta tags, {@code <time>} and JSON-LD; the main text from
 * {@code <article>}, {@code <main>} or the element richest in paragraphs, without navigation, ads and other page
 * furniture. Used for HTML files and for pages fetched by the feed ingester.
 */
public final class HtmlArticles {

    /** Pages with fewer words of main text than this are refused as having no usable text. */
    public static final int MIN_WORDS = 30;

    private static final Logger log = LoggerFactory.getLogger(HtmlArticles.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOISE_TAGS =
            "nav, header, footer, aside, script, style, noscript, form, template, iframe, svg, button, figure, dialog";
    private static final Pattern NOISE_NAME = Pattern.compile(
            "nav|menu|footer|share|social|related|comment|advert|promo|newsletter|cookie", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NEVER_NOISE = Set.of("html", "body", "main", "article");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "table",
            "tr",
            "td",
            "th",
            "hr",
            "address",
            "figcaption",
            "details",
            "summary");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private HtmlArticles() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * Reads one article from a page.
     *
     * @param html       the page
     * @param pageUrl    where it was fetched from (resolves relative links, and is the url when the page names
     *                   none); null or empty for a file
     * @param pathOrNull the file it was read from, or null for a fetched page
     * @throws MalformedArticleException when the main text has fewer than {@value #MIN_WORDS} words, or, for a file,
     *                                   when its date names a day that does not exist (an operator's file is
     *                                   reported and skipped, as in every format). A fetched page is never refused
     *                                   for its date: the next date candidate is tried, and the date is null when
     *                                   none can be read.
     */
    public static Article parse(String html, String pageUrl, Path pathOrNull) throws MalformedArticleException {
        String base = pageUrl == null ? "" : pageUrl.strip();
        Document doc = Jsoup.parse(html, base);

        String title = firstNonBlank(meta(doc, "og:title"), text(doc.selectFirst("h1")), doc.title());
        LocalDate date = publishedDate(doc, pathOrNull != null);
        String source = meta(doc, "og:site_name");
        String url = firstNonBlank(
                absolute(doc.selectFirst("meta[property=og:url], meta[name=og:url]"), "content"),
                absolute(doc.selectFirst("link[rel=canonical]"), "href"),
                base);
        String author = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"));
        String category = meta(doc, "article:section");

        removeNoise(doc);
        Element main = mainElement(doc);
        // a standalone <time> is a dateline ("Oct 10"), not text; a <time> inside a sentence stays
        main.select("time").stream()
                .filter(t -> t.closest("p, li, blockquote") == null)
                .forEach(Element::remove);
        Element h1 = main.selectFirst("h1");
        if (h1 != null && !title.isEmpty() && Texts.normalizeBody(h1.text()).equals(Texts.normalizeBody(title))) {
            h1.remove();
        }
        String body = Texts.normalizeBody(blockText(main));
        long words = WORD.matcher(body).results().count();
        if (words < MIN_WORDS) {
            throw new MalformedArticleException(
                    "no usable article text (" + words + " words, need at least " + MIN_WORDS + ")");
        }
        if (title.isEmpty()) {
            title = Texts.deriveTitle(body);
        }
        String id;
        if (!url.isEmpty()) {
            id = ArticleIds.forUrl(url);
        } else if (pathOrNull != null) {
            id = ArticleIds.forFile(pathOrNull);
        } else {
            id = ArticleIds.forRecord(source, title, String.valueOf(date));
        }
        String path = pathOrNull == null ? "" : pathOrNull.normalize().toString();
        return Article.of(
                new ArticleMeta(id, Texts.normalizeBody(title), source, date, url, path, author, category), body);
    }

    /**
     * The first readable publication date among the page's candidates, in order: article:published_time meta tags,
     * {@code <time datetime>} values, the {@code date} meta tag, JSON-LD datePublished; null when none can be read.
     */
    private static LocalDate publishedDate(Document doc, boolean strict) throws MalformedArticleException {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:published_time"));
        candidates.add(meta(doc, "og:article:published_time"));
        candidates.addAll(doc.select("time[datetime]").eachAttr("datetime"));
        candidates.add(meta(doc, "date"));
        candidates.addAll(jsonLdDatesPublished(doc));
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            try {
                return Dates.parse(candidate);
            } catch (MalformedArticleException e) {
                if (strict && e.reason().startsWith("impossible date")) {
                    throw e;
                }
                log.debug("Skipping a date candidate: {}", e.getMessage());
            }
        }
        log.debug("No readable publication date on the page; keeping it without a date");
        return null;
    }

    private static List<String> jsonLdDatesPublished(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                String found = findDatePublished(JSON.readTree(script.data()));
                if (!found.isEmpty()) {
                    out.add(found);
                }
            } catch (JsonProcessingException e) {
                log.debug("Ignoring unreadable JSON-LD block: {}", e.getOriginalMessage());
            }
        }
        return out;
    }

    private static String findDatePublished(JsonNode node) {
        if (node == null) {
            return "";
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                String found = findDatePublished(n);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        if (!node.isObject()) {
            return "";
        }
        String own = Fields.loose(node, "datePublished");
        return own.isEmpty() ? findDatePublished(node.get("@graph")) : own;
    }

    /** Content of {@code <meta property=key>} or {@code <meta name=key>}; empty when absent. */
    private static String meta(Document doc, String key) {
        for (Element m : doc.select("meta[content]")) {
            if (key.equalsIgnoreCase(m.attr("property"))
                    || key.equalsIgnoreCase(m.attr("name"))
                    || key.equalsIgnoreCase(m.attr("itemprop"))) {
                String v = m.attr("content").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return "";
    }

    private static String absolute(Element e, String attr) {
        if (e == null) {
            return "";
        }
        String abs = e.absUrl(attr);
        return abs.isEmpty() ? e.attr(attr).strip() : abs;
    }

    private static String text(Element e) {
        return e == null ? "" : e.text().strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static void removeNoise(Document doc) {
        doc.select(NOISE_TAGS).remove();
        List<Element> noisy = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            if (!NEVER_NOISE.contains(e.normalName())
                    && !"main".equalsIgnoreCase(e.attr("role"))
                    && (NOISE_NAME.matcher(e.className()).find()
                            || NOISE_NAME.matcher(e.id()).find())) {
                noisy.add(e);
            }
        }
        noisy.forEach(Element::remove);
    }

    private static Element mainElement(Document doc) {
        Element best = richest(doc.select("article"));
        if (best == null) {
            best = richest(doc.select("main"));
        }
        if (best == null) {
            best = richest(doc.select("[role=main]"));
        }
        if (best == null) {
            best = parentWithMostParagraphText(doc);
        }
        return best == null ? doc.body() : best;
    }

    /** The candidate with the most text, or null when none has any. */
    private static Element richest(Elements candidates) {
        Element best = null;
        int bestLength = 0;
        for (Element e : candidates) {
            int length = e.text().length();
            if (length > bestLength) {
                best = e;
                bestLength = length;
            }
        }
        return best;
    }

    private static Element parentWithMostParagraphText(Document doc) {
        Map<Element, Integer> scores = new LinkedHashMap<>();
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, p.text().length(), Integer::sum);
            }
        }
        return scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The element's text with a blank line between block elements and a line break for {@code <br>}. */
    private static String blockText(Element root) {
        StringBuilder b = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    b.append(SPACES.matcher(t.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        b.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        b.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    b.append("\n\n");
                }
            }
        });
        return b.toString();
    }
}
