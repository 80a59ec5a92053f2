package tradetalk.answer.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradetalk.answer.CitationMarkers;
import tradetalk.answer.Composition;
import tradetalk.answer.extract.CitationNumbers;
import tradetalk.answer.extract.Extracts.Sentence;
import tradetalk.retrieval.DateWords;
import tradetalk.retrieval.Sentences;

/**
 * Turns chosen sentences into a cited answer: each sentence followed by {@code [n]} for its article, in an order a
 * reader can follow (grouped by article in reading order; newest first for a "when" or "latest" question), and a
 * relative day in a sentence ("Tuesday", "last Saturday") followed by the date it means, read from the article's
 * publication date, unless the sentence states a calendar day itself.
 */
final class Citing {

    private Citing() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The answer quoting these sentences.
     *
     * @param newestFirst order by the day each sentence reports (its relative day, else its article's date), newest
     *                    first, instead of by article
     */
    static Composition cite(List<Candidate> chosen, boolean newestFirst) {
        List<Candidate> sentences = newestFirst ? newestFirst(chosen) : byArticle(chosen);
        CitationNumbers numbers = new CitationNumbers();
        StringBuilder text = new StringBuilder();
        for (Candidate c : sentences) {
            int n = numbers.cite(c.hit().passage());
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String sentence = c.hit().passage().ordinal() == 0 && c.position() == 0
                    ? Sentences.stripDateline(c.sentence())
                    : c.sentence();
            text.append(dated(sentence, c.published())).append(CitationMarkers.markers(List.of(n)));
        }
        return new Composition(text.toString(), false, numbers.all(), List.of(), null);
    }

    /** Headline sentences (of the status section's kind) as an answer, newest first. */
    static Composition headline(List<Sentence> picked) {
        List<Sentence> ordered = new ArrayList<>(picked);
        ordered.sort(Comparator.comparing((Sentence x) -> reported(x.text(), x.date()))
                .reversed()
                .thenComparing(Sentence::articleId)
                .thenComparingInt(Sentence::position));
        CitationNumbers numbers = new CitationNumbers();
        StringBuilder text = new StringBuilder();
        for (Sentence x : ordered) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(dated(x.text(), x.date()))
                    .append(CitationMarkers.markers(List.of(numbers.cite(x.passage()))));
        }
        return new Composition(text.toString(), false, numbers.all(), List.of(), null);
    }

    /**
     * The sentence with the date each relative day means after it ("last Saturday (2019-11-16)"), unless it states
     * a calendar day itself or its article has no date.
     */
    static String dated(String sentence, LocalDate published) {
        if (published == null || DateWords.statesCalendarDay(sentence)) {
            return sentence;
        }
        StringBuilder out = new StringBuilder(sentence);
        List<DateWords.RelativeDay> days = DateWords.relativeDays(sentence, published);
        for (int i = days.size() - 1; i >= 0; i--) {
            DateWords.RelativeDay d = days.get(i);
            out.insert(d.end(), " (" + d.date() + ")");
        }
        return out.toString();
    }

    /** The day a sentence reports: its newest relative day, else its article's date (the minimum when none). */
    private static LocalDate reported(String sentence, LocalDate published) {
        if (published == null) {
            return LocalDate.MIN;
        }
        return DateWords.relativeDays(sentence, published).stream()
                .map(DateWords.RelativeDay::date)
                .filter(d -> !d.isAfter(published))
                .max(Comparator.naturalOrder())
                .orElse(published);
    }

    private static List<Candidate> newestFirst(List<Candidate> chosen) {
        List<Candidate> out = new ArrayList<>(chosen);
        out.sort(Comparator.comparing((Candidate c) -> reported(c.sentence(), c.published()))
                .reversed()
                .thenComparing(Candidate::articleId)
                .thenComparingInt(c -> c.hit().passage().ordinal())
                .thenComparingInt(Candidate::position));
        return out;
    }

    /** Sentences grouped by article (articles in order of their best sentence), in reading order inside each. */
    private static List<Candidate> byArticle(List<Candidate> chosen) {
        Map<String, List<Candidate>> byArticle = new LinkedHashMap<>();
        for (Candidate c : chosen) {
            byArticle.computeIfAbsent(c.articleId(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (List<Candidate> group : byArticle.values()) {
            group.sort(
                    Comparator.comparingInt((Candidate c) -> c.hit().passage().ordinal())
                            .thenComparingInt(Candidate::position));
            out.addAll(group);
        }
        return out;
    }
}
