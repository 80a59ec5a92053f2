package tradetalk.answer.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When the offline composer abstains: a logistic regression over a few signals of the question's evidence
 * ({@link EvidenceSignals}), read from {@code abstention.json} beside this class. It abstains when the probability
 * that the evidence does not hold the answer reaches the regression's {@code threshold}. The file is written by
 * {@code eval/fit_abstention.py} from {@code eval --per-question} output (see docs/answers.md).
 *
 * <p>A question asked as of a date ({@code dated} signal 1) is judged by the file's {@code as_of} regression when it
 * has one, which may also weigh the date signals (how old the top passage is, what the week's passages hold);
 * an undated question by the top-level one.
 *
 * <p>Besides its weights, a regression may list {@code rules}: a signal above which the composer abstains whatever
 * the probability (e.g. a name in the question that no indexed passage holds).
 *
 * @param undated the regression for questions with no as-of date
 * @param dated   the regression for questions asked as of a date; null to use {@code undated} for them too
 */
public record AbstentionModel(Regression undated, Regression dated) {

    /** Abstain when {@code signal} is above {@code above}. */
    public record Rule(String signal, double above) {}

    /** One weighted signal. */
    public record Feature(String name, double mean, double scale, double weight) {}

    /**
     * A logistic regression.
     *
     * @param features  the signals used, each standardised ({@code (x - mean) / scale}) and weighted
     * @param bias      the intercept
     * @param threshold abstain at this probability or more
     * @param rules     signals that abstain on their own when above their limit
     */
    public record Regression(List<Feature> features, double bias, double threshold, List<Rule> rules) {

        public Regression {
            features = List.copyOf(features);
            rules = List.copyOf(rules);
            if (threshold <= 0 || threshold >= 1) {
                throw new IllegalArgumentException("abstention threshold must be between 0 and 1, got " + threshold);
            }
        }

        /** The probability that the evidence does not answer the question. */
        public double probability(Map<String, Double> signals) {
            double z = bias;
            for (Feature f : features) {
                z += f.weight() * (signals.getOrDefault(f.name(), 0.0) - f.mean()) / f.scale();
            }
            return 1 / (1 + Math.exp(-z));
        }

        /** True when a rule fires or the probability reaches the threshold. */
        public boolean abstains(Map<String, Double> signals) {
            for (Rule r : rules) {
                if (signals.getOrDefault(r.signal(), 0.0) > r.above()) {
                    return true;
                }
            }
            return probability(signals) >= threshold;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public AbstentionModel {
        java.util.Objects.requireNonNull(undated, "undated");
    }

    /** The model shipped with Tradetalk. */
    public static AbstentionModel bundled() {
        try (InputStream in = AbstentionModel.class.getResourceAsStream("abstention.json")) {
            if (in == null) {
                throw new IllegalStateException("abstention.json is missing from the classpath");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AbstentionModel parse(JsonNode root) {
        JsonNode asOf = root.path("as_of");
        return new AbstentionModel(regression(root), asOf.isObject() ? regression(asOf) : null);
    }

    private static Regression regression(JsonNode node) {
        List<Feature> fs = new ArrayList<>();
        for (JsonNode f : node.path("features")) {
            double scale = f.path("scale").asDouble(1);
            fs.add(new Feature(
                    signal(f.path("name").asText(""), "feature"),
                    f.path("mean").asDouble(0),
                    scale == 0 ? 1 : scale,
                    f.path("weight").asDouble()));
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : node.path("rules")) {
            rules.add(new Rule(
                    signal(r.path("signal").asText(""), "rule signal"),
                    r.path("above").asDouble()));
        }
        return new Regression(
                fs, node.path("bias").asDouble(), node.path("threshold").asDouble(0.5), rules);
    }

    private static String signal(String name, String what) {
        if (!EvidenceSignals.NAMES.contains(name)) {
            throw new IllegalArgumentException("abstention.json: unknown " + what + " '" + name + "'");
        }
        return name;
    }

    /** The regression that judges these signals: the as-of one for a dated question, when there is one. */
    public Regression regression(Map<String, Double> signals) {
        return dated != null && signals.getOrDefault("dated", 0.0) > 0 ? dated : undated;
    }

    /** The probability that the evidence does not answer the question. */
    public double probability(Map<String, Double> signals) {
        return regression(signals).probability(signals);
    }

    /** True when the composer should abstain. */
    public boolean abstains(Map<String, Double> signals) {
        return regression(signals).abstains(signals);
    }
}
