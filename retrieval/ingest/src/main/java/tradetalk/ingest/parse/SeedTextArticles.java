package tradetalk.ingest.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;

/**
 * The seed plain-text format: a first line {@code " date 2019-11-18 "} followed on the same line by the body,
 * paragraphs separated by blank lines, and optionally a last line naming the outlet in capitals ("BLOOMBERG").
 * A file without the date header is read as plain text with no date.
 */
final class SeedTextArticles {

    private static final Pattern HEADER = Pattern.compile("^\\h*date\\h+(\\d\\S*)\\h*", Pattern.CASE_INSENSITIVE);
    /** 1 to 4 words in capitals, e.g. "BLOOMBERG", "FOX BUSINESS", "THE NEW YORK TIMES", "AP". */
    private static final Pattern OUTLET =
            Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}&.'’-]*(?: \\p{Lu}[\\p{Lu}\\p{N}&.'’-]*){0,3}");

    private static final int MAX_OUTLET_CHARS = 40;

    private SeedTextArticles() {
        throw new UnsupportedOperationException("utility class");
    }

    static Article parse(String text, Path path) throws MalformedArticleException {
        String rest = text;
        Matcher header = HEADER.matcher(text);
        String dateText = null;
        if (header.find()) {
            dateText = header.group(1);
            rest = text.substring(header.end());
        }
        var date = Dates.parse(dateText);
        List<String> paragraphs = new ArrayList<>(Texts.paragraphs(Texts.normalizeBody(rest)));
        String source = "";
        if (paragraphs.size() > 1 && isOutletLine(paragraphs.get(paragraphs.size() - 1))) {
            source = Texts.outletName(paragraphs.remove(paragraphs.size() - 1));
        }
        if (paragraphs.isEmpty()) {
            throw new MalformedArticleException("no article text after the date line");
        }
        String body = String.join("\n\n", paragraphs);
        var meta = new ArticleMeta(
                ArticleIds.forFile(path),
                Texts.deriveTitle(body),
                source,
                date,
                "",
                path.normalize().toString(),
                "",
                "");
        return Article.of(meta, body);
    }

    static boolean isOutletLine(String paragraph) {
        return paragraph.length() <= MAX_OUTLET_CHARS
                && OUTLET.matcher(paragraph).matches()
                && paragraph.codePoints().filter(Character::isLetter).count() >= 2;
    }
}
