package tradetalk.cli.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a running {@code discord} or {@code watch} process reports in its status file for {@code tradetalk health}.
 *
 * @param process      {@code discord} or {@code watch}
 * @param pid          the process id
 * @param started      when the process started
 * @param updated      when the file was last written (every {@link StatusReporter#EVERY})
 * @param gateway      the Discord gateway state of each shard, by shard id (JDA's status names, e.g.
 *                     {@code CONNECTED}); empty before the bot connects and for {@code watch}
 * @param gatewaySince when the gateway states last changed
 * @param feeds        the last refresh of each feed this process refreshes; empty when it refreshes none
 */
public record ProcessStatus(
        String process,
        long pid,
        Instant started,
        Instant updated,
        Map<Integer, String> gateway,
        Instant gatewaySince,
        List<FeedStatus> feeds) {

    /** JDA's state of a connected gateway shard. */
    public static final String CONNECTED = "CONNECTED";

    public ProcessStatus {
        gateway = gateway == null ? Map.of() : Map.copyOf(gateway);
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    /**
     * One feed's last refresh.
     *
     * @param feed          the feed's name
     * @param at            when its last refresh ended
     * @param ok            whether it worked
     * @param error         why it failed; empty when it worked
     * @param failuresInRow its consecutive failures
     */
    public record FeedStatus(String feed, Instant at, boolean ok, String error, int failuresInRow) {}
}
