package tradetalk.retrieval.store;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.retrieval.QueryDates;

/**
 * How much recency weighs for one question: the one rule for every question, dated or not, every store and every
 * search mode. It is decided from the question and from the index, never from how the question reached the search:
 * <ul>
 *   <li>a question that names a period ("in November 2019", "the 2019 Cricket World Cup") that ended before the
 *       index's "now" gets no recency: it said when, and the date boost favours that period instead;</li>
 *   <li>a question that asks for the current state ("latest", "now", "this week", "recently", "so far", "when did
 *       ... last") gets the full weight, counted from the newest article, on any index;</li>
 *   <li>any other question gets the full weight when the index is current (its newest article on or before the day
 *       asked is from that day), less as the index falls behind that day ({@link #STALE_HALF_LIFE_DAYS}): a member
 *       asking a live feed's index mostly asks about this week's news, while an archive indexed years ago is asked
 *       about what it holds, whenever that was.</li>
 * </ul>
 * The index's "now" (the anchor) is its newest article published on or before the day asked; ages count back from
 * it.
 */
public final class RecencyRule {

    /**
     * Days the index's newest article may lag the day asked before recency halves: a month without news means the
     * index is an archive, not a feed of this week's news.
     */
    static final double STALE_HALF_LIFE_DAYS = 30;

    /** Words that ask for the current state of something. */
    private static final Pattern NOW = Pattern.compile(
            "\\b(?:latest|newest|most recent|recent(?:ly)?|now|currently|current|nowadays|today|tonight|yesterday"
                    + "|so far|as of yet|this (?:week|weekend|month|year|morning|afternoon|evening)"
                    + "|last (?:week|weekend|few days|night)|past (?:week|few days)|these days)\\b"
                    + "|\\bwhen\\b[^?]*\\blast\\b",
            Pattern.CASE_INSENSITIVE);

    /** A year written on its own ("the 2019 Cricket World Cup"), not part of a longer number or a date. */
    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.-])((?:19|20)\\d{2})(?![\\d,.-]?\\d)");

    private RecencyRule() {
        throw new UnsupportedOperationException("utility class");
    }

    /**
     * The recency weight for a question.
     *
     * @param configured the configured weight ({@code search.recency-weight})
     * @param question   the question (or search text)
     * @param asked      the day it is asked (the as-of date); null when the caller gave none (then the index is
     *                   taken as current)
     * @param anchor     the newest article published on or before {@code asked}; null when there is none
     */
    public static double weight(double configured, String question, LocalDate asked, LocalDate anchor) {
        if (configured <= 0 || anchor == null) {
            return 0;
        }
        if (namesPastPeriod(question, anchor)) {
            return 0;
        }
        if (asksForNow(question)) {
            return configured;
        }
        long lag = asked == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(anchor, asked));
        return configured * Math.pow(0.5, lag / STALE_HALF_LIFE_DAYS);
    }

    /** True when the question asks for the current state of something ("latest", "this week", ...). */
    public static boolean asksForNow(String question) {
        return NOW.matcher(question).find();
    }

    /**
     * True when the question names a period that ended before {@code anchor}: one {@link QueryDates} reads, or a
     * year on its own earlier than the anchor's.
     */
    static boolean namesPastPeriod(String question, LocalDate anchor) {
        Optional<QueryDates.Span> span = QueryDates.in(question);
        if (span.isPresent()) {
            QueryDates.Span s = span.get();
            return s.month() != null ? s.month() != anchor.getMonth() : s.to().isBefore(anchor);
        }
        Matcher m = YEAR.matcher(question);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) < anchor.getYear()) {
                return true;
            }
        }
        return false;
    }
}
