package tradetalk.answer.status;

import java.time.LocalDate;

/**
 * A request for the latest state of a topic.
 *
 * @param topic      what to report on, e.g. "US–China trade talks"; null or blank for the configured default
 * @param since      only developments on or after this date ("what changed since"); null for the whole window
 * @param windowDays how many days back from the newest article the timeline looks when {@code since} is null;
 *                   {@link #CONFIGURED_WINDOW} (0) for the service's configured window
 * @param asOf       report as of this date (later articles are ignored); null for today
 */
public record StatusRequest(String topic, LocalDate since, int windowDays, LocalDate asOf) {

    /** Use the window configured for the service ({@code status.window-days}). */
    public static final int CONFIGURED_WINDOW = 0;

    public StatusRequest {
        if (windowDays != CONFIGURED_WINDOW && (windowDays < 1 || windowDays > 3650)) {
            throw new IllegalArgumentException("the status window must be 1 to 3650 days, got " + windowDays);
        }
    }
}
