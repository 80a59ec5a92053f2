package tradetalk.bot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateway shards one bot process runs ({@code discord.shards-total} and {@code discord.shards}): Discord sends
 * a guild's events to shard {@code (guild_id >> 22) % total}, so N processes with disjoint shard lists split the
 * guilds between them.
 *
 * @param total the shards of the whole bot, across all its processes; 0 = not sharded
 * @param ids   the shards this process runs, ascending; empty when not sharded
 */
public record Shards(int total, List<Integer> ids) {

    private static final Pattern PART = Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?");

    public Shards {
        ids = List.copyOf(ids);
    }

    /** Not sharded: one gateway connection receives every guild. */
    public static Shards none() {
        return new Shards(0, List.of());
    }

    /**
     * Parses and checks the two keys.
     *
     * @param total {@code discord.shards-total}: 0 (not sharded) or more
     * @param spec  {@code discord.shards}: comma-separated shard ids and ranges such as {@code 0-3} or {@code 0,2};
     *              empty or null = every shard of {@code total}
     * @throws IllegalArgumentException naming the key, for a negative total, a spec without a total, a malformed
     *                                  part, a shard outside {@code 0..total-1} or a shard listed twice
     */
    public static Shards parse(int total, String spec) {
        String s = spec == null ? "" : spec.strip();
        if (total < 0) {
            throw new IllegalArgumentException(
                    "discord.shards-total must be 0 (not sharded) or a number of shards, got " + total);
        }
        if (total == 0) {
            if (!s.isEmpty()) {
                throw new IllegalArgumentException("discord.shards is '" + s + "' but discord.shards-total is not"
                        + " set: set it to the number of shards of all bot processes together");
            }
            return none();
        }
        if (s.isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                all.add(i);
            }
            return new Shards(total, all);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String part : s.split(",", -1)) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("discord.shards must be shard ids and ranges such as 0-3 or 0,2,"
                        + " got '" + s + "' (bad part '" + part.strip() + "')");
            }
            int from = number(m.group(1), total);
            int to = m.group(2) == null ? from : number(m.group(2), total);
            if (to < from) {
                throw new IllegalArgumentException(
                        "discord.shards: range " + part.strip() + " runs backwards; write " + to + "-" + from);
            }
            for (int id = from; id <= to; id++) {
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("discord.shards lists shard " + id + " twice in '" + s + "'");
                }
            }
        }
        return new Shards(total, ids.stream().sorted().toList());
    }

    private static int number(String digits, int total) {
        int id;
        try {
            id = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            id = Integer.MAX_VALUE;
        }
        if (id >= total) {
            throw new IllegalArgumentException("discord.shards: shard " + digits + " is out of range 0-" + (total - 1)
                    + " (discord.shards-total is " + total + ")");
        }
        return id;
    }

    /** Whether the bot is sharded (a ShardManager, not one connection). */
    public boolean enabled() {
        return total > 0;
    }

    /** Whether this process runs the shard. */
    public boolean holds(int shard) {
        return ids.contains(shard);
    }

    /** The shard that receives a guild's events: {@code (guild_id >> 22) % total}. */
    public int shardOf(String guildId) {
        return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
    }

    /** The ids as a canonical {@code discord.shards} value (ranges collapsed, e.g. {@code 0-2,5}); "" when off. */
    public String spec() {
        if (!enabled()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < ids.size()) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? ids.get(i).toString() : ids.get(i) + "-" + ids.get(j));
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return enabled() ? "shards " + spec() + " of " + total : "not sharded";
    }
}
