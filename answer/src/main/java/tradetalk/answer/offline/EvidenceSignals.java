package tradetalk.answer.offline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.extract.TermWeights;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.TextAnalysis;
import tradetalk.retrieval.store.RecencyRule;

/**
 * What the retrieved evidence says about whether it can answer a question, as numbers the {@link AbstentionModel}
 * weighs. All are computed from this question and its passages only:
 * <ul>
 *   <li>{@code coverage}: the best passage's share of the question's IDF-weighted terms;</li>
 *   <li>{@code missing_specific}: the share of the question's specific terms (names, numbers: capitalised words
 *       after the first, digits) that no retrieved passage holds;</li>
 *   <li>{@code missing_rarest}: the IDF of the rarest question term no retrieved passage holds, over the IDF of an
 *       unseen term (0 when every term is somewhere);</li>
 *   <li>{@code dense}: the best passage's cosine similarity to the question;</li>
 *   <li>{@code sentence}: the best sentence's cosine similarity to the question;</li>
 *   <li>{@code agree}: 1 when the best BM25 passage and the best dense passage are of the same article;</li>
 *   <li>{@code type_missing}: 1 when the question asks for a person, date, place, number or someone's words and
 *       none of the best sentences holds one;</li>
 *   <li>{@code missing_weight}: the share of the question's weighted terms that no retrieved passage holds;</li>
 *   <li>{@code specific_missing_best}: the share of its specific terms missing from the best-covering passage;</li>
 *   <li>{@code unseen_specific}, {@code unseen_weight}: the share of its specific terms, and of all its weighted
 *       terms, that no indexed passage holds at all;</li>
 *   <li>{@code unseen_name}: a name in the question none of whose words any indexed passage holds;
 *       {@code unseen_head}: the share of the question's weight in a name whose last word, or most of whose
 *       words, no indexed passage holds;</li>
 *   <li>{@code rare_missing_top}: the share of the question's rare terms (IDF at least half an unseen term's) that
 *       the top passage lacks; {@code score_margin}: the fused score of the top passage minus the second's;</li>
 *   <li>for a question about the present of a current index ({@link #current}: every question is asked on a day,
 *       today when it names none, and this is decided from the question and the index, not from whether a date
 *       was given): {@code dated} (1), {@code as_of_gap} (how much older than the day asked the top passage is),
 *       {@code coverage_week} and {@code dense_week} (the best coverage and cosine among the passages of the week
 *       up to that day); all 0 otherwise (an archive, a question naming a past period);</li>
 *   <li>and, for refitting, {@code coverage_top}, {@code missing_rare}, {@code rare_missing_best},
 *       {@code dense_top}, {@code dense_gap}, {@code sentence_coverage}, {@code lexical}, {@code terms},
 *       {@code specific_terms} (see the code).</li>
 * </ul>
 */
final class EvidenceSignals {

    /** The signal names, in the order above. */
    static final List<String> NAMES = List.of(
            "coverage",
            "missing_specific",
            "missing_rarest",
            "dense",
            "sentence",
            "agree",
            "type_missing",
            "coverage_top",
            "missing_weight",
            "missing_rare",
            "dense_top",
            "dense_gap",
            "sentence_coverage",
            "lexical",
            "terms",
            "specific_missing_best",
            "rare_missing_best",
            "specific_terms",
            "unseen_specific",
            "unseen_weight",
            "unseen_name",
            "unseen_head",
            "rare_missing_top",
            "score_margin",
            "dated",
            "as_of_gap",
            "coverage_week",
            "dense_week");

    /** The days up to the as-of date (that day included) whose passages are "of the week asked about". */
    static final int WEEK_DAYS = 7;

    /** A capitalised word that does not open the question, or a number: what makes a question specific. */
    private static final Pattern SPECIFIC = Pattern.compile("(?<=\\s)" + Names.CAPITALISED + "|\\p{N}[\\p{N},.]*");

    /**
     * The signals of a question about the present of a current index ({@link #current}; news questions are mostly
     * about that week): {@code dated} 1, {@code as_of_gap} the log of 1 + the days from the top passage's date to the
     * day asked, {@code coverage_week} and {@code dense_week} the best coverage and cosine among the passages of the
     * week up to it ({@link #WEEK_DAYS}); for a question asking for the latest, up to the index's newest article
     * instead (its anchor). All 0 otherwise.
     */
    private static void dated(
            Map<String, Double> out,
            String question,
            LocalDate asOf,
            List<SearchHit> evidence,
            List<Set<String>> passages,
            TermWeights weights) {
        double gap = 0;
        double coverage = 0;
        double dense = 0;
        boolean current = asOf != null && current(question, asOf, evidence);
        if (current && RecencyRule.asksForNow(question) && SearchHit.anchor(evidence) != null) {
            // "the latest" is the newest the index holds: its week is the one up to its newest article
            asOf = SearchHit.anchor(evidence);
        }
        if (current) {
            LocalDate top = evidence.isEmpty()
                    ? null
                    : evidence.getFirst().passage().article().publishedAt();
            gap = top == null ? 0 : Math.log1p(Math.max(0, ChronoUnit.DAYS.between(top, asOf)));
            for (int i = 0; i < evidence.size(); i++) {
                LocalDate d = evidence.get(i).passage().article().publishedAt();
                if (d != null && !d.isAfter(asOf) && ChronoUnit.DAYS.between(d, asOf) < WEEK_DAYS) {
                    coverage = Math.max(coverage, weights.coverage(passages.get(i)));
                    dense = Math.max(dense, evidence.get(i).dense());
                }
            }
        }
        out.put("dated", current ? 1.0 : 0.0);
        out.put("as_of_gap", gap);
        out.put("coverage_week", coverage);
        out.put("dense_week", dense);
    }

    /**
     * Whether a question is asked about the present of a current index: recency weighs at least half for it
     * ({@link RecencyRule}, the rule the search ranks by, from the question and from how far the index's newest
     * article lags the day asked). Only then do the week's passages say whether the index holds the answer; an
     * archive, or a question naming a past period, is judged on its passages alone.
     */
    static boolean current(String question, LocalDate asOf, List<SearchHit> evidence) {
        LocalDate anchor = SearchHit.anchor(evidence);
        return RecencyRule.weight(1, question, asOf, anchor != null ? anchor : asOf) >= 0.5;
    }

    private EvidenceSignals() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * True when the question names someone or something in two or more capitalised words none of which any indexed
     * passage holds ("What did Angela Merkel say ...?"), or counts a unit no passage holds ("how many tonnes").
     */
    private static boolean unseenName(String question, AnswerType type, Predicate<String> unseen, TermWeights weights) {
        for (String name : Names.runs(question)) {
            List<String> terms = TextAnalysis.terms(name);
            if (terms.size() >= 2
                    && terms.stream().allMatch(t -> weights.weights().containsKey(t) && unseen.test(t))) {
                return true;
            }
        }
        if (type.kind() == AnswerType.Kind.NUMBER && !type.focus().isEmpty()) {
            List<String> unit = TextAnalysis.terms(type.focus());
            return !unit.isEmpty()
                    && unit.stream().allMatch(t -> weights.weights().containsKey(t) && unseen.test(t));
        }
        return false;
    }

    /**
     * The share of the question's weight carried by a name the index does not know: a name of two or more
     * capitalised words whose last word (what kind of thing it is: the "Cup" of "Cricket World Cup", the "Marathon"
     * of "Hong Kong Marathon"), or most of whose words, no indexed passage holds. The index may know "Hong Kong" but
     * not its marathon; in a short question such a name is what the question is about, in a long one it may be
     * context. 0 when there is no such name.
     */
    private static double unseenHead(String question, Predicate<String> unseen, TermWeights weights) {
        double total = weights.weights().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        double share = 0;
        for (String name : Names.runs(question)) {
            List<String> terms = TextAnalysis.terms(name).stream()
                    .filter(t -> weights.weights().containsKey(t))
                    .distinct()
                    .toList();
            if (terms.size() < 2 || total <= 0) {
                continue;
            }
            long missing = terms.stream().filter(unseen).count();
            if (unseen.test(terms.getLast()) || missing * 2 > terms.size()) {
                double w = terms.stream()
                        .mapToDouble(t -> weights.weights().get(t))
                        .sum();
                share = Math.max(share, w / total);
            }
        }
        return share;
    }

    /**
     * @param question     the question
     * @param weights      its weighted terms
     * @param evidence     the retrieved passages, best first
     * @param bestSentence the best sentence cosine (-1 when there are no sentences)
     * @param sentenceCoverage the best sentence's coverage of the question's terms
     * @param typeFound    whether one of the best sentences holds what the answer type asks for
     * @param typed        whether the question asks for a kind of answer (not OTHER)
     * @param unseenIdf    the IDF of a term no passage holds
     * @param asOf         the date the question is asked as of; null when it gives none (the date signals are then 0)
     */
    static Map<String, Double> of(
            String question,
            LocalDate asOf,
            TermWeights weights,
            List<SearchHit> evidence,
            double bestSentence,
            double sentenceCoverage,
            boolean typeFound,
            boolean typed,
            double unseenIdf,
            ToDoubleFunction<String> idf) {
        // a term no indexed passage holds, in any of its equivalent forms ("buy" is seen when "purchases" is)
        // (an acronym the index never holds is seen when a retrieved passage spells it out: "APEC")
        List<Set<String>> passages = new ArrayList<>();
        Predicate<String> unseenTerm = t -> unseenIdf > 0
                && TermWeights.equivalents(t).stream().allMatch(e -> idf.applyAsDouble(e) >= unseenIdf - 1e-9)
                && passages.stream().noneMatch(p -> p.contains(t));
        double coverage = 0;
        Set<String> bestPassage = Set.of();
        double dense = 0;
        int bestLexical = -1;
        int bestDense = -1;
        for (int i = 0; i < evidence.size(); i++) {
            SearchHit h = evidence.get(i);
            Set<String> terms = Acronyms.terms(
                    h.passage().article().title() + " " + h.passage().text());
            passages.add(terms);
            double c = weights.coverage(terms);
            if (c > coverage || i == 0) {
                bestPassage = terms;
            }
            coverage = Math.max(coverage, c);
            dense = Math.max(dense, h.dense());
            if (h.lexical() > 0
                    && (bestLexical < 0
                            || h.lexical() > evidence.get(bestLexical).lexical())) {
                bestLexical = i;
            }
            if (h.dense() > 0
                    && (bestDense < 0 || h.dense() > evidence.get(bestDense).dense())) {
                bestDense = i;
            }
        }
        Map<String, Double> missing = weights.uncovered(passages);
        Set<String> specific = new HashSet<>();
        Matcher m = SPECIFIC.matcher(question);
        while (m.find()) {
            specific.addAll(TextAnalysis.terms(m.group()));
        }
        // the unit of "how many tonnes" is as specific as a name: the answer must count it
        AnswerType type = AnswerType.of(question);
        if (type.kind() == AnswerType.Kind.NUMBER) {
            specific.addAll(TextAnalysis.terms(type.focus()));
        }
        specific.retainAll(weights.weights().keySet());
        double specificTotal = 0;
        double specificMissing = 0;
        for (String t : specific) {
            double w = weights.weights().get(t);
            specificTotal += w;
            specificMissing += missing.containsKey(t) ? w : 0;
        }
        Map<String, Double> missingBest = weights.uncovered(List.of(bestPassage));
        double specificMissingBest = 0;
        for (String t : specific) {
            specificMissingBest +=
                    missingBest.containsKey(t) ? weights.weights().get(t) : 0;
        }
        double rareMissingBest = unseenIdf <= 0
                ? 0
                : missingBest.values().stream()
                        .mapToDouble(w -> w / unseenIdf)
                        .filter(w -> w >= 0.5)
                        .sum();
        double rarest =
                missing.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        boolean agree = bestLexical >= 0
                && bestDense >= 0
                && evidence.get(bestLexical)
                        .passage()
                        .article()
                        .id()
                        .equals(evidence.get(bestDense).passage().article().id());

        double totalWeight = weights.weights().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        double missingWeight =
                missing.values().stream().mapToDouble(Double::doubleValue).sum();
        double missingRare = unseenIdf <= 0
                ? 0
                : missing.values().stream()
                        .mapToDouble(w -> w / unseenIdf)
                        .filter(w -> w >= 0.5)
                        .sum();
        double denseTop = evidence.isEmpty() ? 0 : evidence.getFirst().dense();
        double denseSecond = 0;
        for (SearchHit h : evidence) {
            if (!evidence.isEmpty()
                    && !h.passage()
                            .article()
                            .id()
                            .equals(evidence.getFirst().passage().article().id())) {
                denseSecond = Math.max(denseSecond, h.dense());
            }
        }
        double lexicalTop =
                evidence.stream().mapToDouble(SearchHit::lexical).max().orElse(0);

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("coverage", coverage);
        out.put("missing_specific", specificTotal == 0 ? 0 : specificMissing / specificTotal);
        out.put("missing_rarest", unseenIdf <= 0 ? 0 : Math.min(1, rarest / unseenIdf));
        out.put("dense", dense);
        out.put("sentence", bestSentence);
        out.put("agree", agree ? 1.0 : 0.0);
        out.put("type_missing", typed && !typeFound ? 1.0 : 0.0);
        out.put("coverage_top", evidence.isEmpty() ? 0 : weights.coverage(passages.getFirst()));
        out.put("missing_weight", totalWeight == 0 ? 0 : missingWeight / totalWeight);
        out.put("missing_rare", missingRare);
        out.put("dense_top", denseTop);
        out.put("dense_gap", denseTop - denseSecond);
        out.put("sentence_coverage", sentenceCoverage);
        out.put("lexical", totalWeight == 0 ? 0 : lexicalTop / totalWeight);
        out.put("terms", (double) weights.weights().size());
        out.put("specific_missing_best", specificTotal == 0 ? 0 : specificMissingBest / specificTotal);
        out.put("rare_missing_best", rareMissingBest);
        out.put("specific_terms", (double) specific.size());
        // terms no indexed passage holds at all: the index cannot be about them
        double unseenSpecific = 0;
        for (String t : specific) {
            unseenSpecific += unseenTerm.test(t) ? weights.weights().get(t) : 0;
        }
        double unseen = weights.weights().entrySet().stream()
                .filter(e -> unseenTerm.test(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        out.put("unseen_specific", specificTotal == 0 || unseenIdf <= 0 ? 0 : unseenSpecific / specificTotal);
        out.put("unseen_weight", totalWeight == 0 || unseenIdf <= 0 ? 0 : unseen / totalWeight);
        out.put("unseen_name", unseenName(question, type, unseenTerm, weights) ? 1.0 : 0.0);
        out.put("unseen_head", unseenHead(question, unseenTerm, weights));
        // the question's rare terms (half the IDF of an unseen term or more) that the top passage lacks
        double rare = 0;
        double rareMissingTop = 0;
        for (Map.Entry<String, Double> e : weights.weights().entrySet()) {
            if (unseenIdf > 0 && e.getValue() >= 0.5 * unseenIdf) {
                rare += e.getValue();
                rareMissingTop +=
                        passages.isEmpty() || !TermWeights.holds(passages.getFirst(), e.getKey()) ? e.getValue() : 0;
            }
        }
        out.put("rare_missing_top", rare == 0 ? 0 : rareMissingTop / rare);
        out.put(
                "score_margin",
                evidence.size() < 2
                        ? 0
                        : evidence.get(0).score() - evidence.get(1).score());
        dated(out, question, asOf, evidence, passages, weights);
        return out;
    }
}
