package tradetalk.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.CitedAnswer;
import tradetalk.retrieval.ArticleMeta;

/**
 * Discord text for answers, pure functions without JDA: a sources block with links that do not unfurl, and splitting into messages Discord accepts (never inside a {@code [n]} marker or a link, code fences
 * closed and reopened). Mentions are defused by {@link Messages}, which sends everything.
 */
public final class DiscordFormat {

    /** Discord's limit for message content. */
    public static final int MAX_CONTENT = 2000;
    /** Discord's limit for an embed description. */
    public static final int MAX_DESCRIPTION = 4096;
    /** Discord's limit for an embed field value. */
    public static final int MAX_FIELD = 1024;
    /** Discord's limit for all the text of a message's embeds together. */
    public static final int MAX_EMBED_TOTAL = 6000;

    private static final String FENCE = "```";
    /** Spans a message must never be cut inside: [n] markers, masked links, bracketed and bare URLs. */
    private static final Pattern UNBREAKABLE = Pattern.compile("(?i:" + CitationMarkers.MARKER_TEXT
            + ")|\\[[^\\]\\n]*\\]\\(<[^>\\s]*>\\)|<https?://[^>\\s]*>|https?://\\S+");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]*\\s");

    private DiscordFormat() {
        throw new UnsupportedOperationException("utility class");
    }

    /** A whole cited answer: the text, a fallback note, then the sources (or nearest sources when abstaining). */
    public static String answer(CitedAnswer a) {
        StringBuilder sb = new StringBuilder(marked(a.answer(), a.sentences()).strip());
        if (a.fallback() != null) {
            sb.append("\n\n_(The model could not answer: ")
                    .append(a.fallback())
                    .append("; answered from the articles directly.)_");
        }
        List<Citation> list = a.abstained() ? a.nearest() : a.citations();
        sb.append(sources(a.abstained() ? "Nearest sources" : "Sources", list));
        return sb.toString();
    }

    /**
     * Text with each kept sentence its cited source does not support in italics, followed by "(not found in the
     * cited source)".
     */
    public static String marked(String text, List<CheckedSentence> sentences) {
        return CheckedSentence.marked(
                text, sentences, s -> "*" + s.replace("*", "\\*") + "* " + CheckedSentence.NOT_FOUND);
    }

    /** A sources block ("\n\n**Sources**\n[1] ...") or "" when there are none. */
    public static String sources(String heading, List<Citation> citations) {
        if (citations.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n\n**").append(heading).append("**");
        for (Citation c : citations) {
            sb.append("\n[").append(c.n()).append("] ").append(sourceLine(c.article()));
        }
        return sb.toString();
    }

    /**
     * One source: "Outlet, 2019-11-26, [Title](<url>)", or the title and the file name when there is no URL. Links are
     * wrapped in {@code <>} so Discord shows no preview.
     */
    public static String sourceLine(ArticleMeta a) {
        StringBuilder sb = new StringBuilder();
        if (!a.source().isBlank()) {
            sb.append(escape(a.source())).append(", ");
        }
        if (a.publishedAt() != null) {
            sb.append(a.publishedAt()).append(", ");
        }
        String title = escape(a.title().isBlank() ? "(untitled)" : a.title());
        if (isWebUrl(a.url())) {
            sb.append("[")
                    .append(title)
                    .append("](<")
                    .append(a.url().replace(">", "%3E"))
                    .append(">)");
        } else if (!a.path().isBlank()) {
            String file = a.path().replace('\\', '/');
            file = file.substring(file.lastIndexOf('/') + 1);
            sb.append('"')
                    .append(title)
                    .append("\" (file `")
                    .append(file.replace("`", "'"))
                    .append("`)");
        } else {
            sb.append('"').append(title).append('"');
        }
        return sb.toString();
    }

    private static boolean isWebUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && !url.contains(" ");
    }

    /** Escapes Discord markdown in text taken from articles (titles, outlets). */
    public static String escape(String text) {
        return text.replaceAll("([*_~`|>\\[\\]\\\\])", "\\\\$1").replace("\n", " ");
    }

    /** Cuts text to at most {@code max} characters at a line or word boundary, ending with "…" when cut. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, Math.max(0, max - 1));
        int cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
        if (cut < max / 2) {
            cut = head.length();
        }
        if (cut > 0 && Character.isHighSurrogate(head.charAt(cut - 1))) {
            cut--;
        }
        return head.substring(0, cut).stripTrailing() + "…";
    }

    /** Splits into messages of at most {@link #MAX_CONTENT} characters; see {@link #split(String, int)}. */
    public static List<String> split(String text) {
        return split(text, MAX_CONTENT);
    }

    /**
     * Splits text into parts of at most {@code max} characters, preferring paragraph, then line, then sentence, then
     * word boundaries, never inside a {@code [n]} marker or a link. A part that ends inside a code fence closes it and
     * the next part reopens it (with the same language).
     */
    public static List<String> split(String text, int max) {
        if (max < 40) {
            throw new IllegalArgumentException("max must be at least 40, got " + max);
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        String reopen = "";
        while (!rest.isEmpty()) {
            String body = reopen + rest;
            if (body.length() <= max) {
                parts.add(body);
                break;
            }
            int budget = max - FENCE.length() - 1; // room to close a fence left open
            int cut = cutPoint(body, budget, reopen.length());
            String part = body.substring(0, cut).stripTrailing();
            String openFence = openFenceAtEnd(part);
            if (openFence != null) {
                part = part + "\n" + FENCE;
                reopen = openFence + "\n";
            } else {
                reopen = "";
            }
            parts.add(part);
            rest = body.substring(cut).stripLeading();
        }
        return parts;
    }

    /** Where to cut {@code text} so the head is at most {@code budget} long; always > {@code min}. */
    private static int cutPoint(String text, int budget, int min) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = UNBREAKABLE.matcher(text);
        while (m.find() && m.start() < budget + 1) {
            spans.add(new int[] {m.start(), m.end()});
        }
        int floor = Math.max(min + 1, budget / 3);
        int best = lastValid(text, "\n\n", budget, floor, spans);
        if (best < 0) {
            best = lastValid(text, "\n", budget, floor, spans);
        }
        if (best < 0) {
            Matcher s = SENTENCE_END.matcher(text);
            while (s.find() && s.end() <= budget) {
                int at = s.end();
                if (at > floor && !inside(at, spans)) {
                    best = at;
                }
            }
        }
        if (best < 0) {
            best = lastValid(text, " ", budget, min + 1, spans);
        }
        if (best < 0) {
            best = budget; // one unbreakable run longer than a message: cut it anyway
            if (Character.isHighSurrogate(text.charAt(best - 1))) {
                best--;
            }
        }
        return best;
    }

    private static int lastValid(String text, String sep, int budget, int floor, List<int[]> spans) {
        int from = Math.min(budget, text.length());
        while (true) {
            int at = text.lastIndexOf(sep, from - sep.length());
            if (at < 0) {
                return -1;
            }
            int cut = at + sep.length();
            if (cut <= floor) {
                return -1;
            }
            if (cut <= budget && !inside(cut, spans) && !inside(at, spans)) {
                return cut;
            }
            from = at;
        }
    }

    private static boolean inside(int pos, List<int[]> spans) {
        for (int[] span : spans) {
            if (pos > span[0] && pos < span[1]) {
                return true;
            }
        }
        return false;
    }

    /** The opening fence line (e.g. "```java") when the text ends inside a code block, else null. */
    static String openFenceAtEnd(String text) {
        String open = null;
        int i = 0;
        while ((i = text.indexOf(FENCE, i)) >= 0) {
            if (open == null) {
                int eol = text.indexOf('\n', i);
                String lang =
                        eol < 0 ? "" : text.substring(i + FENCE.length(), eol).strip();
                open = FENCE + (lang.matches("[\\w+#.-]{0,20}") ? lang : "");
            } else {
                open = null;
            }
            i += FENCE.length();
        }
        return open;
    }
}
