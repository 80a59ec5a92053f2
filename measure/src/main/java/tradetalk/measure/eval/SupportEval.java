package tradetalk.measure.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Composition;
import tradetalk.answer.model.ModelComposer;
import tradetalk.answer.model.ModelSettings;
import tradetalk.answer.model.Prompts;
import tradetalk.answer.support.SupportChecker;
import tradetalk.answer.support.UnsupportedPolicy;
import tradetalk.answer.support.Verdict;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.store.ArticleStore;

/**
 * Measures the sentence support check on a labelled set of model answers ({@code eval/dev/support-check.jsonl}):
 * each item's reply goes through a {@link ScriptedChatServer} and a streaming {@link ModelComposer} (mark mode, so
 * every verdict is seen), citing as {@code [1]} the passage of {@code article} that contains {@code anchor}, the
 * article's other passages following. The check "flags" a sentence when it reports it unsupported; precision and
 * recall are of flagging the sentences labelled unsupported. Items at even positions (0-based) are the tune half,
 * odd ones the check half; the threshold sweep is over the tune half only, and its best threshold is the middle of
 * the thresholds with the best F1 there.
 */
public final class SupportEval {

    /** One labelled model answer (one sentence). */
    public record Item(String id, String kind, boolean supported, String article, String anchor, String reply) {}

    /** One item's outcome. */
    public record Outcome(
            Item item,
            boolean flagged,
            String reason,
            double similarity,
            double coverage,
            Verdict facts,
            boolean negationAgrees) {}

    /** Precision and recall of flagging unsupported sentences. */
    public record Score(
            int items, int unsupported, int flagged, int correctlyFlagged, double precision, double recall) {

        static Score of(List<Outcome> outcomes) {
            int unsupported = 0;
            int flagged = 0;
            int correct = 0;
            for (Outcome o : outcomes) {
                unsupported += o.item().supported() ? 0 : 1;
                flagged += o.flagged() ? 1 : 0;
                correct += o.flagged() && !o.item().supported() ? 1 : 0;
            }
            return new Score(
                    outcomes.size(),
                    unsupported,
                    flagged,
                    correct,
                    flagged == 0 ? 0 : round((double) correct / flagged),
                    unsupported == 0 ? 0 : round((double) correct / unsupported));
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", items);
            m.put("unsupported", unsupported);
            m.put("flagged", flagged);
            m.put("precision", precision);
            m.put("recall", recall);
            return m;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleStore index;
    private final Embedder sentences;
    private final Prompts prompts;
    private final double threshold;

    /**
     * @param index     an index holding the items' articles
     * @param sentences the sentence embedder the check uses
     * @param prompts   the prompts the composer renders
     * @param threshold the similarity threshold under test
     */
    public SupportEval(ArticleStore index, Embedder sentences, Prompts prompts, double threshold) {
        this.index = index;
        this.sentences = sentences;
        this.prompts = prompts;
        this.threshold = threshold;
    }

    /** Reads the JSON Lines fixture; a bad line fails naming its number. */
    public static List<Item> read(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode j;
            try {
                j = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + n + " is not JSON");
            }
            for (String key : List.of("id", "kind", "supported", "article", "anchor", "reply")) {
                if (!j.hasNonNull(key)) {
                    throw new IllegalArgumentException(file + " line " + n + " has no '" + key + "'");
                }
            }
            out.add(new Item(
                    j.get("id").asText(),
                    j.get("kind").asText(),
                    j.get("supported").asBoolean(),
                    j.get("article").asText(),
                    j.get("anchor").asText(),
                    j.get("reply").asText()));
        }
        return out;
    }

    /** Runs every item end to end; returns the outcomes in order. */
    public List<Outcome> run(List<Item> items) throws IOException {
        SupportChecker checker = new SupportChecker(sentences, threshold);
        List<Outcome> out = new ArrayList<>();
        try (ScriptedChatServer server = ScriptedChatServer.start()) {
            ModelSettings settings = new ModelSettings(
                    ModelSettings.Provider.OPENAI,
                    server.baseUrl(),
                    "support-eval",
                    null,
                    Duration.ofSeconds(60),
                    0,
                    512,
                    3000,
                    0);
            List<SupportChecker.Measure> measured = new ArrayList<>();
            ModelComposer composer = ModelComposer.streaming(
                    settings,
                    prompts,
                    (s, cited) -> {
                        SupportChecker.Measure m = checker.measure(s, cited);
                        measured.add(m);
                        return m.verdict(threshold);
                    },
                    UnsupportedPolicy.MARK);
            for (Item item : items) {
                server.enqueue(item.reply());
                measured.clear();
                Composition c =
                        composer.composeWith("answer", Map.of("question", "What happened?"), evidence(item), s -> {});
                if (c.sentences().size() != 1 || measured.size() != 1) {
                    throw new IllegalArgumentException("item " + item.id() + ": expected one cited sentence, got "
                            + c.sentences().size());
                }
                CheckedSentence s = c.sentences().getFirst();
                SupportChecker.Measure m = measured.getFirst();
                out.add(new Outcome(
                        item, !s.supported(), s.reason(), m.similarity(), m.coverage(), m.facts(), m.negationAgrees()));
            }
        }
        return out;
    }

    /** The passage of the item's article holding the anchor first, then the article's other passages. */
    private List<SearchHit> evidence(Item item) {
        ArticleMeta article = index.articles().stream()
                .filter(a -> Path.of(a.path()).getFileName().toString().equals(item.article()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "item " + item.id() + ": article " + item.article() + " is not in the index"));
        List<Passage> passages = index.passages(article.id());
        Passage anchor = passages.stream()
                .filter(p -> p.text().contains(item.anchor()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("item " + item.id() + ": no passage of "
                        + item.article() + " contains '" + item.anchor() + "'"));
        List<SearchHit> hits = new ArrayList<>();
        hits.add(new SearchHit(anchor, 1, 0, 0));
        passages.stream().filter(p -> p != anchor).forEach(p -> hits.add(new SearchHit(p, 0.5, 0, 0)));
        return hits;
    }

    /** The report: scores of both halves and all, flag rates by kind, the tune-half sweep, the misjudged items. */
    public Map<String, Object> report(List<Outcome> outcomes) {
        List<Outcome> tune = new ArrayList<>();
        List<Outcome> check = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            (i % 2 == 0 ? tune : check).add(outcomes.get(i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", threshold);
        m.put("tune", Score.of(tune).toMap());
        m.put("check", Score.of(check).toMap());
        m.put("all", Score.of(outcomes).toMap());
        Map<String, Map<String, Object>> kinds = new TreeMap<>();
        for (Outcome o : outcomes) {
            Map<String, Object> k = kinds.computeIfAbsent(
                    o.item().kind(),
                    x -> new LinkedHashMap<>(Map.of(
                            "items",
                            0,
                            "flagged",
                            0,
                            "labelled_supported",
                            o.item().supported())));
            k.put("items", (int) k.get("items") + 1);
            k.put("flagged", (int) k.get("flagged") + (o.flagged() ? 1 : 0));
        }
        m.put("by_kind", kinds);
        List<Map<String, Object>> sweep = new ArrayList<>();
        List<Double> bestAt = new ArrayList<>();
        double bestF1 = -1;
        for (int t = 60; t <= 95; t++) {
            double at = t / 100.0;
            List<Outcome> re = tune.stream().map(o -> rejudge(o, at)).toList();
            Score s = Score.of(re);
            double f1 =
                    s.precision() + s.recall() == 0 ? 0 : 2 * s.precision() * s.recall() / (s.precision() + s.recall());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", at);
            row.put("precision", s.precision());
            row.put("recall", s.recall());
            row.put("f1", round(f1));
            sweep.add(row);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestAt.clear();
            }
            if (Math.abs(f1 - bestF1) <= 1e-9) {
                bestAt.add(at);
            }
        }
        // the middle of the best plateau: as far as the tune half allows from both kinds of error
        m.put("best_tune_threshold", bestAt.get(bestAt.size() / 2));
        m.put("sweep_tune", sweep);
        List<Map<String, Object>> wrong = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.flagged() == o.item().supported()) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("id", o.item().id());
                w.put("kind", o.item().kind());
                w.put("supported", o.item().supported());
                w.put("reply", o.item().reply());
                w.put("similarity", round(o.similarity()));
                w.put("reason", o.reason());
                wrong.add(w);
            }
        }
        m.put("misjudged", wrong);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", o.item().id());
            x.put("kind", o.item().kind());
            x.put("supported", o.item().supported());
            x.put("flagged", o.flagged());
            x.put("similarity", round(o.similarity()));
            x.put("coverage", round(o.coverage()));
            x.put("facts_ok", o.facts().supported());
            x.put("negation_agrees", o.negationAgrees());
            x.put("reason", o.reason());
            all.add(x);
        }
        m.put("outcomes", all);
        return m;
    }

    private static Outcome rejudge(Outcome o, double at) {
        Verdict v = new SupportChecker.Measure(o.facts(), o.similarity(), o.coverage(), o.negationAgrees()).verdict(at);
        return new Outcome(
                o.item(), !v.supported(), v.reason(), o.similarity(), o.coverage(), o.facts(), o.negationAgrees());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** The report of {@link #report} for people. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Sentence support check, similarity threshold %.2f " + "(flagged = reported unsupported)%n",
                (double) r.get("threshold")));
        for (String half : List.of("tune", "check", "all")) {
            Map<String, Object> s = (Map<String, Object>) r.get(half);
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-6s items %3d, unsupported %3d, flagged %3d: precision %.4f, " + "recall %.4f%n",
                    half,
                    s.get("items"),
                    s.get("unsupported"),
                    s.get("flagged"),
                    s.get("precision"),
                    s.get("recall")));
        }
        sb.append("By kind (items flagged / items):\n");
        ((Map<String, Map<String, Object>>) r.get("by_kind"))
                .forEach((k, v) -> sb.append(String.format(
                        Locale.ROOT,
                        "  %-14s %2d / %2d (labelled %s)%n",
                        k,
                        v.get("flagged"),
                        v.get("items"),
                        (boolean) v.get("labelled_supported") ? "supported" : "unsupported")));
        sb.append(String.format(
                Locale.ROOT, "Best threshold on the tune half (F1): %.2f%n", (double) r.get("best_tune_threshold")));
        List<Map<String, Object>> wrong = (List<Map<String, Object>>) r.get("misjudged");
        if (!wrong.isEmpty()) {
            sb.append("Misjudged:\n");
            for (Map<String, Object> w : wrong) {
                sb.append(String.format(
                        Locale.ROOT,
                        "  %s %-13s labelled %-11s sim %.2f %s%n    %s%n",
                        w.get("id"),
                        w.get("kind"),
                        (boolean) w.get("supported") ? "supported" : "unsupported",
                        (double) w.get("similarity"),
                        w.get("reason") == null ? "" : "(" + w.get("reason") + ")",
                        w.get("reply")));
            }
        }
        return sb.toString();
    }
}
