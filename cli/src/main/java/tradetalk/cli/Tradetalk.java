package tradetalk.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.UserError;
import tradetalk.answer.model.ModelComposer;
import tradetalk.answer.model.ModelSettings;
import tradetalk.answer.model.Prompts;
import tradetalk.answer.offline.AbstentionModel;
import tradetalk.answer.offline.OfflineComposer;
import tradetalk.answer.service.AnswerService;
import tradetalk.answer.status.StatusService;
import tradetalk.answer.status.TimelineStatusService;
import tradetalk.answer.summary.ExtractiveSummaryService;
import tradetalk.answer.summary.SummaryService;
import tradetalk.answer.support.SupportChecker;
import tradetalk.bot.DiscordBot;
import tradetalk.bot.DiscordConfig;
import tradetalk.bot.FeedbackStore;
import tradetalk.bot.QuestionLog;
import tradetalk.cli.config.IndexConfig;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.cli.metrics.MetricsServer;
import tradetalk.ingest.feed.ArticleFetcher;
import tradetalk.ingest.feed.FeedIngester;
import tradetalk.ingest.feed.FeedListener;
import tradetalk.ingest.feed.FeedRefresher;
import tradetalk.ingest.feed.FeedState;
import tradetalk.ingest.feed.HostPolicy;
import tradetalk.ingest.feed.HttpFetcher;
import tradetalk.ingest.feed.IngestProgress;
import tradetalk.ingest.feed.PageFetcher;
import tradetalk.ingest.feed.Robots;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.CachingEmbedder;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.StoredSentenceEmbedder;
import tradetalk.retrieval.store.ArticleStore;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.store.opensearch.OpenSearchArticleStore;

/**
 * The object graph, built by hand from the configuration: the one wiring place of embedder, index, composers,
 * services, feeds and the Discord bot. Parts are made on first use so that a command only pays for what it needs;
 * the Discord bot warms them up before it logs in ({@link #warmUp()}). Close it to close the index. Tests may
 * override the service methods to put doubles into the bot.
 */
public class Tradetalk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tradetalk.class);

    private final TradetalkConfig config;
    private final Clock clock;
    private Embedder embedder;
    private Embedder sentenceEmbedder;
    private ArticleStore index;
    private OfflineComposer offline;
    private AnswerService answers;
    private Prompts prompts;
    private AnswerComposer composer;
    private StatusService status;
    private SummaryService summaries;
    private final HostPolicy hosts;
    private HttpFetcher http;
    private PageFetcher pages;
    private FeedIngester feedIngester;
    private FeedRefresher feedRefresher;
    private MetricsServer metrics;
    private QuestionLog questionLog;

    public Tradetalk(TradetalkConfig config) {
        this(config, config.feeds().hostPolicy());
    }

    /** With a policy on which hosts fetches may contact (tests allow only loopback). */
    public Tradetalk(TradetalkConfig config, HostPolicy hosts) {
        this(config, hosts, Clock.systemDefaultZone());
    }

    /**
     * With a policy on which hosts fetches may contact and the clock that says what "today" and "now" are for every
     * part of the graph: the day a question without a date is asked on, the newest plausible publication date, the
     * feeds' retention, the bot's rate limits and logs.
     */
    public Tradetalk(TradetalkConfig config, HostPolicy hosts, Clock clock) {
        this.config = config;
        this.hosts = hosts;
        this.clock = clock;
    }

    /** The graph with another embedding model (e.g. {@code RandomEmbedder} for {@code tradetalk bench}). */
    public Tradetalk(TradetalkConfig config, Embedder embedder) {
        this(config, config.feeds().hostPolicy());
        this.embedder = embedder;
    }

    public TradetalkConfig config() {
        return config;
    }

    /** What "today" and "now" are for every part of the graph. */
    public Clock clock() {
        return clock;
    }

    /**
     * Starts loading the default embedding model before the configuration is even read (nothing in it changes the
     * model): for a command that will embed at once, such as {@code ask}, whose first answer waits for the model.
     */
    public static void prepareDefaultEmbedder() {
        new BgeSmallEmbedder().prepare();
    }

    /**
     * Starts loading the default embedding model as {@link #prepareDefaultEmbedder()} does, and embeds {@code query}
     * right after, while the configuration loads and the index opens: the first search for it finds its vector.
     */
    public static void prepareDefaultEmbedder(String query) {
        BgeSmallEmbedder e = new BgeSmallEmbedder();
        e.prepare();
        e.embedQueryAhead(query);
    }

    /** The embedding model; it loads on first use or {@link Embedder#prepare()}, never for commands that need none. */
    public synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = new BgeSmallEmbedder();
        }
        return embedder;
    }

    /**
     * The embedding model behind a cache, for sentences compared at answer time (offline answers, status,
     * summaries): the same sentences come back question after question. Ingest uses {@link #embedder()} directly.
     */
    public synchronized Embedder sentenceEmbedder() {
        if (sentenceEmbedder == null) {
            // vectors stored at ingest first, the model for the rest
            sentenceEmbedder =
                    new CachingEmbedder(new StoredSentenceEmbedder(embedder(), index().sentenceVectors()), 50_000);
        }
        return sentenceEmbedder;
    }

    /**
     * The article store, opened on first use: the embedded Lucene index ({@code index.backend: lucene}) or the
     * OpenSearch cluster ({@code opensearch}).
     */
    public synchronized ArticleStore index() {
        if (index == null) {
            index = openStore();
        }
        return index;
    }

    /**
     * Another store on the same articles, with its own connection (bench's concurrent ingest workers); the caller
     * closes it. Only the OpenSearch store may be opened twice for writing; a Lucene index has one writer.
     */
    public ArticleStore openStore() {
        return Stores.open(config, embedder(), chunker());
    }

    /** How articles are cut into passages ({@code index.passage-words}, {@code index.passage-overlap}). */
    public Chunker chunker() {
        return new Chunker(config.index().passageWords(), config.index().passageOverlap());
    }

    /** Reads article files and directories as ingest does ({@code index.max-article-bytes}). */
    public ArticleReader articleReader() {
        return new ArticleReader(clock, config.index().maxArticleBytes());
    }

    /** The store's backend: {@code lucene} or {@code opensearch} ({@code index.backend}). */
    public String backend() {
        return config.index().backend();
    }

    /**
     * Deletes the OpenSearch index of a scratch store (eval and bench made it); the Lucene store's scratch directory
     * is deleted by its caller.
     */
    public synchronized void deleteScratchIndex() {
        if (index instanceof OpenSearchArticleStore os) {
            os.deleteIndex();
        }
    }

    /** The store's name for messages: the Lucene directory, or the OpenSearch index and its cluster. */
    public String indexName() {
        return Stores.name(config);
    }

    /** The offline composer. */
    public synchronized OfflineComposer offlineComposer() {
        if (offline == null) {
            ArticleStore idx = index();
            offline = new OfflineComposer(
                    idx, // batch idf: one request per answer on OpenSearch
                    sentenceEmbedder(),
                    config.answer(),
                    AbstentionModel.bundled(),
                    config.status().thresholds());
        }
        return offline;
    }

    /** The prompt templates: the operator's directory first, then the shipped ones. */
    public synchronized Prompts prompts() {
        if (prompts == null) {
            prompts = new Prompts(config.prompts().dirPath());
        }
        return prompts;
    }

    /** The composer chosen in config: a model backend, or the offline composer. */
    public synchronized AnswerComposer composer() {
        if (composer == null) {
            ModelSettings settings = config.model();
            composer = settings.usesModel()
                    ? ModelComposer.streaming(
                            settings,
                            prompts(),
                            supportChecker(),
                            config.answer().unsupportedPolicy(),
                            config.answer().nearest())
                    : offlineComposer();
        }
        return composer;
    }

    /** Checks each model sentence against the passages it cites (sentence vectors shared with the composers). */
    public SupportChecker supportChecker() {
        return new SupportChecker(sentenceEmbedder(), config.answer().supportSimilarity());
    }

    /** Question answering. */
    public synchronized AnswerService answers() {
        if (answers == null) {
            answers = new AnswerService(index(), composer(), offlineComposer(), clock);
        }
        return answers;
    }

    /** The model composer that writes status and summary prose, or null when the provider is offline. */
    private ModelComposer modelComposer() {
        return composer() instanceof ModelComposer m ? m : null;
    }

    /** Status reports: a headline and a dated, cited timeline of a topic. */
    public synchronized StatusService statusService() {
        if (status == null) {
            status = new TimelineStatusService(index(), sentenceEmbedder(), config.status(), modelComposer());
        }
        return status;
    }

    /** Summaries of an article, a topic or a date range. */
    public synchronized SummaryService summaryService() {
        if (summaries == null) {
            summaries = new ExtractiveSummaryService(
                    index(), sentenceEmbedder(), config.status().thresholds(), modelComposer());
        }
        return summaries;
    }

    /** The indexed articles, newest first. */
    public List<ArticleMeta> articles() {
        return index().articles();
    }

    /**
     * Makes now what the first question would otherwise wait for, so that the first answers neither wait nor all
     * start at the same instant once it is ready: the embedding model (loaded and run once), the index and its
     * searcher, the composers, prompts and the status and summary services.
     */
    public void warmUp() {
        long t0 = System.nanoTime();
        embedder().embedQuery("trade talks"); // loads the model and runs it once (ONNX session, tokenizer)
        answers();
        statusService();
        summaryService();
        List<SearchHit> hits = index().search(SearchRequest.of("trade talks", 1));
        offlineComposer().compose("trade talks", hits, s -> {});
        log.info("Warmed up (embedding model, index, composers) in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Builds the Discord bot over this graph's services, warms the graph up, then connects ({@link DiscordWiring}).
     *
     * @throws UserError when the token is missing or rejected, or Discord cannot be reached
     */
    public DiscordBot startDiscordBot(DiscordConfig discord, Clock clock) throws InterruptedException {
        return DiscordWiring.start(this, discord, clock);
    }

    /** Starts the Prometheus endpoint if {@code metrics.enabled}, before the feed refresher reports to it; or null. */
    public synchronized MetricsServer startMetrics() {
        if (metrics == null && config.metrics().enabled()) {
            metrics = MetricsServer.start(config.metrics());
            metrics.meters().indexArticles(() -> index().articleCount());
        }
        return metrics;
    }

    /** The votes' store: the shared OpenSearch index with that backend, else {@code discord.feedback-dir}. */
    public FeedbackStore openFeedback(DiscordConfig discord) {
        return config.index().backendKind() == IndexConfig.Backend.OPENSEARCH
                ? OpenSearchFeedbackStore.open(config.opensearch().settings()) // every bot process sees every vote
                : FeedbackStore.open(discord.feedbackPath());
    }

    /** The question log of the Discord bot ({@code insights.*}), opened on first use. */
    public synchronized QuestionLog questionLog(Clock clock) {
        if (questionLog == null) {
            questionLog = QuestionLog.open(config.insights(), clock);
        }
        return questionLog;
    }

    /** Reads and ingests files and directories. */
    public IngestReport ingest(List<Path> paths) {
        return ingest(paths, IngestProgress.none());
    }

    /**
     * Reads and ingests files and directories, reporting progress; a copy of a story already indexed under another
     * path or URL is recorded in that article's also_in instead (see {@link FeedIngester#ingestArticles}).
     */
    public IngestReport ingest(List<Path> paths, IngestProgress progress) {
        ReadResult read = articleReader().read(paths);
        return feedIngester()
                .ingestArticles(read.articles(), read.rejected(), progress)
                .withSkipped(read.skipped());
    }

    /** The bounded, polite HTTP client of feeds and pages (config section {@code feeds}). */
    public synchronized HttpFetcher httpFetcher() {
        if (http == null) {
            http = new HttpFetcher(config.feeds().fetchSettings(), hosts, u -> log.debug("GET {}", u));
        }
        return http;
    }

    /** Fetches article pages (robots.txt, charsets, main text). */
    public synchronized ArticleFetcher articleFetcher() {
        if (pages == null) {
            pages = new PageFetcher(httpFetcher(), new Robots(httpFetcher()));
        }
        return pages;
    }

    /** Feed and page ingestion with deduplication; its state lives in the index directory. */
    public synchronized FeedIngester feedIngester() {
        if (feedIngester == null) {
            feedIngester = new FeedIngester(
                    httpFetcher(),
                    articleFetcher(),
                    index(),
                    FeedState.load(config.index().dirPath().resolve(FeedState.FILE_NAME)),
                    clock,
                    config.feeds().maxItems());
        }
        return feedIngester;
    }

    /**
     * The refresher of the configured feeds (and of {@code index.max-age} retention). Not started: call
     * {@link FeedRefresher#start()}; {@link #close()} stops it.
     */
    public synchronized FeedRefresher feedRefresher() {
        if (feedRefresher == null) {
            feedRefresher = new FeedRefresher(
                    feedIngester(),
                    index(),
                    config.feeds().feedSources(),
                    config.feeds().backoff(),
                    config.index().maxAgeDuration(),
                    clock,
                    metrics == null ? FeedListener.NONE : metrics.meters());
        }
        return feedRefresher;
    }

    /**
     * Fetches one article page and ingests it, skipping a copy of an indexed story (recorded in that article's
     * also_in). A page that cannot be had is a rejected entry with the reason, not an exception.
     */
    public IngestReport ingestUrl(URI url) {
        return feedIngester().ingestUrl(url);
    }

    /**
     * Ingests the configured articles directory when the index is empty, saying so on {@code err}.
     *
     * @return true when it ingested something
     */
    public boolean ingestDefaultsIfEmpty(PrintStream err) {
        return ingestDefaultsIfEmpty(err, false);
    }

    /**
     * Ingests the configured articles directory when the index is empty, saying so on {@code err}.
     *
     * @param required true for a command that answers from the index (ask, status, summary): an empty index with no
     *                 articles directory to fill it is then an error naming {@code index.articles}, not an answer
     *                 that finds nothing; false (the bot, which feeds may fill) only logs a warning
     * @return true when it ingested something
     * @throws UserError when required and the index is empty and index.articles is not a directory
     */
    public boolean ingestDefaultsIfEmpty(PrintStream err, boolean required) {
        Path articles = config.index().articlesPath();
        if (index().articleCount() > 0) {
            return false;
        }
        if (articles == null || !Files.isDirectory(articles)) {
            String problem = articles == null
                    ? "index.articles is empty"
                    : "index.articles (" + articles + ") "
                            + (Files.exists(articles) ? "is not a directory" : "does not exist");
            if (required) {
                throw new UserError("the index " + indexName() + " is empty and " + problem
                        + ": set index.articles (TRADETALK_INDEX_ARTICLES) to a directory of articles, or run "
                        + "tradetalk ingest PATH");
            }
            log.warn("The index is empty and {}; nothing can be found until articles are ingested", problem);
            return false;
        }
        IngestReport r = ingest(List.of(articles));
        err.printf("tradetalk: the index was empty; ingested %d articles from %s%n", r.added(), articles);
        r.rejected().forEach(x -> err.printf("tradetalk: rejected %s: %s%n", x.source(), x.reason()));
        return r.added() > 0;
    }

    /**
     * Re-reads the configured articles directory and indexes what is new or changed (Discord's /reindex).
     *
     * @throws UserError when index.articles is not a directory
     */
    public IngestReport reindex() {
        Path articles = config.index().articlesPath();
        if (articles == null || !Files.isDirectory(articles)) {
            throw new UserError("index.articles (" + articles + ") is not a directory; nothing to reindex");
        }
        return ingest(List.of(articles));
    }

    @Override
    public synchronized void close() {
        if (feedRefresher != null) {
            feedRefresher.stop();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (questionLog != null) {
            questionLog.close();
        }
        if (index != null) {
            index.close();
            log.debug("Closed index {}", indexName());
        }
    }
}
