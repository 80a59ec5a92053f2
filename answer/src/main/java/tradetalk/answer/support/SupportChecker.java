package tradetalk.answer.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tradetalk.answer.CitationMarkers;
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

    /**
     * A sentence whose content words all occur in its cited passage ({@code coverage} at least this) needs a cosine
     * only this much below the threshold: a long source sentence compressed to its point scores low on cosine.
     */
    static final double LEXICAL_MARGIN = 0.12;

    static final double LEXICAL_COVERAGE = 1.0;
    /** How many of the units most like a sentence its numbers and dates must occur in. */
    private static final int FACT_UNITS = 3;

    private static final int MIN_CLAUSE_WORDS = 4;
    private static final Pattern QUOTE_END = Pattern.compile("(?<=[.!?][\"'”’]{1,3})\\s+(?=[\"“‘]?\\p{Lu})");
    private static final Pattern CLAUSE =
            Pattern.compile(";\\s+|,\\s+(?=(?:and|but|while|which|where|though|although|whereas)\\s)");

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
    public record Measure(Verdict facts, double similarity, double coverage, boolean negationAgrees) {

        /** The verdict at threshold {@code min}. */
        public Verdict verdict(double min) {
            if (!facts.supported()) {
                return facts;
            }
            boolean near = similarity >= min - LEXICAL_MARGIN;
            if (!negationAgrees && near) {
                return Verdict.unsupported("the cited source says otherwise (a negation differs)");
            }
            boolean close = similarity >= min || near && coverage >= LEXICAL_COVERAGE;
            if (!close) {
                return Verdict.unsupported(String.format(
                        Locale.ROOT,
                        "no sentence of the cited source says this (closest %.2f, needs %.2f)",
                        similarity,
                        min));
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
        String clean = CitationMarkers.strip(sentence).strip();
        StringBuilder source = new StringBuilder();
        StringBuilder headers = new StringBuilder();
        List<String> units = new ArrayList<>();
        for (Passage p : cited) {
            var a = p.article();
            String header = a.source() + ", " + (a.publishedAt() == null ? "" : a.publishedAt()) + ", " + a.title();
            headers.append(header).append('\n');
            source.append(header).append('\n').append(p.text()).append('\n');
            units.addAll(units(p.text()));
        }
        String meaning = CitationMarkers.undated(clean);
        if (meaning.isBlank() || units.isEmpty()) {
            return new Measure(facts(clean, source.toString(), source.toString()), 0, 0, true);
        }
        List<String> texts = new ArrayList<>();
        texts.add(meaning);
        texts.addAll(units);
        List<float[]> vectors = embedder.embedPassages(texts);
        float[] s = vectors.getFirst();
        Integer[] order = new Integer[units.size()];
        double[] sims = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            order[i] = i;
            sims[i] = Vectors.dot(s, vectors.get(i + 1));
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sims[y], sims[x]));
        StringBuilder closest = new StringBuilder(headers);
        for (int i = 0; i < Math.min(FACT_UNITS, order.length); i++) {
            closest.append(units.get(order[i])).append('\n');
        }
        Verdict facts = facts(clean, closest.toString(), source.toString());
        boolean agrees = !Negations.conflict(meaning, units.get(order[0]));
        return new Measure(facts, sims[order[0]], Negations.coverage(meaning, source.toString()), agrees);
    }

    /**
     * What a sentence is compared with: the passage's sentences, their clauses (split at ";" and at ", and",
     * ", but", ", while", ...), their parts at a quotation's end that the sentence splitter keeps together, and
     * pairs of adjacent sentences.
     */
    static List<String> units(String passage) {
        List<String> sentences = Sentences.split(passage);
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String sentence : sentences) {
            out.add(sentence);
            for (String part : QUOTE_END.split(sentence)) {
                out.add(part.strip());
                for (String clause : CLAUSE.split(part)) {
                    if (clause.strip().split("\\s+").length >= MIN_CLAUSE_WORDS) {
                        out.add(clause.strip());
                    }
                }
            }
        }
        for (int i = 0; i + 1 < sentences.size(); i++) {
            out.add(sentences.get(i) + " " + sentences.get(i + 1));
        }
        out.removeIf(String::isBlank);
        return new ArrayList<>(out);
    }

    /**
     * Quotes, numbers, dates and names of {@code sentence} that the source does not have: numbers and dates must be
     * in {@code closest} (the headers and the units most like the sentence), quotes and names anywhere in
     * {@code source}.
     */
    static Verdict facts(String sentence, String closest, String source) {
        Facts mine = Facts.of(sentence);
        Facts theirs = Facts.of(closest);
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
        for (Map.Entry<String, String> name :
                Names.of(sentence, Names.lowerCaseWords(source)).entrySet()) {
            if (!tokens.contains(name.getKey())) {
                return Verdict.unsupported(name.getValue() + " is not named in the cited source");
            }
        }
        return Verdict.SUPPORTED;
    }
}
