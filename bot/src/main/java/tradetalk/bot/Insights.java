package tradetalk.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradetalk.retrieval.embed.Embedder;

/**
 * What the operator learns from the question log and the feedback votes over the last days (UTC): questions per
 * day, answered against declined; the declined questions grouped by meaning, most frequent first (what the corpus
 * lacks); and the votes with the answers they rate. No member id goes in or comes out.
 */
public final class Insights {

    /** Votes read for a report (the newest). */
    static final int MAX_VOTES = 5_000;
    /** Rated answers shown. */
    static final int MAX_RATED = 20;

    /**
     * One day's questions.
     *
     * @param invalid questions whose input was not valid (the member was told how to fix it)
     * @param failed  questions that failed on the bot's side
     */
    public record Day(LocalDate date, int answered, int declined, int invalid, int failed) {
        public int total() {
            return answered + declined + invalid + failed;
        }
    }

    /**
     * An answer members voted on.
     *
     * @param lastVote when the latest vote came
     */
    public record Rated(String question, String answer, int helpful, int notHelpful, Instant lastVote) {}

    /**
     * The report.
     *
     * @param from          first day covered (UTC)
     * @param to            last day covered, today
     * @param questionsKept whether the log holds question text ({@code insights.keep-questions}); without it there
     *                      are no groups
     * @param days          every day from {@code from} to {@code to}, oldest first, with zeros
     * @param declined      the declined questions grouped by meaning, largest group first
     * @param declinedWithoutText declined questions logged without their text (before keep-questions was on)
     * @param rated         answers with votes, the most "not helpful" first
     */
    public record Report(
            LocalDate from,
            LocalDate to,
            boolean questionsKept,
            List<Day> days,
            List<DeclinedGroups.Group> declined,
            int declinedWithoutText,
            List<Rated> rated) {

        public int questions() {
            return days.stream().mapToInt(Day::total).sum();
        }

        public int answered() {
            return days.stream().mapToInt(Day::answered).sum();
        }

        public int declinedCount() {
            return days.stream().mapToInt(Day::declined).sum();
        }
    }

    private Insights() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The report of the last {@code days} days from the question log of {@code config} and {@code feedback}'s votes,
     * the declined questions grouped with {@code embedder}.
     */
    public static Report report(
            InsightsConfig config, Embedder embedder, FeedbackStore feedback, int days, Clock clock) {
        return build(
                QuestionLog.read(config, clock),
                feedback.recentVotes(MAX_VOTES),
                new DeclinedGroups(embedder, config.groupSimilarity()),
                config.keepQuestions(),
                days,
                clock);
    }

    /**
     * Builds the report of the last {@code days} days (today included).
     *
     * @param keptText whether the log keeps question text now
     */
    public static Report build(
            List<QuestionLog.Entry> log,
            List<FeedbackStore.Vote> votes,
            DeclinedGroups grouping,
            boolean keptText,
            int days,
            Clock clock) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        Map<LocalDate, int[]> counts = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            counts.put(d, new int[4]);
        }
        List<String> declinedText = new ArrayList<>();
        int declinedWithoutText = 0;
        for (QuestionLog.Entry e : log) {
            int[] c = counts.get(LocalDate.ofInstant(e.at(), ZoneOffset.UTC));
            if (c == null) {
                continue;
            }
            switch (e.outcome()) {
                case "answered" -> c[0]++;
                case "declined" -> {
                    c[1]++;
                    if (e.question() == null || e.question().isBlank()) {
                        declinedWithoutText++;
                    } else {
                        declinedText.add(e.question());
                    }
                }
                case "invalid" -> c[2]++;
                default -> c[3]++;
            }
        }
        List<Day> perDay = new ArrayList<>();
        counts.forEach((d, c) -> perDay.add(new Day(d, c[0], c[1], c[2], c[3])));
        Instant since = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Report(
                from,
                to,
                keptText,
                perDay,
                grouping.group(declinedText),
                declinedWithoutText,
                rated(votes.stream().filter(v -> !v.time().isBefore(since)).toList()));
    }

    /** The votes by answer, the answers most often found not helpful first. */
    private static List<Rated> rated(List<FeedbackStore.Vote> votes) {
        Map<String, List<FeedbackStore.Vote>> byAnswer = new LinkedHashMap<>();
        for (FeedbackStore.Vote v : votes) {
            byAnswer.computeIfAbsent(v.answerId(), k -> new ArrayList<>()).add(v);
        }
        List<Rated> out = new ArrayList<>();
        byAnswer.values().forEach(vs -> {
            FeedbackStore.Vote any = vs.getFirst();
            int up = (int) vs.stream().filter(FeedbackStore.Vote::helpful).count();
            Instant last = vs.stream()
                    .map(FeedbackStore.Vote::time)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            out.add(new Rated(any.question(), any.answer(), up, vs.size() - up, last));
        });
        out.sort(Comparator.comparingInt(Rated::notHelpful)
                .reversed()
                .thenComparing(Comparator.comparingInt(Rated::helpful).reversed())
                .thenComparing(Rated::lastVote, Comparator.reverseOrder()));
        return out.size() > MAX_RATED ? out.subList(0, MAX_RATED) : out;
    }
}
