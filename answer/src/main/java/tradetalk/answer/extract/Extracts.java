package tradetalk.answer.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Sentences;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;

/**
 * Sentence selection for extractive status reports and summaries: splits passages into sentences (datelines such as
 * "WASHINGTON • " removed), embeds them with the index's {@link Embedder} (a caching one in production), and scores them by
 * centrality and maximal marginal relevance. Thread-safe.
 */
public final class Extracts {

    /** Sentences with fewer words are fragments ("Stocks rose.") that say too little alone. */
    static final int MIN_WORDS = 5;
    /** Distinct content words at which a sentence counts as fully substantial. */
    static final int SUBSTANTIAL_TERMS = 15;
    /** Distinct commitment words at which a sentence counts as stating a decision in full. */
    static final int SUBSTANTIAL_COMMITMENTS = 3;

    private static final List<List<String>> COMMITMENTS = commitments();
    private static final Pattern LEANING =
            Pattern.compile("[\"“‘']|(?:I|We|You|He|She|It|They|That|This|These|Those|His|Her|Their|Its)\\b"
                    + "|(?:But|And|Still|Yet|So|However|Also),?\\s+(?:\\w+\\s+){0,2}?(?:he|she|they|it|that|this)\\b");
    /** Connectives that answer an earlier sentence wherever they stand ("Officials were nevertheless eager..."). */
    private static final Pattern ANSWERING = Pattern.compile(
            "\\b(?:nevertheless|nonetheless|however|meanwhile|instead|likewise|moreover|furthermore)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Embedder embedder;

    public Extracts(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * One sentence of an article.
     *
     * @param passage  the passage it came from
     * @param position its position among the article's sentences, from 0 (0 = the lead)
     * @param text     the sentence, dateline removed
     * @param vector   its unit-length embedding
     */
    public record Sentence(Passage passage, int position, String text, float[] vector) {

        public String articleId() {
            return passage.article().id();
        }

        public LocalDate date() {
            return passage.article().publishedAt();
        }

        /** Cosine similarity to another sentence. */
        public double similarity(Sentence o) {
            return Vectors.dot(vector, o.vector);
        }
    }

    /** The vector of a search-like text such as a topic. */
    public float[] query(String text) {
        return embedder.embedQuery(text);
    }

    /**
     * The sentences of one article's passages (given in reading order), with vectors. Fragments under
     * {@value #MIN_WORDS} words and repeats of an earlier sentence (same words, case-insensitive) are left out.
     */
    public List<Sentence> sentences(List<Passage> passages) {
        Unembedded u = unembedded(passages);
        return u.with(embedder.embedPassages(u.texts()));
    }

    /**
     * The sentences {@link #sentences} returns, before they are embedded: for a caller that embeds their texts
     * together with others, in one pass.
     *
     * @param owners    the passage of each sentence
     * @param positions the position of each among its article's sentences
     * @param texts     the sentences
     */
    public record Unembedded(List<Passage> owners, List<Integer> positions, List<String> texts) {

        /** The sentences with their vectors (in the order of {@link #texts}). */
        public List<Sentence> with(List<float[]> vectors) {
            List<Sentence> out = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                out.add(new Sentence(owners.get(i), positions.get(i), texts.get(i), vectors.get(i)));
            }
            return out;
        }
    }

    /** The sentences of one article's passages (in reading order), not embedded yet; see {@link #sentences}. */
    public static Unembedded unembedded(List<Passage> passages) {
        List<Passage> owners = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (Passage p : passages) {
            List<String> split = Sentences.split(p.text());
            for (int i = 0; i < split.size(); i++) {
                String s = p.ordinal() == 0 && i == 0 ? Sentences.stripDateline(split.get(i)) : split.get(i);
                int pos = position++;
                if (s.split("\\s+").length < MIN_WORDS || !seen.add(key(s))) {
                    continue;
                }
                owners.add(p);
                positions.add(pos);
                texts.add(s);
            }
        }
        return new Unembedded(owners, positions, texts);
    }

    /** A sentence's words, lower case, for spotting exact repeats. */
    public static String key(String sentence) {
        return sentence.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    /** The normalised mean of the sentences' vectors: what they say on the whole. */
    public static float[] centroid(List<Sentence> sentences) {
        if (sentences.isEmpty()) {
            return new float[0];
        }
        float[] c = new float[sentences.getFirst().vector().length];
        for (Sentence s : sentences) {
            for (int i = 0; i < c.length; i++) {
                c[i] += s.vector()[i];
            }
        }
        return Vectors.normalize(c);
    }

    /** Each sentence's cosine similarity to the centroid of all of them: how central it is. */
    public static double[] centrality(List<Sentence> sentences) {
        float[] c = centroid(sentences);
        double[] out = new double[sentences.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.dot(c, sentences.get(i).vector());
        }
        return out;
    }

    /** Each sentence's cosine similarity to a vector. */
    public static double[] similarity(List<Sentence> sentences, float[] v) {
        double[] out = new double[sentences.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.dot(v, sentences.get(i).vector());
        }
        return out;
    }

    /** Scales values to 0..1 (all 1 when they are equal). */
    public static double[] minMax(double[] values) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = max > min ? (values[i] - min) / (max - min) : 1;
        }
        return out;
    }

    /** The highest cosine similarity of {@code s} to any of {@code others}; -1 when there are none. */
    public static double maxSimilarity(Sentence s, List<Sentence> others) {
        double best = -1;
        for (Sentence o : others) {
            best = Math.max(best, s.similarity(o));
        }
        return best;
    }

    /**
     * Maximal marginal relevance: picks up to {@code k} sentences, each time the one with the best
     * {@code lambda * relevance - (1 - lambda) * similarity to those already picked}. A sentence nearly the same as
     * one already picked (cosine at least {@code duplicate}) is never picked.
     *
     * @return the indexes of the picked sentences, in the order picked
     */
    public static List<Integer> mmr(
            List<Sentence> sentences, double[] relevance, int k, double lambda, double duplicate) {
        List<Integer> picked = new ArrayList<>();
        List<Sentence> chosen = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (picked.size() < k) {
            int best = -1;
            double bestScore = -Double.MAX_VALUE;
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                if (picked.contains(i) || keys.contains(key(s.text()))) {
                    continue;
                }
                double redundancy = chosen.isEmpty() ? 0 : maxSimilarity(s, chosen);
                if (redundancy >= duplicate) {
                    continue;
                }
                double score = lambda * relevance[i] - (1 - lambda) * Math.max(0, redundancy);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            picked.add(best);
            chosen.add(sentences.get(best));
            keys.add(key(sentences.get(best).text()));
        }
        return picked;
    }

    /**
     * How much a sentence says, from 0 to 1: half its number of distinct content words (stop words removed, stemmed)
     * over {@value #SUBSTANTIAL_TERMS}, capped at 1, half the number of distinct commitment words it holds (what is
     * agreed, bought, imposed, paused, promised: {@code commitments.txt}) over {@value #SUBSTANTIAL_COMMITMENTS},
     * capped at 1. "Stocks rose." says less than a sentence naming who agreed to what in return for what.
     */
    public static double substance(Sentence s) {
        Set<String> terms = new HashSet<>(TextAnalysis.terms(s.text()));
        long commitments =
                COMMITMENTS.stream().filter(c -> terms.containsAll(c)).count();
        return 0.5 * Math.min(1.0, terms.size() / (double) SUBSTANTIAL_TERMS)
                + 0.5 * Math.min(1.0, commitments / (double) SUBSTANTIAL_COMMITMENTS);
    }

    private static List<List<String>> commitments() {
        try (var in = Extracts.class.getResourceAsStream("commitments.txt")) {
            if (in == null) {
                throw new IllegalStateException("commitments.txt is missing from the classpath");
            }
            List<List<String>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                List<String> t = line.isBlank() || line.startsWith("#") ? List.of() : TextAnalysis.terms(line);
                if (!t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
            return List.copyOf(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * 1 for a sentence that stands on its own, 0 for one that leans on what came before it: it opens with a quotation
     * mark or a pronoun ("I think...", "He said...", "That is when..."), or with a connective and a pronoun ("But
     * when he announced..."), or answers an earlier sentence ("nevertheless", "however").
     */
    public static double standalone(Sentence s) {
        return LEANING.matcher(s.text()).lookingAt()
                        || ANSWERING.matcher(s.text()).find()
                ? 0
                : 1;
    }

    /**
     * How well each sentence would serve as a headline about a topic: relevance to the topic, centrality among the
     * sentences, closeness to a lead and standing alone (what the status headline quotes, and the offline composer's
     * answer to a question about a day or the latest).
     */
    public static double[] headlineScores(List<Sentence> sentences, float[] topicVector) {
        double[] topic = minMax(similarity(sentences, topicVector));
        double[] central = minMax(centrality(sentences));
        double[] score = new double[sentences.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = 0.35 * topic[i]
                    + 0.3 * central[i]
                    + 0.2 * lead(sentences.get(i))
                    + 0.15 * standalone(sentences.get(i));
        }
        return score;
    }

    /** A bonus for leading sentences, where news puts what matters: 1 for the lead, falling with position. */
    public static double lead(Sentence s) {
        return 1.0 / (1.0 + s.position() / 3.0);
    }
}
