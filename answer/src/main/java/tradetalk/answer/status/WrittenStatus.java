package tradetalk.answer.status;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import tradetalk.answer.Citation;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.answer.model.ModelComposer;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.store.ArticleStore;

/**
 * A status written by a model from the evidence of the extractive report: the cited passages of each line and each
 * article's lead passage, newest first. Its citations are checked ({@link tradetalk.answer.model.CitationChecker});
 * a reply without a cited headline or dated, cited lines, or an abstention, is a {@link ComposerException}, on which
 * the caller returns the extractive report with the reason.
 */
final class WrittenStatus {

    private final ArticleStore index;
    private final ModelComposer model;
    private final int maxItems;

    WrittenStatus(ArticleStore index, ModelComposer model, int maxItems) {
        this.index = index;
        this.model = model;
        this.maxItems = maxItems;
    }

    StatusReport written(String topic, int events, StatusReport extractive) {
        // the same evidence: the cited passages of each line and each article's lead passage, newest first
        Map<String, Passage> evidence = new LinkedHashMap<>();
        for (Citation c : extractive.citations()) {
            List<Passage> all = index.passages(c.article().id());
            Set<String> ids = Set.copyOf(c.passageIds());
            for (Passage p : all) {
                if (p.ordinal() == 0 || ids.contains(p.id())) {
                    evidence.putIfAbsent(p.id(), p);
                }
            }
        }
        List<Passage> ordered = new ArrayList<>(evidence.values());
        ordered.sort(Comparator.comparing((Passage p) -> p.article().publishedAt())
                .reversed()
                .thenComparing(p -> p.article().id())
                .thenComparingInt(Passage::ordinal));
        List<SearchHit> hits =
                ordered.stream().map(p -> new SearchHit(p, 1, 0, 0)).toList();
        Map<String, String> vars = new HashMap<>();
        vars.put("topic", topic);
        vars.put("items", Integer.toString(Math.min(maxItems, events)));
        Composition c = model.composeWith("status", vars, hits, null);
        if (c.abstained() && c.sentences().stream().anyMatch(s -> !s.supported())) {
            throw new ComposerException("the cited sources support none of the model's status sentences");
        }
        if (c.abstained()) {
            // the relevance test found evidence on the topic, so the model's "nothing" is the doubtful part
            throw new ComposerException("the model replied that the sources say nothing on the topic");
        }
        Map<Integer, Citation> byNumber = new HashMap<>();
        c.citations().forEach(x -> byNumber.put(x.n(), x));
        StringBuilder head = new StringBuilder();
        List<TimelineItem> items = new ArrayList<>();
        for (String line : c.answer().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = CitationMarkers.DATED_LINE.matcher(line);
            if (!m.matches()) {
                if (items.isEmpty()) {
                    head.append(head.isEmpty() ? "" : " ").append(line.strip());
                }
                continue;
            }
            String text = m.group(2).strip();
            List<Citation> cited = new ArrayList<>();
            for (int n : CitationMarkers.cited(text)) {
                Citation x = byNumber.get(n);
                if (x != null && !cited.contains(x)) {
                    cited.add(x);
                }
            }
            items.add(new TimelineItem(date(m.group(1), cited), text, cited));
        }
        if (items.isEmpty()) {
            throw new ComposerException("the model's status had no dated, cited timeline lines");
        }
        if (head.isEmpty()) {
            throw new ComposerException("the model's status had no cited headline");
        }
        items.sort(Comparator.comparing(TimelineItem::date, Comparator.nullsLast(Comparator.reverseOrder())));
        return new StatusReport(
                topic,
                head.toString(),
                items,
                c.citations(),
                false,
                model.name(),
                null,
                c.usage(),
                c.sentences(),
                extractive.reachesBack());
    }

    /** The date the model wrote, or, when it is not a real date, the earliest date of the cited articles. */
    private static LocalDate date(String text, List<Citation> cited) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return cited.stream()
                    .map(x -> x.article().publishedAt())
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }
    }
}
