package tradetalk.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article into passages of whole sentences of about {@code targetWords} words, never cutting a sentence
 * (unless one is longer than a passage may be).
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

    /** The words a passage holds about ({@code index.passage-words}). */
    public int targetWords() {
        return targetWords;
    }

    /** The passages of an article, in order. Linear in the length of the article. */
    public List<Passage> split(Article article) {
        return split(article, cutOverlong(Sentences.split(article.body())));
    }

    /**
     * Sentences as they are, except that a "sentence" of more than {@code 1.3 × targetWords} words (text without
     * sentence punctuation, such as a transcript or a list) is cut into runs of {@code targetWords} words: one
     * passage must not hold megabytes.
     */
    private List<String> cutOverlong(List<String> sentences) {
        int max = (int) (targetWords * 1.3);
        List<String> out = null;
        for (int k = 0; k < sentences.size(); k++) {
            String sentence = sentences.get(k);
            if (wordCount(sentence) <= max) {
                if (out != null) {
                    out.add(sentence);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(sentences.subList(0, k));
            }
            String[] words = sentence.split(" ");
            for (int w = 0; w < words.length; w += targetWords) {
                out.add(String.join(
                        " ", java.util.Arrays.asList(words).subList(w, Math.min(words.length, w + targetWords))));
            }
        }
        return out == null ? sentences : out;
    }

    /** The passages made of {@code sentences}; each sentence is read a fixed number of times, whatever their count. */
    List<Passage> split(Article article, List<String> sentences) {
        int n = sentences.size();
        int[] words = new int[n];
        long[] wordsFrom = new long[n + 1]; // wordsFrom[k]: words in sentences k..n-1
        for (int k = 0; k < n; k++) {
            words[k] = wordCount(sentences.get(k));
        }
        for (int k = n - 1; k >= 0; k--) {
            wordsFrom[k] = wordsFrom[k + 1] + words[k];
        }
        List<Passage> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int total = 0;
            int j = i;
            while (j < n && (j == i || total + words[j] <= targetWords * 1.3)) {
                total += words[j];
                j++;
                if (total >= targetWords) {
                    break;
                }
            }
            // fold a short tail into this passage instead of leaving a fragment
            if (j < n && wordsFrom[j] < targetWords / 3) {
                j = n;
            }
            StringBuilder text = new StringBuilder();
            for (int k = i; k < j; k++) {
                text.append(k > i ? " " : "").append(sentences.get(k));
            }
            out.add(new Passage(article.id() + "#" + out.size(), article.meta(), out.size(), text.toString()));
            if (j >= n) {
                break;
            }
            i = Math.max(i + 1, j - overlapSentences);
        }
        return out;
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
