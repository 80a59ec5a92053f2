package tradetalk.cli.config;

import java.nio.file.Path;
import java.util.Objects;
import tradetalk.answer.model.ModelSettings;
import tradetalk.answer.offline.OfflineSettings;
import tradetalk.answer.status.StatusSettings;
import tradetalk.bot.DiscordConfig;
import tradetalk.bot.InsightsConfig;

/**
 * The whole configuration, one record per section of {@code config/tradetalk.yml}. Loaded once by
 * {@link ConfigLoader}; every section validates itself.
 */
public record TradetalkConfig(
        IndexConfig index,
        SearchConfig search,
        OfflineSettings answer,
        ModelSettings model,
        PromptsConfig prompts,
        DiscordConfig discord,
        StatusSettings status,
        FeedsConfig feeds,
        OpenSearchConfig opensearch,
        MetricsConfig metrics,
        InsightsConfig insights,
        HealthConfig health) {

    public TradetalkConfig {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(opensearch, "opensearch");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(insights, "insights");
        Objects.requireNonNull(health, "health");
        search.settings(); // the retrieval module checks its settings: fail at load, naming the key
        opensearch.settings();
    }

    /** The same configuration with relative paths resolved against {@code home}. */
    TradetalkConfig resolve(Path home) {
        return new TradetalkConfig(
                index.resolve(home),
                search,
                answer,
                model,
                prompts.resolve(home),
                discord.resolve(home),
                status,
                feeds,
                opensearch.resolve(home),
                metrics,
                insights.resolve(home),
                health.resolve(home));
    }

    /** The same configuration with the OpenSearch password (from the environment only). */
    TradetalkConfig withOpenSearchPassword(String password) {
        return new TradetalkConfig(
                index,
                search,
                answer,
                model,
                prompts,
                discord,
                status,
                feeds,
                opensearch.withPassword(password),
                metrics,
                insights,
                health);
    }

    /** A copy with another index directory (the CLI's --index). */
    public TradetalkConfig withIndexDir(Path dir) {
        return new TradetalkConfig(
                index(dir.toString(), index.backend()),
                search,
                answer,
                model,
                prompts,
                discord,
                status,
                feeds,
                opensearch,
                metrics,
                insights,
                health);
    }

    /**
     * A copy storing articles in {@code backend}, with OpenSearch index names under {@code opensearchIndex} (eval and
     * bench use a scratch index of their own, never the configured one).
     */
    public TradetalkConfig withBackend(IndexConfig.Backend backend, String opensearchIndex) {
        return new TradetalkConfig(
                index(index.dir(), backend.name().toLowerCase(java.util.Locale.ROOT)),
                search,
                answer,
                model,
                prompts,
                discord,
                status,
                feeds,
                opensearch.withIndex(opensearchIndex),
                metrics,
                insights,
                health);
    }

    /** A copy with other metrics and insights sections (tests). */
    public TradetalkConfig withOps(MetricsConfig m, InsightsConfig i) {
        return new TradetalkConfig(
                index, search, answer, model, prompts, discord, status, feeds, opensearch, m, i, health);
    }

    private IndexConfig index(String dir, String backend) {
        return new IndexConfig(
                dir,
                index.articles(),
                index.passageWords(),
                index.passageOverlap(),
                index.maxAge(),
                index.maxArticleBytes(),
                index.ingestBatch(),
                index.sentenceVectors(),
                backend);
    }
}
