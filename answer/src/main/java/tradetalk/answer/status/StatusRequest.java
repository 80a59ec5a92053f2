package tradetalk.answer.status;

import java.time.LocalDate;

/**
 * A request for the latest state of a topic.
 *
 * @param topic      what to report on, e.g. "US–China trade talks"; null for the configured default (blank is
 *                   refused)
 * @param since      only developments on or after this date ("what changed since"); null for the whole window
 * @param windowDays how many days back from the newest article the timeline looks when {@code since} is null;
 *                   {@link #CONFIGURED_WINDOW} for the service's configured window
 * @param asOf       report as of this date (later articles are ignored); null for today
 */
public record StatusRequest(String topic, LocalDate since, int windowDays, LocalDate asOf) {

    /** Use the window configured for the service ({@code status.window-days}). */
    public static final int CONFIGURED_WINDOW = -1;

    public StatusRequest {
        if (topic != null && topic.isBlank()) {
            throw new IllegalArgumentException("the topic is empty");
        }
        if (windowDays != CONFIGURED_WINDOW && (windowDays < 1 || windowDays > 3650)) {
            throw new IllegalArgumentException("the window must be 1 to 3650 days, got " + windowDays);
        }
    }
}
