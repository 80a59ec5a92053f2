package tradetalk.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to plain text, enough for news articles: headings, list items and code blocks become paragraphs of their
 * own; emphasis, inline code, links (kept as their text), images, HTML tags and reference definitions are stripped.
 */
final class MarkdownText {

    private static final Pattern FENCE = Pattern.compile("^\\h{0,3}(```|~~~).*");
    private static final Pattern ATX_HEADING = Pattern.compile("^\\h{0,3}(#{1,6})\\h+(.*?)(?:\\h+#+)?\\h*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\h{0,3}(=+|-+)\\h*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\h*(?:[-*+]|\\d{1,9}[.)])\\h+(.*)$");
    /*
     * Quote markers as one character class, never a repeated group: java.util.regex recurses once per repetition of a
     * group, so "(?:>\\h?)+" overflowed the stack on a line of 5,000 '>'. A character class repeats in a loop.
     */
    private static final Pattern QUOTE = Pattern.compile("^\\h{0,3}>[>\\h]*");
    private static final Pattern REF_DEFINITION = Pattern.compile("^\\h{0,3}\\[[^\\]]+]:\\h*\\S+.*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)|!\\[[^\\]]*]\\[[^\\]]*]");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>|<!--.*?-->");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EM_STAR = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
    private static final Pattern EM_UNDERSCORE =
            Pattern.compile("(?<![\\p{L}\\p{N}_])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}_])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|])");

    private MarkdownText() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A heading found while converting. */
    record Heading(int level, String text) {}

    /** The plain text and the headings of a markdown document. */
    record Converted(String text, List<Heading> headings) {}

    static Converted convert(String markdown) {
        List<String> paragraphs = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inCode = false;
        String fence = "";
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatch = FENCE.matcher(line);
            if (inCode) {
                if (fenceMatch.matches() && fenceMatch.group(1).equals(fence)) {
                    inCode = false;
                    if (!current.isEmpty() && !current.toString().isBlank()) {
                        paragraphs.add(current.toString().strip());
                    }
                    current.setLength(0);
                } else {
                    current.append(line).append('\n');
                }
                continue;
            }
            if (fenceMatch.matches()) {
                flush(current, paragraphs);
                inCode = true;
                fence = fenceMatch.group(1);
                continue;
            }
            if (line.isBlank() || isRule(line) || REF_DEFINITION.matcher(line).matches()) {
                flush(current, paragraphs);
                continue;
            }
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                flush(current, paragraphs);
                String text = inline(heading.group(2));
                headings.add(new Heading(heading.group(1).length(), text));
                paragraphs.add(text);
                continue;
            }
            if (!current.isEmpty() && SETEXT_UNDERLINE.matcher(line).matches()) {
                // underline of a multi-line paragraph: treat as a break
                flush(current, paragraphs);
                continue;
            }
            if (current.isEmpty()
                    && i + 1 < lines.length
                    && SETEXT_UNDERLINE.matcher(lines[i + 1]).matches()
                    && !LIST_ITEM.matcher(line).matches()) {
                String text = inline(QUOTE.matcher(line).replaceFirst("").strip());
                headings.add(new Heading(lines[i + 1].strip().startsWith("=") ? 1 : 2, text));
                paragraphs.add(text);
                i++;
                continue;
            }
            String content = QUOTE.matcher(line).replaceFirst("");
            Matcher item = LIST_ITEM.matcher(content);
            if (item.matches()) {
                flush(current, paragraphs);
                content = item.group(1);
            }
            current.append(content).append('\n');
        }
        flush(current, paragraphs);
        return new Converted(String.join("\n\n", paragraphs), headings);
    }

    /**
     * A thematic break: three or more of the same '-', '*' or '_', spaces allowed between, at most three spaces of
     * indent. Checked by hand: the regular expression for it repeats a group and recursed once per character.
     */
    static boolean isRule(String line) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
            indent++;
        }
        if (indent > 3 || indent == line.length()) {
            return false;
        }
        char mark = line.charAt(indent);
        if (mark != '-' && mark != '*' && mark != '_') {
            return false;
        }
        int marks = 0;
        for (int k = indent; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == mark) {
                marks++;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return marks >= 3;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String text = current.toString();
        current.setLength(0);
        if (!text.isBlank()) {
            paragraphs.add(inline(text).strip());
        }
    }

    /** Inline markup to text. Code spans are protected from the emphasis rules. */
    static String inline(String s) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE_SPAN.matcher(s);
        StringBuilder b = new StringBuilder();
        while (code.find()) {
            codes.add(code.group(2).strip());
            code.appendReplacement(b, "\u0000" + (codes.size() - 1) + "\u0000");
        }
        code.appendTail(b);
        String t = b.toString();
        t = IMAGE.matcher(t).replaceAll("");
        t = INLINE_LINK.matcher(t).replaceAll("$1");
        t = REF_LINK.matcher(t).replaceAll("$1");
        t = AUTOLINK.matcher(t).replaceAll("$1");
        t = HTML_TAG.matcher(t).replaceAll("");
        t = STRONG.matcher(t).replaceAll("$2");
        t = EM_STAR.matcher(t).replaceAll("$1");
        t = EM_UNDERSCORE.matcher(t).replaceAll("$1");
        t = STRIKE.matcher(t).replaceAll("$1");
        t = ESCAPE.matcher(t).replaceAll("$1");
        for (int i = 0; i < codes.size(); i++) {
            t = t.replace("\u0000" + i + "\u0000", codes.get(i));
        }
        return t;
    }
}
