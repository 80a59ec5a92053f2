package tradetalk.bot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tradetalk.retrieval.Durations;

/**
 * The {@code discord} section: how the bot connects, who may use it, how often, and where it keeps feedback. The
 * token never appears in {@link #toString()}.
 *
 * @param token                the bot token (prefer TRADETALK_DISCORD_TOKEN); empty when not configured
 * @param apiBaseUrl           REST base URL (a proxy or a fake); empty for Discord's
 * @param gatewayUrl           gateway URL; empty for Discord's
 * @param guildIds             register commands in these guilds (instant) instead of globally
 * @param allowedGuilds        answer only in these guilds; empty = every guild
 * @param allowedChannels      answer only in these channels (and their threads); empty = every channel
 * @param cooldown             per-user pause between two requests; 0s = off
 * @param guildBudget          requests a guild may make per {@code guildBudgetPeriod}; 0 = unlimited
 * @param guildBudgetPeriod    the period of the guild budget
 * @param messageContentIntent ask for the privileged MESSAGE_CONTENT intent (not needed: mentions carry content)
 * @param streamEditInterval   least time between two edits of a streaming answer (at least 1s)
 * @param feedbackDir          where feedback votes are stored (JSON Lines)
 * @param digestChannel        channel id to post a status digest to; empty = no digest
 * @param digestInterval       how often to check for a digest, e.g. 6h; empty = no digest
 * @param shardsTotal          the number of gateway shards the bot's guilds are split into, across all its
 *                             processes; 0 = not sharded (one connection, every guild)
 * @param shards               the shards this process runs, e.g. {@code 0-3} or {@code 0,2}; empty = all of
 *                             {@code shardsTotal}
 */
public record DiscordConfig(
        String token,
        String apiBaseUrl,
        String gatewayUrl,
        List<String> guildIds,
        List<String> allowedGuilds,
        List<String> allowedChannels,
        Duration cooldown,
        int guildBudget,
        Duration guildBudgetPeriod,
        boolean messageContentIntent,
        Duration streamEditInterval,
        String feedbackDir,
        String digestChannel,
        String digestInterval,
        int shardsTotal,
        String shards) {

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    public DiscordConfig {
        token = token == null ? "" : token.strip();
        apiBaseUrl = url(apiBaseUrl, "discord.api-base-url", "http");
        gatewayUrl = url(gatewayUrl, "discord.gateway-url", "ws");
        guildIds = ids(guildIds, "discord.guild-ids");
        allowedGuilds = ids(allowedGuilds, "discord.allowed-guilds");
        allowedChannels = ids(allowedChannels, "discord.allowed-channels");
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("discord.cooldown must be a duration of 0s or more, such as 10s");
        }
        if (guildBudget < 0) {
            throw new IllegalArgumentException(
                    "discord.guild-budget must be 0 (unlimited) or more, got " + guildBudget);
        }
        if (guildBudgetPeriod == null || guildBudgetPeriod.isZero() || guildBudgetPeriod.isNegative()) {
            throw new IllegalArgumentException("discord.guild-budget-period must be a positive duration such as 1h");
        }
        if (streamEditInterval == null || streamEditInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "discord.stream-edit-interval must be at least 1s (Discord rate " + "limits message edits)");
        }
        feedbackDir = feedbackDir == null || feedbackDir.isBlank() ? "data/feedback" : feedbackDir.strip();
        digestChannel = digestChannel == null ? "" : digestChannel.strip();
        if (!digestChannel.isEmpty() && !SNOWFLAKE.matcher(digestChannel).matches()) {
            throw new IllegalArgumentException(
                    "discord.digest-channel must be a channel id (digits), got '" + digestChannel + "'");
        }
        digestInterval = digestInterval == null ? "" : digestInterval.strip();
        if (!digestInterval.isEmpty()) {
            Duration d;
            try {
                d = Durations.parse(digestInterval);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("discord.digest-interval: " + e.getMessage());
            }
            if (d.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException(
                        "discord.digest-interval must be at least 1m, got " + digestInterval);
            }
        }
        shards = Shards.parse(shardsTotal, shards).spec(); // validates both keys, naming them
    }

    /** A configuration for tests and defaults: no token, nothing restricted. */
    public static DiscordConfig defaults() {
        return new DiscordConfig(
                "",
                "",
                "",
                List.of(),
                List.of(),
                List.of(),
                Duration.ofSeconds(10),
                200,
                Duration.ofHours(1),
                false,
                Duration.ofSeconds(1),
                "data/feedback",
                "",
                "",
                0,
                "");
    }

    /** The gateway shards this process runs (validated at load). */
    public Shards sharding() {
        return Shards.parse(shardsTotal, shards);
    }

    /** A copy that runs these shards of {@code total} (spec as in {@code discord.shards}). */
    public DiscordConfig withShards(int total, String spec) {
        return new DiscordConfig(
                token,
                apiBaseUrl,
                gatewayUrl,
                guildIds,
                allowedGuilds,
                allowedChannels,
                cooldown,
                guildBudget,
                guildBudgetPeriod,
                messageContentIntent,
                streamEditInterval,
                feedbackDir,
                digestChannel,
                digestInterval,
                total,
                spec);
    }

    /** The feedback directory as a path. */
    public Path feedbackPath() {
        return Path.of(feedbackDir);
    }

    /** The digest schedule, when both the channel and the interval are set. */
    public Optional<Duration> digestEvery() {
        return digestChannel.isEmpty() || digestInterval.isEmpty()
                ? Optional.empty()
                : Optional.of(Durations.parse(digestInterval));
    }

    /** Whether a token is configured. */
    public boolean hasToken() {
        return !token.isEmpty();
    }

    /** The same configuration with the feedback directory resolved against {@code home}. */
    public DiscordConfig resolve(Path home) {
        Path dir = Path.of(feedbackDir);
        return withFeedbackDir(dir.isAbsolute() ? dir : home.resolve(dir).normalize());
    }

    /** A copy with another feedback directory. */
    public DiscordConfig withFeedbackDir(Path dir) {
        return new DiscordConfig(
                token,
                apiBaseUrl,
                gatewayUrl,
                guildIds,
                allowedGuilds,
                allowedChannels,
                cooldown,
                guildBudget,
                guildBudgetPeriod,
                messageContentIntent,
                streamEditInterval,
                dir.toString(),
                digestChannel,
                digestInterval,
                shardsTotal,
                shards);
    }

    /** A copy with another cooldown and guild budget (tests, operators' overrides). */
    public DiscordConfig withLimits(Duration newCooldown, int newBudget) {
        return new DiscordConfig(
                token,
                apiBaseUrl,
                gatewayUrl,
                guildIds,
                allowedGuilds,
                allowedChannels,
                newCooldown,
                newBudget,
                guildBudgetPeriod,
                messageContentIntent,
                streamEditInterval,
                feedbackDir,
                digestChannel,
                digestInterval,
                shardsTotal,
                shards);
    }

    /** A copy with a token and endpoints (tests against a fake, or a proxy). */
    public DiscordConfig withConnection(String newToken, String newApiBaseUrl, String newGatewayUrl) {
        return new DiscordConfig(
                newToken,
                newApiBaseUrl,
                newGatewayUrl,
                guildIds,
                allowedGuilds,
                allowedChannels,
                cooldown,
                guildBudget,
                guildBudgetPeriod,
                messageContentIntent,
                streamEditInterval,
                feedbackDir,
                digestChannel,
                digestInterval,
                shardsTotal,
                shards);
    }

    /** A copy that asks for (or not) the privileged Message Content intent. */
    public DiscordConfig withMessageContent(boolean intent) {
        return new DiscordConfig(
                token,
                apiBaseUrl,
                gatewayUrl,
                guildIds,
                allowedGuilds,
                allowedChannels,
                cooldown,
                guildBudget,
                guildBudgetPeriod,
                intent,
                streamEditInterval,
                feedbackDir,
                digestChannel,
                digestInterval,
                shardsTotal,
                shards);
    }

    /** A copy with a digest channel and interval. */
    public DiscordConfig withDigest(String channel, String interval) {
        return new DiscordConfig(
                token,
                apiBaseUrl,
                gatewayUrl,
                guildIds,
                allowedGuilds,
                allowedChannels,
                cooldown,
                guildBudget,
                guildBudgetPeriod,
                messageContentIntent,
                streamEditInterval,
                feedbackDir,
                channel,
                interval,
                shardsTotal,
                shards);
    }

    /** A copy with guild/channel allow-lists and command guilds. */
    public DiscordConfig withGuilds(List<String> commandGuilds, List<String> guilds, List<String> channels) {
        return new DiscordConfig(
                token,
                apiBaseUrl,
                gatewayUrl,
                commandGuilds,
                guilds,
                channels,
                cooldown,
                guildBudget,
                guildBudgetPeriod,
                messageContentIntent,
                streamEditInterval,
                feedbackDir,
                digestChannel,
                digestInterval,
                shardsTotal,
                shards);
    }

    private static String url(String value, String key, String scheme) {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty() && !v.regionMatches(true, 0, scheme, 0, scheme.length())) {
            throw new IllegalArgumentException(
                    key + " must start with " + scheme + ":// or " + scheme + "s://, got '" + v + "'");
        }
        return v;
    }

    private static List<String> ids(List<String> values, String key) {
        if (values == null) {
            return List.of();
        }
        List<String> out = values.stream()
                .map(v -> v == null ? "" : v.strip())
                .filter(v -> !v.isEmpty())
                .toList();
        for (String id : out) {
            if (!SNOWFLAKE.matcher(id).matches()) {
                throw new IllegalArgumentException(key + " must list ids (digits), got '" + id + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=" + (token.isEmpty() ? "" : "***") + ", apiBaseUrl=" + apiBaseUrl
                + ", gatewayUrl=" + gatewayUrl + ", guildIds=" + guildIds + ", allowedGuilds=" + allowedGuilds
                + ", allowedChannels=" + allowedChannels + ", cooldown=" + cooldown + ", guildBudget=" + guildBudget
                + "/" + guildBudgetPeriod + ", messageContentIntent=" + messageContentIntent + ", streamEditInterval="
                + streamEditInterval + ", feedbackDir=" + feedbackDir + ", digestChannel=" + digestChannel
                + ", digestInterval=" + digestInterval + ", shardsTotal=" + shardsTotal + ", shards=" + shards + "]";
    }
}
