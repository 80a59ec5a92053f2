package tradetalk.answer.status;

/** Reports the latest state of a topic from the newest indexed articles. */
public interface StatusService {

    /** The status report; never null, {@link StatusReport#empty()} when nothing covers the topic. */
    StatusReport status(StatusRequest request);
}
