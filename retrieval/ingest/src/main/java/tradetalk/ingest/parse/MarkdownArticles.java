package tradetalk.ingest.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Path;
import java.util.Optional;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;

/**
 * Markdown articles with optional YAML front matter between {@code ---} lines. Keys: title, date (or published_at),
 * source (or outlet), url (or link), author, category. Without a title, the first level-1 heading is the title (and
 * leaves the body), else one is derived from the first sentence.
 */
final class MarkdownArticles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Fields.Syntax YAML_FIELDS = Fields.Syntax.YAML;

    private MarkdownArticles() {
        throw new UnsupportedOperationException("utility class");
    }

    static Article parse(String text, Path path) throws MalformedArticleException {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        JsonNode front = YAML.createObjectNode();
        String markdown = s;
        if (s.startsWith("---") && s.lines().findFirst().orElse("").strip().equals("---")) {
            int open = s.indexOf('\n') + 1;
            int close = closingLine(s, open);
            if (close < 0) {
                throw new MalformedArticleException("front matter is not closed (no second '---' line)");
            }
            front = readFrontMatter(s.substring(open, close));
            int next = s.indexOf('\n', close);
            markdown = next < 0 ? "" : s.substring(next + 1);
        }
        String url = Fields.text(front, YAML_FIELDS, "url", "link");
        var date = Dates.parse(Fields.text(front, YAML_FIELDS, "date", "published_at", "published"));
        MarkdownText.Converted converted = MarkdownText.convert(markdown);
        String body = Texts.normalizeBody(converted.text());
        String title = Fields.text(front, YAML_FIELDS, "title");
        Optional<String> h1 = converted.headings().stream()
                .filter(h -> h.level() == 1)
                .map(MarkdownText.Heading::text)
                .findFirst();
        if (title.isEmpty() && h1.isPresent()) {
            title = h1.get();
        }
        if (h1.isPresent() && h1.get().equals(title)) {
            body = dropFirstParagraphIf(body, Texts.normalizeBody(title));
        }
        if (body.isBlank()) {
            throw new MalformedArticleException("no article text after the front matter");
        }
        if (title.isEmpty()) {
            title = Texts.deriveTitle(body);
        }
        String id = url.isEmpty() ? ArticleIds.forFile(path) : ArticleIds.forUrl(url);
        var meta = new ArticleMeta(
                id,
                title,
                Fields.names(front, YAML_FIELDS, "source", "outlet"),
                date,
                url,
                path.normalize().toString(),
                Fields.names(front, YAML_FIELDS, "author", "authors"),
                Fields.names(front, YAML_FIELDS, "category"));
        return Article.of(meta, body);
    }

    /** Offset of the first "---" or "..." line at or after {@code from}, or -1. */
    private static int closingLine(String s, int from) {
        int lineStart = from;
        while (lineStart > 0 && lineStart <= s.length()) {
            int lineEnd = s.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? s.substring(lineStart) : s.substring(lineStart, lineEnd)).strip();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static JsonNode readFrontMatter(String yaml) throws MalformedArticleException {
        if (yaml.isBlank()) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new MalformedArticleException("front matter is not a YAML mapping of keys to values");
            }
            refuseAliases(yaml);
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // +1: the front matter starts on the file's second line
            String where = at == null ? "" : " at line " + (at.getLineNr() + 1) + ", column " + at.getColumnNr();
            throw new MalformedArticleException("broken YAML front matter" + where + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Jackson reads an alias ({@code title: *d}) as the text {@code d}, not as the anchored value: a front matter with
     * an alias is refused, naming the field, rather than read wrong.
     */
    private static void refuseAliases(String yaml) throws JsonProcessingException, MalformedArticleException {
        try (YAMLParser p = (YAMLParser) YAML.createParser(yaml)) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) {
                    String field = null;
                    for (JsonStreamContext c = p.getParsingContext(); c != null && field == null; c = c.getParent()) {
                        field = c.getCurrentName();
                    }
                    String what = field == null ? "front matter uses" : "field '" + field + "' is";
                    throw new MalformedArticleException(
                            what + " a YAML alias (*" + p.getText() + "), which is not read: write the value itself");
                }
            }
        } catch (JsonProcessingException | MalformedArticleException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a String source does no I/O
        }
    }

    private static String dropFirstParagraphIf(String body, String paragraph) {
        if (body.equals(paragraph)) {
            return "";
        }
        return body.startsWith(paragraph + "\n\n") ? body.substring(paragraph.length() + 2) : body;
    }
}
