package tradetalk.ingest.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.Rejected;

/**
 * Article records in JSON: an array of objects, a single object, or JSON Lines (one object per line). Fields are
 * MultiHop-RAG's ({@code title, author, source, published_at, category, url, body}) with the aliases {@code date},
 * {@code text}/{@code content}, {@code outlet} and {@code link}. A bad record is rejected as {@code file#N} (N counts
 * records of an array from 1, or lines of a JSON Lines file) and the others are read.
 */
final class JsonArticles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonArticles() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Reads a .json file: an array of records or one record. A syntax error rejects the whole file. */
    static ReadResult readJson(String text, Path path, ArticleCheck check) {
        String name = path.normalize().toString();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return rejected(name, "broken JSON" + where(e, true) + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return rejected(name, "empty file");
        }
        if (root.isObject()) {
            try {
                return new ReadResult(List.of(check.checked(toArticle(root, path))), List.of());
            } catch (MalformedArticleException e) {
                return rejected(name, e.reason());
            }
        }
        if (!root.isArray()) {
            return rejected(
                    name,
                    "expected a JSON array of article objects or one article object, found "
                            + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        List<Article> articles = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        int n = 0;
        for (JsonNode record : root) {
            n++;
            try {
                articles.add(check.checked(toArticle(record, path)));
            } catch (MalformedArticleException e) {
                rejected.add(new Rejected(name + "#" + n, e.reason()));
            }
        }
        if (n == 0) {
            rejected.add(new Rejected(name, "empty JSON array: no articles"));
        }
        return new ReadResult(articles, rejected);
    }

    /** Reads a JSON Lines file; blank lines are skipped but counted, so {@code file#N} is line N. */
    static ReadResult readJsonLines(String text, Path path, ArticleCheck check) {
        String name = path.normalize().toString();
        List<Article> articles = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String source = name + "#" + (i + 1);
            try {
                articles.add(check.checked(toArticle(JSON.readTree(line), path)));
            } catch (JsonProcessingException e) {
                rejected.add(new Rejected(source, "broken JSON" + where(e, false) + ": " + e.getOriginalMessage()));
            } catch (MalformedArticleException e) {
                rejected.add(new Rejected(source, e.reason()));
            }
        }
        return new ReadResult(articles, rejected);
    }

    private static Article toArticle(JsonNode record, Path path) throws MalformedArticleException {
        if (!record.isObject()) {
            throw new MalformedArticleException("record is not a JSON object");
        }
        String body = Texts.normalizeBody(Fields.text(record, Fields.Syntax.JSON, "body", "text", "content"));
        if (body.isEmpty()) {
            throw new MalformedArticleException("record has no text (no 'body', 'text' or 'content')");
        }
        String dateText = Fields.text(record, Fields.Syntax.JSON, "published_at", "date");
        var date = Dates.parse(dateText);
        String title = Texts.normalizeBody(Fields.text(record, Fields.Syntax.JSON, "title"));
        if (title.isEmpty()) {
            title = Texts.deriveTitle(body);
        }
        String source = Fields.names(record, Fields.Syntax.JSON, "source", "outlet");
        String url = Fields.text(record, Fields.Syntax.JSON, "url", "link");
        String id = url.isEmpty()
                ? ArticleIds.forRecord(source, title, date == null ? "" : date.toString())
                : ArticleIds.forUrl(url);
        var meta = new ArticleMeta(
                id,
                title,
                source,
                date,
                url,
                path.normalize().toString(),
                Fields.names(record, Fields.Syntax.JSON, "author", "authors"),
                Fields.names(record, Fields.Syntax.JSON, "category"));
        return Article.of(meta, body);
    }

    private static String where(JsonProcessingException e, boolean withLine) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 0) {
            return "";
        }
        return withLine
                ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                : " at column " + at.getColumnNr();
    }

    private static ReadResult rejected(String source, String reason) {
        return new ReadResult(List.of(), List.of(new Rejected(source, reason)));
    }
}
