package tradetalk.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.Vectors;

/**
 * Groups questions by meaning: each question joins the group whose centroid its embedding is most similar to (cosine,
 * the project's embedding model), if that similarity reaches the threshold, else starts a group. Questions written
 * the same way (case and spacing aside) are embedded once.
 */
public final class DeclinedGroups {

    /**
     * A group of questions asking for the same thing.
     *
     * @param count    how many questions it holds
     * @param question the one nearest the group's centroid, to stand for it
     * @param examples other wordings, most frequent first (at most {@link #EXAMPLES})
     */
    public record Group(int count, String question, List<String> examples) {}

    /** Wordings shown besides the one that stands for a group. */
    public static final int EXAMPLES = 3;

    private final Embedder embedder;
    private final double threshold;

    /**
     * @param threshold cosine similarity at which a question joins a group ({@code insights.group-similarity})
     */
    public DeclinedGroups(Embedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    /** The groups of {@code questions}, largest first (ties: the one asked first). */
    public List<Group> group(List<String> questions) {
        Map<String, List<String>> byWording = new LinkedHashMap<>();
        for (String q : questions) {
            if (q != null && !q.isBlank()) {
                byWording.computeIfAbsent(key(q), k -> new ArrayList<>()).add(q.strip());
            }
        }
        if (byWording.isEmpty()) {
            return List.of();
        }
        List<List<String>> wordings = new ArrayList<>(byWording.values());
        List<float[]> vectors =
                embedder.embedPassages(wordings.stream().map(List::getFirst).toList());
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < wordings.size(); i++) {
            float[] v = Vectors.normalize(vectors.get(i).clone());
            Cluster best = null;
            double bestSim = threshold;
            for (Cluster c : clusters) {
                double sim = Vectors.dot(v, c.centroid());
                if (sim >= bestSim) {
                    best = c;
                    bestSim = sim;
                }
            }
            if (best == null) {
                best = new Cluster(new float[v.length], new ArrayList<>(), new ArrayList<>());
                clusters.add(best);
            }
            best.add(wordings.get(i), v);
        }
        return clusters.stream()
                .sorted(Comparator.comparingInt(Cluster::count).reversed())
                .map(Cluster::toGroup)
                .toList();
    }

    private static String key(String q) {
        return q.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A group being built: the sum of its members' vectors, and its wordings with their vectors. */
    private record Cluster(float[] sum, List<List<String>> wordings, List<float[]> vectors) {

        void add(List<String> asked, float[] v) {
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d] * asked.size();
            }
            wordings.add(asked);
            vectors.add(v);
        }

        float[] centroid() {
            return Vectors.normalize(sum.clone());
        }

        int count() {
            return wordings.stream().mapToInt(List::size).sum();
        }

        Group toGroup() {
            float[] c = centroid();
            int central = 0;
            for (int i = 1; i < vectors.size(); i++) {
                if (Vectors.dot(vectors.get(i), c) > Vectors.dot(vectors.get(central), c)) {
                    central = i;
                }
            }
            String stands = wordings.get(central).getFirst();
            List<String> others = new ArrayList<>();
            wordings.stream()
                    .filter(w -> !w.getFirst().equals(stands))
                    .sorted(Comparator.comparingInt((List<String> w) -> w.size())
                            .reversed())
                    .limit(EXAMPLES)
                    .forEach(w -> others.add(w.getFirst()));
            return new Group(count(), stands, others);
        }
    }
}
