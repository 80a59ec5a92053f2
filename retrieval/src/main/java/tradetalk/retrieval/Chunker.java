package tradetalk.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article into passages of whole sentences of about {@code targetWords} words, never cutting a sentence.
 * Consecutive passages may share {@code overlapSentences} sentences so that a fact that spans a boundary is found.
 */
public final class Chunker {

    private final int targetWords;
    private final int overlapSentences;

    public Chunker(int targetWords, int overlapSentences) {
        if (targetWords < 10) {
            throw new IllegalArgumentException("index.passage-words must be at least 10, got " + targetWords);
        }
        if (overlapSentences < 0 || overlapSentences > 3) {
            throw new IllegalArgumentException("index.passage-overlap must be 0 to 3, got " + overlapSentences);
        }
        this.targetWords = targetWords;
        this.overlapSentences = overlapSentences;
    }

    /** The passages of an article, in order. */
    public List<Passage> split(Article article) {
        List<String> sentences = Sentences.split(article.body());
        List<Passage> out = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            int words = 0;
            int j = i;
            while (j < sentences.size() && (j == i || words + wordCount(sentences.get(j)) <= targetWords * 1.3)) {
                words += wordCount(sentences.get(j));
                j++;
                if (words >= targetWords) {
                    break;
                }
            }
            // fold a short tail into this passage instead of leaving a fragment
            if (j < sentences.size() && remainingWords(sentences, j) < targetWords / 3) {
                j = sentences.size();
            }
            String text = String.join(" ", sentences.subList(i, j));
            out.add(new Passage(article.id() + "#" + out.size(), article.meta(), out.size(), text));
            if (j >= sentences.size()) {
                break;
            }
            i = Math.max(i + 1, j - overlapSentences);
        }
        return out;
    }

    private static int remainingWords(List<String> sentences, int from) {
        int w = 0;
        for (int k = from; k < sentences.size(); k++) {
            w += wordCount(sentences.get(k));
        }
        return w;
    }

    static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int k = 0; k < s.length(); k++) {
            boolean ws = Character.isWhitespace(s.charAt(k));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }
}
