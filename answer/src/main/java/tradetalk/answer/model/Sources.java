package tradetalk.answer.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.Sentences;

/**
 * Chooses the passages that go into a prompt and renders them as numbered sources:
 *
 * <pre>
 * [1] Reuters, 2019-11-26, "Title"
 * passage text
 * </pre>
 *
 * <p>Token estimate: one token per four characters, rounded up ({@link #estimateTokens(String)}). It is rough for
 * English (real tokenizers give 3.5 to 4.5 characters per token) and needs no tokenizer for any model.
 */
public final class Sources {

    /** Our own prompt delimiters; removed from data so an article cannot close the sources section early. */
    private static final Pattern DELIMITERS = Pattern.compile("(?i)</?\\s*(sources|question|topic)\\s*>");

    private Sources() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Estimated tokens of a text: characters / 4, rounded up. */
    public static int estimateTokens(String text) {
        return (text.length() + 3) / 4;
    }

    /**
     * The passages to put in the prompt, best first, within {@code budgetTokens} (headers included). A passage that
     * fits is taken whole; one that does not is cut to its leading whole sentences that fit, or skipped when not
     * even its first sentence fits. Duplicate passages are dropped. Texts are sanitised ({@link #sanitize}).
     */
    public static List<Passage> fit(List<SearchHit> evidence, int budgetTokens) {
        List<Passage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int left = budgetTokens;
        for (SearchHit hit : evidence) {
            Passage p = hit.passage();
            if (!seen.add(p.id())) {
                continue;
            }
            String text = sanitize(p.text()).strip();
            int headerCost = estimateTokens(header(out.size() + 1, p.article()) + "\n\n\n");
            if (headerCost + estimateTokens(text) <= left) {
                out.add(withText(p, text));
                left -= headerCost + estimateTokens(text);
                continue;
            }
            StringBuilder kept = new StringBuilder();
            for (String sentence : Sentences.split(text)) {
                String candidate = kept.isEmpty() ? sentence : kept + " " + sentence;
                if (headerCost + estimateTokens(candidate) > left) {
                    break;
                }
                kept.setLength(0);
                kept.append(candidate);
            }
            if (!kept.isEmpty()) {
                out.add(withText(p, kept.toString()));
                left -= headerCost + estimateTokens(kept.toString());
            }
        }
        return out;
    }

    /** The numbered sources block: a header line and the passage text per source, separated by blank lines. */
    public static String render(List<Passage> sources) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            Passage p = sources.get(i);
            if (i > 0) {
                sb.append("\n\n");
            }
            sb.append(header(i + 1, p.article())).append('\n').append(p.text());
        }
        return sb.toString();
    }

    /** {@code [n] Outlet, 2019-11-26, "Title"}; "unknown outlet" and "undated" stand in for missing values. */
    public static String header(int n, ArticleMeta a) {
        String outlet = a.source().isBlank() ? "unknown outlet" : sanitizeLine(a.source());
        String date = a.publishedAt() == null ? "undated" : a.publishedAt().toString();
        return "[" + n + "] " + outlet + ", " + date + ", \"" + sanitizeLine(a.title()) + "\"";
    }

    /** Removes the prompt's own section delimiters ({@code <sources>}, {@code </question>}, ...) from data. */
    public static String sanitize(String data) {
        return DELIMITERS.matcher(data).replaceAll("");
    }

    private static String sanitizeLine(String s) {
        return sanitize(s).replaceAll("\\s+", " ").strip();
    }

    private static Passage withText(Passage p, String text) {
        return text.equals(p.text()) ? p : new Passage(p.id(), p.article(), p.ordinal(), text);
    }
}
