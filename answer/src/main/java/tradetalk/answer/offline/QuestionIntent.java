package tradetalk.answer.offline;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.QueryDates;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.TextAnalysis;

/**
 * What a question asks of the evidence beyond its words: the news of a day it names ("What happened on November
 * 26?"), the latest on a subject ("Where do the talks stand now?"), or a time ("When did Liu He last speak with
 * Lighthizer?"), whose answer lists the newest evidence first.
 */
final class QuestionIntent {

    /** Words that shape a question but say nothing about its subject. */
    static final Set<String> QUESTION_WORDS = Set.copyOf(TextAnalysis.terms(
            "who whom whose what which when where why how did do does done doing has have had having were been "
                    + "would could should can may might about say says said tell told me i you we our "
                    + "happen happened know"));
    /** Words of a question about the latest news, left out of its subject ("stand for" asks what a name means, "now that" gives a reason). */
    private static final Pattern LATEST = Pattern.compile(
            "\\b(?:latest|newest|most recent|right now|now(?!\\s+that\\b)|currently|so far|these days|stands?(?!\\s+for\\b)|state of play)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "When did ... last ...", "the last time": a question about the most recent occasion. */
    private static final Pattern LAST_TIME =
            Pattern.compile("\\b(?:last|recently|most recently|latest)\\b", Pattern.CASE_INSENSITIVE);
    /** "What happened", "what is the news", "what went on": a question that names no more than a time. */
    private static final Pattern WHAT_HAPPENED = Pattern.compile(
            "^\\s*what\\s+(?:happened|was\\s+(?:the\\s+)?news|went\\s+on|was\\s+reported|did\\s+the\\s+\\w+\\s+"
                    + "report)\\b",
            Pattern.CASE_INSENSITIVE);

    private QuestionIntent() {
        throw new UnsupportedOperationException("utility class");
    }

    /** True for a question about the latest on a subject ("What is the latest on the deal?"). */
    static boolean asksLatest(String question) {
        return LATEST.matcher(question).find();
    }

    /** The subject of a "latest" question: the question without its words of time. */
    static String latestSubject(String question) {
        return LATEST.matcher(question).replaceAll(" ");
    }

    /**
     * The subject of a "latest" question as a topic ({@link tradetalk.answer.extract.TopicRelevance}): its words other
     * than words of time, stop words and question words, the names the question uses ({@link Names#of}, which counts
     * its opening word only when it plainly is a name) as written, so that their key names are found ("ICE", "Pope
     * Leo"), and every other word in lower case.
     */
    static String latestTopic(String question) {
        Set<String> names = Names.of(question, Set.of()).keySet();
        List<String> kept = new ArrayList<>();
        for (String word : latestSubject(question).strip().split("\\s+")) {
            String w = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.]+$", "");
            List<String> terms = TextAnalysis.terms(w);
            if (terms.isEmpty() || QUESTION_WORDS.containsAll(terms)) {
                continue;
            }
            boolean name = Names.tokens(w).stream().anyMatch(names::contains);
            kept.add(name ? w : w.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", kept);
    }

    /**
     * True when the answer should list the newest evidence first, each development dated: a "when" question or one
     * about the latest or last occasion.
     */
    static boolean newestFirst(String question) {
        return AnswerType.of(question).kind() == AnswerType.Kind.DATE
                || asksLatest(question)
                || LAST_TIME.matcher(question).find();
    }

    /** The evidence from the day a "what happened on <day>" question names; empty for other questions. */
    static List<SearchHit> ofTheDay(String question, List<SearchHit> evidence) {
        if (!WHAT_HAPPENED.matcher(question).find()) {
            return List.of();
        }
        Optional<MonthDay> day = QueryDates.dayWithoutYear(question);
        Optional<QueryDates.Span> span = QueryDates.in(question);
        return evidence.stream()
                .filter(h -> {
                    LocalDate d = h.passage().article().publishedAt();
                    if (d == null) {
                        return false;
                    }
                    if (span.isPresent()
                            && span.get().from() != null
                            && span.get().from().equals(span.get().to())) {
                        return d.equals(span.get().from());
                    }
                    return day.isPresent() && MonthDay.from(d).equals(day.get());
                })
                .toList();
    }
}
