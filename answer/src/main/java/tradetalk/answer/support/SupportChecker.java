package tradetalk.answer.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;

/**
 * Checks a model's sentence against the passages it cites. The sentence is supported when
 * <ol>
 *   <li>every quoted string in it occurs in a cited passage (same words, case and punctuation aside);</li>
 *   <li>every number, amount, percentage, date, month and weekday in it occurs there ({@link Facts}: normal forms,
 *       so "$50 billion" matches "50 billion dollars" and "November 16" matches "Nov. 16-17");</li>
 *   <li>every name it uses occurs there ({@link Names}: on tokens, so "Lighthizer" matches "Robert Lighthizer");</li>
 *   <li>it is close in meaning to some sentence of a cited passage, or two adjacent ones, or the title: cosine of
 *       the sentence vectors at least {@code minSimilarity} (measured on {@code eval/dev/support-check.jsonl}, see
 *       BENCHMARKS.md);</li>
 *   <li>and it agrees with the closest such sentence on negation: "not signed" against "signed" fails.</li>
 * </ol>
 * A cited passage is read with its header (outlet, date, title), which the model saw too. Sentence vectors come from
 * the embedder given, which should cache (the passages' sentences come back often).
 */
public final class SupportChecker implements SentenceVerifier {

    /** The cosine measured on the tune half of the labelled set (BENCHMARKS.md, "Sentence support check"). */
    public static final double DEFAULT_MIN_SIMILARITY = 0.80;

    private static final Pattern DATED_PREFIX = Pattern.compile("^\\s*(?:[-*•]\\s*)?\\d{4}-\\d{2}-\\d{2}\\s*[:–—-]\\s*");
    private static final Pattern MARKERS = Pattern.compile("\\s*\\[[\\d,\\s–-]+]");
    private static final Pattern NEGATION = Pattern.compile(
            "(?i)\\b(?:not|no|never|neither|nor|none|nothing|without|cannot|yet to)\\b|n[’']t\\b");

    private final Embedder embedder;
    private final double minSimilarity;

    /**
     * @param embedder      sentence vectors (the index's model, cached)
     * @param minSimilarity cosine a sentence must reach to some sentence of its cited passages
     */
    public SupportChecker(Embedder embedder, double minSimilarity) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("answer.support-similarity must be -1 to 1, got " + minSimilarity);
        }
        this.minSimilarity = minSimilarity;
    }

    /** The measurements of one sentence: what the verdict is made of (also used by the evaluation). */
    public record Measure(Verdict facts, double similarity, boolean negationAgrees) {

        /** The verdict at threshold {@code min}. */
        public Verdict verdict(double min) {
            if (!facts.supported()) {
                return facts;
            }
            if (similarity < min) {
                return Verdict.unsupported(String.format(Locale.ROOT,
                        "no sentence of the cited source says this (closest %.2f, needs %.2f)", similarity, min));
            }
            if (!negationAgrees) {
                return Verdict.unsupported("the cited source says otherwise (a negation differs)");
            }
            return Verdict.SUPPORTED;
        }
    }

    @Override
    public Verdict verify(String sentence, List<Passage> cited) {
        return measure(sentence, cited).verdict(minSimilarity);
    }

    /** Measures {@code sentence} against {@code cited} without applying the threshold. */
    public Measure measure(String sentence, List<Passage> cited) {
        String clean = MARKERS.matcher(sentence).replaceAll("").strip();
        StringBuilder source = new StringBuilder();
        List<String> singles = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Passage p : cited) {
            var a = p.article();
            source.append(a.source()).append(", ").append(a.publishedAt() == null ? "" : a.publishedAt())
                    .append(", ").append(a.title()).append('\n').append(p.text()).append('\n');
            List<String> ss = Sentences.split(p.text());
            singles.addAll(ss);
            units.add(p.article().title());
            for (int i = 0; i + 1 < ss.size(); i++) {
                units.add(ss.get(i) + " " + ss.get(i + 1));
            }
        }
        Verdict facts = facts(clean, source.toString());
        String meaning = DATED_PREFIX.matcher(clean).replaceFirst("");
        if (meaning.isBlank() || singles.isEmpty()) {
            return new Measure(facts, 0, true);
        }
        List<String> texts = new ArrayList<>();
        texts.add(meaning);
        texts.addAll(singles);
        texts.addAll(units);
        List<float[]> vectors = embedder.embedPassages(texts);
        float[] s = vectors.getFirst();
        double best = -1;
        double bestSingle = -1;
        int closest = 0;
        for (int i = 1; i < vectors.size(); i++) {
            double sim = Vectors.dot(s, vectors.get(i));
            best = Math.max(best, sim);
            if (i <= singles.size() && sim > bestSingle) {
                bestSingle = sim;
                closest = i - 1;
            }
        }
        boolean agrees = negated(meaning) == negated(singles.get(closest));
        return new Measure(facts, best, agrees);
    }

    /** Quotes, numbers, dates and names of {@code sentence} that {@code source} does not have. */
    static Verdict facts(String sentence, String source) {
        Facts mine = Facts.of(sentence);
        Facts theirs = Facts.of(source);
        String sourceWords = " " + Facts.words(source) + " ";
        for (String quote : mine.quotes()) {
            for (String part : quote.split("\\s*(?:\\.\\.\\.|…)\\s*")) {
                if (!part.isBlank() && !sourceWords.contains(" " + part + " ")) {
                    return Verdict.unsupported("the quotation \"" + part + "\" is not in the cited source");
                }
            }
        }
        for (String fact : mine.facts()) {
            if (!theirs.facts().contains(fact)) {
                return Verdict.unsupported(Facts.describe(fact) + " is not in the cited source");
            }
        }
        Set<String> tokens = new HashSet<>(Names.tokens(source));
        for (Map.Entry<String, String> name : Names.of(sentence, Names.lowerCaseWords(source)).entrySet()) {
            if (!tokens.contains(name.getKey())) {
                return Verdict.unsupported(name.getValue() + " is not named in the cited source");
            }
        }
        return Verdict.SUPPORTED;
    }

    static boolean negated(String text) {
        return NEGATION.matcher(text).find();
    }
}
