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
 * that the evidence does not hold the answer reaches the file's {@code threshold}. The file is written by
 * {@code eval/fit_abstention.py} from {@code eval --per-question} output (see the README).
 *
 * <p>Besides the regression, the file may list {@code rules}: a signal above which the composer abstains whatever the
 * probability (e.g. a name in the question that no indexed passage holds).
 *
 * @param features  the signals used, each standardised ({@code (x - mean) / scale}) and weighted
 * @param bias      the intercept
 * @param threshold abstain at this probability or more
 * @param rules     signals that abstain on their own when above their limit
 */
public record AbstentionModel(List<Feature> features, double bias, double threshold, List<Rule> rules) {

    /** Abstain when {@code signal} is above {@code above}. */
    public record Rule(String signal, double above) {}

    /** One weighted signal. */
    public record Feature(String name, double mean, double scale, double weight) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public AbstentionModel {
        features = List.copyOf(features);
        rules = List.copyOf(rules);
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("abstention threshold must be between 0 and 1, got " + threshold);
        }
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
        List<Feature> fs = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            String name = f.path("name").asText("");
            if (!EvidenceSignals.NAMES.contains(name)) {
                throw new IllegalArgumentException("abstention.json: unknown feature '" + name + "'");
            }
            double scale = f.path("scale").asDouble(1);
            fs.add(new Feature(
                    name,
                    f.path("mean").asDouble(0),
                    scale == 0 ? 1 : scale,
                    f.path("weight").asDouble()));
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            String name = r.path("signal").asText("");
            if (!EvidenceSignals.NAMES.contains(name)) {
                throw new IllegalArgumentException("abstention.json: unknown rule signal '" + name + "'");
            }
            rules.add(new Rule(name, r.path("above").asDouble()));
        }
        return new AbstentionModel(
                fs, root.path("bias").asDouble(), root.path("threshold").asDouble(0.5), rules);
    }

    /** The probability that the evidence does not answer the question. */
    public double probability(Map<String, Double> signals) {
        double z = bias;
        for (Feature f : features) {
            z += f.weight() * (signals.getOrDefault(f.name(), 0.0) - f.mean()) / f.scale();
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** True when the composer should abstain. */
    public boolean abstains(Map<String, Double> signals) {
        for (Rule r : rules) {
            if (signals.getOrDefault(r.signal(), 0.0) > r.above()) {
                return true;
            }
        }
        return probability(signals) >= threshold;
    }
}
