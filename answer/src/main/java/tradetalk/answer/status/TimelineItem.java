package tradetalk.answer.status;

import java.time.LocalDate;
import java.util.List;
import tradetalk.answer.Citation;

/**
 * One development in a status timeline: what was new at that date, citing every article that covered it.
 *
 * @param date      when it happened (the earliest coverage)
 * @param text      one or two sentences with {@code [n]} markers
 * @param citations the sources cited by this line (numbers shared with the whole report)
 */
public record TimelineItem(LocalDate date, String text, List<Citation> citations) {

    public TimelineItem {
        citations = List.copyOf(citations);
    }
}
