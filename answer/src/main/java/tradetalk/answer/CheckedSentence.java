package tradetalk.answer;

import java.util.List;

/**
 * One sentence a model wrote, as checked against the passages it cites ({@code sentences} in {@code --json}).
 *
 * @param text      the sentence with its (renumbered) markers; without markers when it was dropped
 * @param citations the numbers of the listed sources it cites (a dropped sentence's sources may not be listed)
 * @param supported true when the cited passages support it
 * @param reason    why not, e.g. "60 billion is not in the cited source"; null when supported
 * @param kept      true when it is in the answer text (supported, or marked with {@code answer.unsupported: mark})
 */
public record CheckedSentence(String text, List<Integer> citations, boolean supported, String reason, boolean kept) {

    /** What Tradetalk appends to a kept sentence its source does not support. */
    public static final String NOT_FOUND = "(not found in the cited source)";

    public CheckedSentence {
        citations = List.copyOf(citations);
    }

    /**
     * {@code text} with each kept, unsupported sentence of {@code sentences} restyled by {@code style} (e.g. in
     * italics followed by {@link #NOT_FOUND}); other text unchanged.
     */
    public static String marked(
            String text, List<CheckedSentence> sentences, java.util.function.UnaryOperator<String> style) {
        String out = text;
        int from = 0;
        for (CheckedSentence s : sentences) {
            if (!s.kept()) {
                continue;
            }
            String find = s.text();
            int at = out.indexOf(find, from);
            if (at < 0) {
                // a status timeline line is shown without the date the model wrote before it
                find = CitationMarkers.undated(find);
                at = find.isEmpty() ? -1 : out.indexOf(find, from);
            }
            if (at < 0) {
                continue;
            }
            String replacement = s.supported() ? find : style.apply(find);
            out = out.substring(0, at) + replacement + out.substring(at + find.length());
            from = at + replacement.length();
        }
        return out;
    }
}
