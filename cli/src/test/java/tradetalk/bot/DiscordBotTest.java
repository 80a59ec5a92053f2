package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Citation;
import tradetalk.answer.Composition;
import tradetalk.answer.UserError;
import tradetalk.answer.service.AnswerService;
import tradetalk.answer.status.StatusReport;
import tradetalk.answer.status.StatusService;
import tradetalk.answer.status.TimelineItem;
import tradetalk.answer.summary.Summary;
import tradetalk.answer.summary.SummaryRequest;
import tradetalk.answer.summary.SummaryService;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.bot.fake.InteractionHandle;
import tradetalk.bot.fake.RecordedRequest;
import tradetalk.cli.MutableClock;
import tradetalk.cli.Tradetalk;
import tradetalk.cli.config.ConfigLoader;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.store.opensearch.OpenSearchStoreException;

/**
 * The bot end to end: the real JDA client against {@link FakeDiscord}, over a real index of the seed articles (plus a
 * poisoned one) with the real offline composer; status and summary are simple in-test services until theirs exist.
 */
class DiscordBotTest {

    private static final String TOKEN = "test-bot-token-123";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String POISON_TITLE = "@everyone Soybean waiver announced @here";
    /** A topic whose in-test status and summary are several messages long, with a mention in every sentence. */
    private static final String LONG_TOPIC = "zinc quotas";

    private static final int LONG_SENTENCES = 80;

    @TempDir
    static Path home;

    @TempDir
    Path feedbackDir;

    private static TestGraph tradetalk;
    /** The bot's clock: tests move it instead of waiting. */
    private static final MutableClock clock = new MutableClock();
    /** The composer the model backend would be; by default the offline composer, tests swap it. */
    private static final AtomicReference<AnswerComposer> primary = new AtomicReference<>();

    private static final List<String> composedQuestions = Collections.synchronizedList(new ArrayList<>());
    private static final List<URI> ingestedUrls = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicReference<Supplier<List<ArticleMeta>>> articleSource = new AtomicReference<>();
    /** When set, the store's searches fail with it (a cluster gone). */
    private static final AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();

    private FakeDiscord discord;
    private DiscordBot bot;

    @BeforeAll
    static void buildIndex() {
        TradetalkConfig config = new ConfigLoader().load(null, Map.of(), home);
        tradetalk = new TestGraph(config);
        tradetalk.ingest(
                List.of(Path.of("..", "data", "articles").toAbsolutePath().normalize()));
        tradetalk
                .index()
                .ingest(List.of(Article.of(
                        new ArticleMeta(
                                "poison-1",
                                POISON_TITLE,
                                "Spam Daily @everyone",
                                LocalDate.of(2019, 11, 20),
                                "https://spam.example/soy?x=1",
                                "",
                                "",
                                ""),
                        "@everyone The soybean tariff waiver was announced by the commerce ministry on Wednesday. "
                                + "@here Importers said the soybean tariff waiver covers ten million tonnes.")));
    }

    @AfterAll
    static void closeIndex() {
        tradetalk.close();
    }

    @BeforeEach
    void startFake() throws IOException {
        discord = new FakeDiscord(TOKEN);
        primary.set(tradetalk.offlineComposer());
        composedQuestions.clear();
        ingestedUrls.clear();
        storeFailure.set(null);
        articleSource.set(() -> tradetalk.index().articles());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }

    // ------------------------------------------------------------------ wiring of the test

    private DiscordConfig config() {
        return DiscordConfig.defaults()
                .withConnection(TOKEN, discord.restBaseUrl(), discord.gatewayUrl())
                .withFeedbackDir(feedbackDir)
                .withLimits(Duration.ZERO, 0);
    }

    private DiscordBot start(DiscordConfig config) throws InterruptedException {
        bot = tradetalk.startDiscordBot(config, clock);
        discord.awaitReady();
        return bot;
    }

    private DiscordBot start() throws InterruptedException {
        return start(config());
    }

    private String webhook(InteractionHandle h) {
        return "webhooks/" + discord.applicationId() + "/" + h.token();
    }

    private RecordedRequest awaitOriginalEdit(InteractionHandle h) {
        return discord.awaitRequest("PATCH", webhook(h) + "/messages/@original", TIMEOUT);
    }

    private static void assertNoPing(RecordedRequest r) {
        assertThat(r.rawBody()).doesNotContain("@everyone").doesNotContain("@here");
        JsonNode allowed = r.body().path("allowed_mentions");
        assertThat(allowed.isObject()).as("allowed_mentions in %s", r).isTrue();
        assertThat(allowed.path("parse")).as("allowed_mentions.parse in %s", r).isEmpty();
        assertThat(allowed.path("users")).isEmpty();
        assertThat(allowed.path("roles")).isEmpty();
    }

    // ------------------------------------------------------------------ tests

    @Test
    @DisplayName("on start the bot registers every command, with Manage Server as default permission for admin ones")
    void should_register_commands() throws Exception {
        start();

        List<JsonNode> commands = discord.globalCommands();
        assertThat(commands)
                .extracting(c -> c.path("name").asText())
                .containsExactly("ask", "status", "summary", "sources", "ingest", "reindex", "insights", "help");
        assertThat(commands)
                .allSatisfy(c -> assertThat(c.path("contexts").toString()).isEqualTo("[\"0\"]"));
        JsonNode ingest = commands.stream()
                .filter(c -> c.path("name").asText().equals("ingest"))
                .findFirst()
                .orElseThrow();
        RecordedRequest put =
                discord.awaitRequest("PUT", "applications/" + discord.applicationId() + "/commands", TIMEOUT);
        JsonNode sentIngest = null;
        for (JsonNode c : put.body()) {
            if (c.path("name").asText().equals("ingest")) {
                sentIngest = c;
            }
        }
        assertThat(sentIngest.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(ingest.path("name").asText()).isEqualTo("ingest");
        assertThat(discord.identifiedIntents().getFirst() & FakeDiscord.INTENT_MESSAGE_CONTENT)
                .isZero();
    }

    @Test
    @DisplayName("/ask is deferred first, then answered with [n] markers, unfurl-free sources and feedback buttons")
    void should_answer_ask_with_citations() throws Exception {
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(),
                "ask",
                Map.of("question", "What did Liu He discuss with Mnuchin and Lighthizer?"));

        RecordedRequest callback = discord.awaitRequest("POST", h.callbackPath(), TIMEOUT);
        assertThat(callback.body().path("type").asInt()).isEqualTo(5);
        assertThat(callback.status()).isEqualTo(204);
        RecordedRequest edit = awaitOriginalEdit(h);
        assertThat(edit.status()).isEqualTo(200);
        String content = edit.body().path("content").asText();
        assertThat(content).containsPattern("\\[1\\]").contains("**Sources**");
        assertThat(edit.body().path("components").toString()).contains("fb:").contains("Helpful");
        assertNoPing(edit);
        assertThat(discord.originalResponse(h))
                .hasValueSatisfying(m -> assertThat(m.path("content").asText()).isEqualTo(content));
    }

    @Test
    @DisplayName("/ask as_of: answers as of that day: articles published later are not among its sources")
    void should_answer_ask_as_of_a_date() throws Exception {
        start();
        String question = "What did Trump say about Hong Kong?";

        InteractionHandle today = discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", question));
        String now = awaitOriginalEdit(today).body().path("content").asText();
        InteractionHandle then = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", question, "as_of", "2019-11-19"));
        String asOf = awaitOriginalEdit(then).body().path("content").asText();

        assertThat(now).contains("2019-11-26");
        assertThat(asOf)
                .containsAnyOf("2019-11-18", "2019-10-25")
                .doesNotContain("2019-11-26")
                .doesNotContain("2019-11-20");
    }

    @Test
    @DisplayName("/ask with an as_of that is not a date says how to write one")
    void should_refuse_a_bad_as_of() throws Exception {
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Trump say?", "as_of", "last week"));

        assertThat(awaitOriginalEdit(h).body().path("content").asText())
                .isEqualTo("as_of must be a date like 2019-11-26 (YYYY-MM-DD).");
    }

    @Test
    @DisplayName("a poisoned article with @everyone produces no ping: allowed mentions empty and the text defused")
    void should_not_ping_from_poisoned_article() throws Exception {
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "Was the soybean tariff waiver announced?"));

        RecordedRequest edit = awaitOriginalEdit(h);
        String content = edit.body().path("content").asText();
        assertThat(content).contains("everyone"); // the poison reached the answer...
        assertNoPing(edit); // ...and cannot ping
        assertThat(content).contains("@\u200Beveryone");
        // every message the bot sent anywhere
        discord.requests().stream()
                .filter(r -> (r.method().equals("PATCH") || r.method().equals("POST"))
                        && r.body().isObject()
                        && (r.body().has("content") || r.body().path("data").has("content")))
                .forEach(
                        r -> assertThat(r.rawBody()).doesNotContain("@everyone").doesNotContain("@here"));
    }

    @Test
    @DisplayName("with the OpenSearch cluster unreachable /ask gets a short message with an error id, no details")
    void should_answer_with_an_error_id_when_the_store_is_unreachable() throws Exception {
        storeFailure.set(new OpenSearchStoreException(
                "OpenSearch at [http://127.0.0.1:1] is unreachable (Connection refused) while searching", null, true));
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Kudlow say about the short strokes?"));

        String content = awaitOriginalEdit(h).body().path("content").asText();
        assertThat(content)
                .containsPattern("error id `[^`]+`")
                .doesNotContain("127.0.0.1")
                .hasSizeLessThan(300);
    }

    @Test
    @DisplayName("with a stalled model backend the defer still arrives in time, then the answer follows")
    void should_defer_before_a_stalled_backend_answers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        primary.set(new AnswerComposer() {
            @Override
            public String name() {
                return "stalled";
            }

            @Override
            public Composition compose(String q, List<SearchHit> evidence, java.util.function.Consumer<String> p) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return tradetalk.offlineComposer().compose(q, evidence, p);
            }
        });
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Kudlow say about the short strokes?"));

        assertThat(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        RecordedRequest callback = discord.awaitRequest("POST", h.callbackPath(), TIMEOUT);
        assertThat(callback.status()).isEqualTo(204); // the fake refuses callbacks after 3 s with 404
        assertThat(discord.callbackType(h)).hasValue(5);
        release.countDown();
        assertThat(awaitOriginalEdit(h).body().path("content").asText()).contains("[1]");
    }

    @Test
    @DisplayName("a streaming backend's growing answer is edited in (throttled), then replaced by the final answer")
    void should_stream_partial_answers() throws Exception {
        primary.set(new AnswerComposer() {
            @Override
            public String name() {
                return "streaming";
            }

            @Override
            public Composition compose(String q, List<SearchHit> evidence, java.util.function.Consumer<String> p) {
                Composition done = tradetalk.offlineComposer().compose(q, evidence, s -> {});
                p.accept("Partial beginning");
                discord.awaitRequest("PATCH", "webhooks/.*/messages/@original", TIMEOUT);
                for (int i = 1; i <= 20; i++) { // 20 partials 300 ms apart on the bot's clock: 6 s in all
                    clock.advance(Duration.ofMillis(300));
                    p.accept("Partial beginning, then part " + i);
                }
                return done;
            }
        });
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Liu He discuss with Mnuchin?"));

        RecordedRequest first = awaitOriginalEdit(h);
        assertThat(first.body().path("content").asText()).startsWith("Partial beginning");
        assertNoPing(first);
        await().atMost(TIMEOUT)
                .until(() -> discord.originalResponse(h)
                        .map(m -> m.path("content").asText().contains("**Sources**"))
                        .orElse(false));
        List<String> partialEdits = discord.requests().stream()
                .filter(r -> r.method().equals("PATCH") && r.path().equals(webhook(h) + "/messages/@original"))
                .map(r -> r.body().path("content").asText())
                .filter(c -> !c.contains("**Sources**"))
                .toList();
        // at most one edit per second (discord.stream-edit-interval): the first, then at 1.2, 2.4, 3.6, 4.8, 6 s
        assertThat(partialEdits)
                .containsExactly(
                        "Partial beginning ▍",
                        "Partial beginning, then part 4 ▍",
                        "Partial beginning, then part 8 ▍",
                        "Partial beginning, then part 12 ▍",
                        "Partial beginning, then part 16 ▍",
                        "Partial beginning, then part 20 ▍");
    }

    @Test
    @DisplayName("streamed text grows unchecked; the final edit shows a marked sentence in italics with the note")
    void should_show_marked_sentences_in_the_final_edit() throws Exception {
        primary.set(new AnswerComposer() {
            @Override
            public String name() {
                return "streaming";
            }

            @Override
            public Composition compose(String q, List<SearchHit> evidence, java.util.function.Consumer<String> p) {
                p.accept("Trump signed the deal [1].");
                discord.awaitRequest("PATCH", "webhooks/.*/messages/@original", TIMEOUT);
                Citation c = new Citation(
                        1,
                        evidence.getFirst().passage().article(),
                        evidence.getFirst().passage().id(),
                        evidence.getFirst().passage().text());
                return new Composition(
                        "Trump signed the deal [1]. Talks went on [1].",
                        false,
                        List.of(c),
                        List.of(),
                        null,
                        List.of(
                                new tradetalk.answer.CheckedSentence(
                                        "Trump signed the deal [1].",
                                        List.of(1),
                                        false,
                                        "the cited source says otherwise (a negation differs)",
                                        true),
                                new tradetalk.answer.CheckedSentence(
                                        "Talks went on [1].", List.of(1), true, null, true)));
            }
        });
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Liu He discuss with Mnuchin?"));

        assertThat(awaitOriginalEdit(h).body().path("content").asText()).startsWith("Trump signed the deal [1].");
        await().atMost(TIMEOUT)
                .until(() -> discord.originalResponse(h)
                        .map(m -> m.path("content").asText().contains("**Sources**"))
                        .orElse(false));
        assertThat(discord.originalResponse(h).orElseThrow().path("content").asText())
                .startsWith("*Trump signed the deal [1].* (not found in the cited source) Talks went on [1].");
    }

    @Test
    @DisplayName("an answer longer than Discord allows is split cleanly over follow-ups, buttons on the last")
    void should_split_long_answer() throws Exception {
        primary.set(new AnswerComposer() {
            @Override
            public String name() {
                return "verbose";
            }

            @Override
            public Composition compose(String q, List<SearchHit> evidence, java.util.function.Consumer<String> p) {
                Citation c = new Citation(
                        1,
                        evidence.getFirst().passage().article(),
                        evidence.getFirst().passage().id(),
                        evidence.getFirst().passage().text());
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 90; i++) {
                    sb.append("Point ").append(i).append(": the negotiators kept talking about tariffs [1]. ");
                }
                return new Composition(sb.toString(), false, List.of(c), List.of(), null);
            }
        });
        start();

        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "Tell me everything about the phone call"));

        RecordedRequest edit = awaitOriginalEdit(h);
        List<RecordedRequest> followUps = discord.awaitRequests("POST", webhook(h), 2, TIMEOUT);
        List<String> parts = new ArrayList<>();
        parts.add(edit.body().path("content").asText());
        followUps.forEach(r -> parts.add(r.body().path("content").asText()));
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        String all = String.join(" ", parts);
        assertThat(all.split("\\[1\\]", -1).length - 1).isEqualTo(90 + 1); // 90 markers + the sources line
        assertThat(edit.body().path("components")).isEmpty();
        assertThat(followUps.getLast().body().path("components").toString()).contains("fb:");
        followUps.forEach(DiscordBotTest::assertNoPing);
    }

    @Test
    @DisplayName("a mention opens a thread with the answer; a follow-up there is answered with the earlier question")
    void should_answer_mention_in_thread_and_follow_up() throws Exception {
        DiscordConfig withContent = new DiscordConfig(
                TOKEN,
                discord.restBaseUrl(),
                discord.gatewayUrl(),
                List.of(),
                List.of(),
                List.of(),
                Duration.ZERO,
                0,
                Duration.ofHours(1),
                true,
                Duration.ofSeconds(1),
                feedbackDir.toString(),
                "",
                "",
                0,
                "");
        start(withContent);
        assertThat(discord.identifiedIntents().getFirst() & FakeDiscord.INTENT_MESSAGE_CONTENT)
                .isNotZero();

        String messageId = discord.sendMessage(
                discord.normalUser(), discord.generalChannelId(), "What did Liu He discuss with Mnuchin?", true);

        RecordedRequest threadStart = discord.awaitRequest(
                "POST", "channels/" + discord.generalChannelId() + "/messages/" + messageId + "/threads", TIMEOUT);
        assertThat(threadStart.status()).isEqualTo(201);
        String threadId = threadStart.responseBody().path("id").asText();
        await().atMost(TIMEOUT)
                .until(() -> discord.messages(threadId).stream()
                        .anyMatch(m -> m.path("content").asText().contains("**Sources**")));
        assertThat(bot.conversations().history(threadId)).containsExactly("What did Liu He discuss with Mnuchin?");

        // WHEN a follow-up without a mention arrives in the thread
        discord.sendMessage(discord.normalUser(), threadId, "and what did Kudlow say?", false);

        await().atMost(TIMEOUT)
                .until(() -> discord.messages(threadId).stream()
                                .filter(m -> m.path("content").asText().contains("**Sources**"))
                                .count()
                        == 2);
        assertThat(composedQuestions.getLast())
                .contains("What did Liu He discuss with Mnuchin?")
                .contains("and what did Kudlow say?");
        assertThat(bot.conversations().history(threadId)).hasSize(2);
        discord.requests().stream()
                .filter(r -> r.path().startsWith("channels/" + threadId + "/messages")
                        && !r.method().equals("GET"))
                .forEach(DiscordBotTest::assertNoPing);
    }

    @Test
    @DisplayName("/status and /summary call their services with the options; autocomplete offers article titles")
    void should_run_status_and_summary() throws Exception {
        start();

        InteractionHandle status =
                discord.sendSlashCommand(discord.normalUser(), "status", Map.of("topic", "soybeans"));
        assertThat(awaitOriginalEdit(status).body().path("content").asText())
                .contains("**Status: soybeans**")
                .contains("[1]")
                .contains("**Sources**");

        InteractionHandle complete = discord.sendAutocomplete(discord.normalUser(), "summary", "article", "");
        RecordedRequest choices = discord.awaitRequest("POST", complete.callbackPath(), TIMEOUT);
        assertThat(choices.body().path("type").asInt()).isEqualTo(8);
        JsonNode first = choices.body().path("data").path("choices").get(0);
        assertThat(first.path("value").asText()).isNotBlank();

        InteractionHandle byArticle = discord.sendSlashCommand(
                discord.normalUser(),
                "summary",
                Map.of("article", first.path("value").asText()));
        assertThat(awaitOriginalEdit(byArticle).body().path("content").asText()).contains("**Summary: ");

        InteractionHandle byTopic = discord.sendSlashCommand(
                discord.normalUser(),
                "summary",
                Map.of("topic", "tariffs", "since", "2019-10-01", "until", "2019-11-30", "length", "long"));
        assertThat(awaitOriginalEdit(byTopic).body().path("content").asText())
                .contains("tariffs 2019-10-01..2019-11-30 LONG");

        InteractionHandle badDate = discord.sendSlashCommand(
                discord.normalUser(), "summary", Map.of("topic", "tariffs", "since", "last week"));
        assertThat(awaitOriginalEdit(badDate).body().path("content").asText())
                .contains("`since` must be a date like 2019-11-26");
    }

    @Test
    @DisplayName("a /summary or /status longer than one message arrives whole: defused, then split, no word lost")
    void should_send_long_summary_and_status_without_losing_words() throws Exception {
        start();

        for (InteractionHandle h : List.of(
                discord.sendSlashCommand(discord.normalUser(), "summary", Map.of("topic", LONG_TOPIC)),
                discord.sendSlashCommand(discord.normalUser(), "status", Map.of("topic", LONG_TOPIC)))) {
            await().atMost(TIMEOUT).until(() -> sentTexts(h).stream().anyMatch(t -> t.contains("**Sources**")));
            List<String> parts = sentTexts(h);
            assertThat(parts)
                    .hasSizeGreaterThan(1)
                    .allSatisfy(
                            p -> assertThat(p).hasSizeLessThanOrEqualTo(2000).doesNotEndWith("…"));
            String all = String.join(" ", parts);
            for (int i = 0; i < LONG_SENTENCES; i++) {
                assertThat(all)
                        .contains("Point " + i + " @\u200Bhere compared the zinc quota with last year's numbers");
            }
            assertThat(all).doesNotContain("@here");
        }
    }

    /** The original response of an interaction, then its follow-ups, as sent. */
    private List<String> sentTexts(InteractionHandle h) {
        List<String> texts = new ArrayList<>();
        discord.originalResponse(h).ifPresent(m -> texts.add(m.path("content").asText()));
        discord.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(webhook(h)))
                .forEach(r -> texts.add(r.body().path("content").asText()));
        return texts;
    }

    @Test
    @DisplayName("a Discord 404 during a command is one WARN line saying what to check, no stack trace")
    void should_report_a_discord_404_during_a_command_in_one_line() throws Exception {
        start();
        discord.failRequests("PATCH", "webhooks/\\d+/[^/]+/messages/@original", 404, 10015, "Unknown Webhook");
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            InteractionHandle h = discord.sendSlashCommand(discord.normalUser(), "sources", Map.of());
            discord.awaitRequests("PATCH", webhook(h) + "/messages/@original", 2, TIMEOUT);

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(List.copyOf(log.list))
                            .anySatisfy(e -> assertThat(e.getFormattedMessage())
                                    .isEqualTo("Discord answered 404 Unknown Webhook (code 10015) when running "
                                            + "/sources: the message or interaction is gone (deleted, or expired "
                                            + "before the bot replied)")));
            assertThat(List.copyOf(log.list))
                    .filteredOn(e -> e.getLoggerName().startsWith("tradetalk."))
                    .as("no stack trace and no error id for a failure Discord explained")
                    .noneMatch(e -> e.getThrowableProxy() != null)
                    .noneMatch(e -> e.getFormattedMessage().contains("[error "));
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    @DisplayName("/sources lists the articles a page at a time; the Next button shows the next page")
    void should_page_sources() throws Exception {
        List<ArticleMeta> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new ArticleMeta(
                    "id" + i,
                    "Headline number " + i,
                    "Outlet",
                    LocalDate.of(2019, 11, 1 + i),
                    "https://news.example/" + i,
                    "",
                    "",
                    ""));
        }
        articleSource.set(() -> many);
        start();

        InteractionHandle h = discord.sendSlashCommand(discord.normalUser(), "sources", Map.of());
        RecordedRequest first = awaitOriginalEdit(h);
        JsonNode embed = first.body().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Indexed articles (20)");
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("Page 1 of 3");
        assertThat(embed.path("description").asText())
                .contains("Headline number 0")
                .doesNotContain("number 8");
        String messageId = discord.originalResponse(h).orElseThrow().path("id").asText();

        InteractionHandle click = discord.clickButton(discord.otherUser(), messageId, "src:1:");

        assertThat(discord.awaitRequest("POST", click.callbackPath(), TIMEOUT)
                        .body()
                        .path("type")
                        .asInt())
                .isEqualTo(6);
        await().atMost(TIMEOUT)
                .until(() -> discord.message(messageId)
                        .orElseThrow()
                        .path("embeds")
                        .get(0)
                        .path("footer")
                        .path("text")
                        .asText()
                        .equals("Page 2 of 3"));
        assertThat(discord.message(messageId)
                        .orElseThrow()
                        .path("embeds")
                        .get(0)
                        .path("description")
                        .asText())
                .contains("Headline number 8");

        InteractionHandle query =
                discord.sendSlashCommand(discord.normalUser(), "sources", Map.of("query", "number 1"));
        assertThat(awaitOriginalEdit(query)
                        .body()
                        .path("embeds")
                        .get(0)
                        .path("title")
                        .asText())
                .isEqualTo("Articles matching 'number 1' (11)");
    }

    @Test
    @DisplayName("feedback buttons record one vote per user per answer, durably across a restart")
    void should_record_feedback_votes() throws Exception {
        start();
        InteractionHandle ask = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Liu He discuss with Mnuchin?"));
        awaitOriginalEdit(ask);
        JsonNode message = discord.originalResponse(ask).orElseThrow();
        String up = message.path("components")
                .get(0)
                .path("components")
                .get(0)
                .path("custom_id")
                .asText();
        String down = message.path("components")
                .get(0)
                .path("components")
                .get(1)
                .path("custom_id")
                .asText();
        String answerId = up.split(":")[1];

        InteractionHandle v1 =
                discord.clickButton(discord.normalUser(), message.path("id").asText(), up);
        RecordedRequest ack = discord.awaitRequest("POST", v1.callbackPath(), TIMEOUT);
        assertThat(ack.body().path("type").asInt()).isEqualTo(5);
        assertThat(ack.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(awaitOriginalEdit(v1).body().path("content").asText()).contains("1 helpful, 0 not helpful");
        InteractionHandle v2 =
                discord.clickButton(discord.normalUser(), message.path("id").asText(), down);
        assertThat(awaitOriginalEdit(v2).body().path("content").asText())
                .contains("Changed your vote")
                .contains("0 helpful, 1 not helpful");
        InteractionHandle v3 =
                discord.clickButton(discord.otherUser(), message.path("id").asText(), up);
        assertThat(awaitOriginalEdit(v3).body().path("content").asText()).contains("1 helpful, 1 not helpful");

        bot.close();
        bot = null;
        try (FeedbackStore reopened = FeedbackStore.open(feedbackDir)) {
            assertThat(reopened.tally(answerId)).isEqualTo(new FeedbackStore.Tally(1, 1));
            assertThat(reopened.vote(answerId, discord.normalUser().id())).hasValueSatisfying(v -> {
                assertThat(v.helpful()).isFalse();
                assertThat(v.question()).isEqualTo("What did Liu He discuss with Mnuchin?");
                assertThat(v.answer()).contains("[1]");
                assertThat(v.sources()).isNotEmpty();
            });
        }
    }

    @Test
    @DisplayName("admin commands refuse members without Manage Server and work for admins")
    void should_guard_admin_commands() throws Exception {
        start();

        InteractionHandle refused =
                discord.sendSlashCommand(discord.normalUser(), "ingest", Map.of("url", "https://news.example/a"));
        RecordedRequest refusal = discord.awaitRequest("POST", refused.callbackPath(), TIMEOUT);
        assertThat(refusal.body().path("type").asInt()).isEqualTo(4);
        assertThat(refusal.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(refusal.body().path("data").path("content").asText()).contains("Manage Server");
        InteractionHandle refusedReindex = discord.sendSlashCommand(discord.normalUser(), "reindex", Map.of());
        assertThat(discord.awaitRequest("POST", refusedReindex.callbackPath(), TIMEOUT)
                        .body()
                        .path("data")
                        .path("content")
                        .asText())
                .contains("Manage Server");
        assertThat(ingestedUrls).isEmpty();

        InteractionHandle ingest =
                discord.sendSlashCommand(discord.adminUser(), "ingest", Map.of("url", "https://news.example/a"));
        assertThat(awaitOriginalEdit(ingest).body().path("content").asText()).contains("1 added");
        assertThat(ingestedUrls).containsExactly(URI.create("https://news.example/a"));
        InteractionHandle badUrl = discord.sendSlashCommand(discord.adminUser(), "ingest", Map.of("url", "notaurl"));
        assertThat(awaitOriginalEdit(badUrl).body().path("content").asText()).contains("https://");
        InteractionHandle reindex = discord.sendSlashCommand(discord.adminUser(), "reindex", Map.of());
        assertThat(awaitOriginalEdit(reindex).body().path("content").asText()).contains("unchanged");
    }

    @Test
    @DisplayName("the per-user cooldown refuses a second question politely, saying when to retry")
    void should_apply_cooldown() throws Exception {
        start(config().withLimits(Duration.ofMinutes(1), 0));

        InteractionHandle first =
                discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", "What did Kudlow say?"));
        assertThat(discord.awaitRequest("POST", first.callbackPath(), TIMEOUT)
                        .body()
                        .path("type")
                        .asInt())
                .isEqualTo(5);
        InteractionHandle second =
                discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", "And then?"));

        RecordedRequest refusal = discord.awaitRequest("POST", second.callbackPath(), TIMEOUT);
        assertThat(refusal.body().path("type").asInt()).isEqualTo(4);
        assertThat(refusal.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(refusal.body().path("data").path("content").asText())
                .contains("you can ask again in")
                .containsPattern("<t:\\d+:R>");
        InteractionHandle other =
                discord.sendSlashCommand(discord.otherUser(), "ask", Map.of("question", "What did Kudlow say?"));
        assertThat(discord.awaitRequest("POST", other.callbackPath(), TIMEOUT)
                        .body()
                        .path("type")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    @DisplayName("the per-guild budget refuses requests once spent, whoever asks, saying when to retry")
    void should_apply_guild_budget() throws Exception {
        start(config().withLimits(Duration.ZERO, 2));

        for (var user : List.of(discord.normalUser(), discord.otherUser())) {
            InteractionHandle ok = discord.sendSlashCommand(user, "ask", Map.of("question", "What did Kudlow say?"));
            assertThat(discord.awaitRequest("POST", ok.callbackPath(), TIMEOUT)
                            .body()
                            .path("type")
                            .asInt())
                    .isEqualTo(5);
        }
        InteractionHandle third = discord.sendSlashCommand(discord.adminUser(), "ask", Map.of("question", "And then?"));

        RecordedRequest refusal = discord.awaitRequest("POST", third.callbackPath(), TIMEOUT);
        assertThat(refusal.body().path("type").asInt()).isEqualTo(4);
        assertThat(refusal.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(refusal.body().path("data").path("content").asText()).containsPattern("<t:\\d+:R>");
    }

    @Test
    @DisplayName("with a channel allow-list the bot refuses, ephemerally, commands from other channels")
    void should_respect_channel_allow_list() throws Exception {
        start(config().withGuilds(List.of(), List.of(), List.of("1")));

        InteractionHandle h =
                discord.sendSlashCommand(discord.normalUser(), "ask", Map.of("question", "What did Kudlow say?"));

        RecordedRequest refusal = discord.awaitRequest("POST", h.callbackPath(), TIMEOUT);
        assertThat(refusal.body().path("type").asInt()).isEqualTo(4);
        assertThat(refusal.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(refusal.body().path("data").path("content").asText()).contains("not enabled in this channel");
    }

    @Test
    @DisplayName("with guild ids set, commands are registered in those guilds, not globally")
    void should_register_commands_per_guild() throws Exception {
        start(config().withGuilds(List.of(discord.guildId()), List.of(), List.of()));

        RecordedRequest put = discord.awaitRequest(
                "PUT",
                "applications/" + discord.applicationId() + "/guilds/" + discord.guildId() + "/commands",
                TIMEOUT);
        List<String> names = new java.util.ArrayList<>();
        put.body().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).contains("ask", "status", "summary", "sources", "help", "ingest", "reindex");
        assertThat(discord.requests())
                .noneMatch(r -> r.method().equals("PUT")
                        && r.path().equals("applications/" + discord.applicationId() + "/commands"));
    }

    @Test
    @DisplayName("after a restart, a follow-up in an old thread is read with the thread's earlier questions")
    void should_recover_thread_history_after_restart() throws Exception {
        DiscordConfig withContent = config().withMessageContent(true);
        start(withContent);
        String messageId = discord.sendMessage(
                discord.normalUser(), discord.generalChannelId(), "What did Liu He discuss with Mnuchin?", true);
        String threadId = discord.awaitRequest(
                        "POST",
                        "channels/" + discord.generalChannelId() + "/messages/" + messageId + "/threads",
                        TIMEOUT)
                .responseBody()
                .path("id")
                .asText();
        await().atMost(TIMEOUT)
                .until(() -> discord.messages(threadId).stream()
                        .anyMatch(m -> m.path("content").asText().contains("**Sources**")));
        bot.close();

        start(withContent);
        assertThat(bot.conversations().history(threadId)).isEmpty();
        discord.sendMessage(discord.normalUser(), threadId, "and what did Kudlow say?", false);

        await().atMost(TIMEOUT)
                .until(() -> discord.messages(threadId).stream()
                                .filter(m -> m.path("content").asText().contains("**Sources**"))
                                .count()
                        == 2);
        assertThat(composedQuestions.getLast())
                .contains("What did Liu He discuss with Mnuchin?")
                .contains("and what did Kudlow say?");
        assertThat(bot.conversations().history(threadId))
                .containsExactly("What did Liu He discuss with Mnuchin?", "and what did Kudlow say?");
    }

    @Test
    @DisplayName("a mention refused by the cooldown is told privately (DM, else a reaction), never in the channel")
    void should_refuse_mentions_privately() throws Exception {
        start(config().withLimits(Duration.ofMinutes(1), 0));
        String first =
                discord.sendMessage(discord.normalUser(), discord.generalChannelId(), "What did Kudlow say?", true);
        discord.awaitRequest(
                "POST", "channels/" + discord.generalChannelId() + "/messages/" + first + "/threads", TIMEOUT);

        String second =
                discord.sendMessage(discord.normalUser(), discord.generalChannelId(), "And what did China say?", true);

        discord.awaitRequest("POST", "users/@me/channels", TIMEOUT);
        discord.awaitRequest(
                "PUT", "channels/" + discord.generalChannelId() + "/messages/" + second + "/reactions/.*", TIMEOUT);
        assertThat(discord.requests())
                .noneMatch(r -> r.method().equals("POST")
                        && r.path().equals("channels/" + discord.generalChannelId() + "/messages")
                        && r.rawBody().contains("again"));
    }

    @Test
    @DisplayName("/help answers only the member who asked")
    void should_show_help() throws Exception {
        start();

        InteractionHandle h = discord.sendSlashCommand(discord.normalUser(), "help", Map.of());

        RecordedRequest ack = discord.awaitRequest("POST", h.callbackPath(), TIMEOUT);
        assertThat(ack.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(awaitOriginalEdit(h).body().path("content").asText())
                .contains("/ask")
                .contains("/summary");
    }

    @Test
    @DisplayName("after the gateway drops the connection the bot resumes and answers the next question")
    void should_survive_dropped_gateway() throws Exception {
        start();

        discord.dropConnection();
        await().atMost(TIMEOUT).until(() -> discord.resumeCount() == 1);
        discord.awaitReady();
        await().atMost(TIMEOUT).until(() -> bot.jda().getStatus() == JDA.Status.CONNECTED);
        InteractionHandle h = discord.sendSlashCommand(
                discord.normalUser(), "ask", Map.of("question", "What did Kudlow say about the short strokes?"));

        assertThat(awaitOriginalEdit(h).body().path("content").asText()).contains("[1]");
    }

    @Test
    @DisplayName("the digest posts the status only when something new was indexed since the last one")
    void should_post_digest_only_when_new() throws Exception {
        start(config().withDigest(discord.generalChannelId(), "1h"));

        assertThat(bot.digest().runOnce(bot.jda())).isFalse();
        tradetalk
                .index()
                .ingest(List.of(Article.of(
                        new ArticleMeta(
                                "digest-1",
                                "Talks resume in Beijing",
                                "Wire",
                                LocalDate.of(2019, 12, 1),
                                "https://wire.example/1",
                                "",
                                "",
                                ""),
                        "Negotiators met in Beijing.")));
        try {
            assertThat(bot.digest().runOnce(bot.jda())).isTrue();
            RecordedRequest post =
                    discord.awaitRequest("POST", "channels/" + discord.generalChannelId() + "/messages", TIMEOUT);
            assertThat(post.body().path("content").asText()).contains("**Digest:** 1 new article");
            assertNoPing(post);
            assertThat(bot.digest().runOnce(bot.jda())).isFalse();
        } finally {
            tradetalk.index().remove("digest-1");
        }
    }

    @Test
    @DisplayName("sharded with guild-ids, each of two bots registers the commands of the guild on its own shard")
    void should_register_guild_commands_from_the_shard_of_each_guild() throws Exception {
        int firstShard = (int) ((Long.parseLong(discord.guildId()) >>> 22) % 2);
        String other = discord.addGuild(1 - firstShard, 2);
        String[] guildOnShard = new String[2];
        guildOnShard[firstShard] = discord.guildId();
        guildOnShard[1 - firstShard] = other;
        DiscordConfig both = config().withGuilds(List.of(discord.guildId(), other), List.of(), List.of());
        DiscordBot second = null;
        try {
            bot = tradetalk.startDiscordBot(both.withShards(2, "0"), clock);
            second = tradetalk.startDiscordBot(both.withShards(2, "1"), clock);

            for (int shard = 0; shard < 2; shard++) {
                String guild = guildOnShard[shard];
                List<RecordedRequest> puts = discord.requests().stream()
                        .filter(r -> r.method().equals("PUT") && r.path().endsWith("/commands"))
                        .filter(r -> r.path().contains("/guilds/" + guild + "/"))
                        .toList();
                int expected = shard;
                assertThat(puts)
                        .singleElement()
                        .satisfies(r -> assertThat(r.header("user-agent"))
                                .hasValueSatisfying(
                                        ua -> assertThat(ua).endsWith("tradetalk shards " + expected + " of 2")));
                assertThat(discord.guildCommands(guild))
                        .extracting(c -> c.path("name").asText())
                        .contains("ask", "help");
            }
            assertThat(discord.globalCommands()).isEmpty();
            assertThat(bot.shardManager().getGuilds())
                    .extracting(g -> g.getId())
                    .containsExactly(guildOnShard[0]);
            assertThat(second.shardManager().getGuilds())
                    .extracting(g -> g.getId())
                    .containsExactly(guildOnShard[1]);
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    @DisplayName("sharded, a rejected token fails with the same clear message as one connection")
    void should_refuse_a_bad_token_when_sharded() {
        DiscordConfig wrong = config().withConnection("wrong-secret-token", discord.restBaseUrl(), discord.gatewayUrl())
                .withShards(2, "0-1");
        assertThatThrownBy(() -> tradetalk.startDiscordBot(wrong, clock))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("rejected the bot token")
                .message()
                .doesNotContain("wrong-secret-token");
        assertThat(discord.requests()).extracting(RecordedRequest::path).contains("gateway/bot");
    }

    @Test
    @DisplayName("a missing or rejected token fails with a clear message that never shows the token")
    void should_refuse_bad_tokens() {
        DiscordConfig noToken = config().withConnection("", discord.restBaseUrl(), discord.gatewayUrl());
        assertThatThrownBy(() -> tradetalk.startDiscordBot(noToken, clock))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("TRADETALK_DISCORD_TOKEN");

        DiscordConfig wrong =
                config().withConnection("wrong-secret-token", discord.restBaseUrl(), discord.gatewayUrl());
        assertThatThrownBy(() -> tradetalk.startDiscordBot(wrong, clock))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("rejected the bot token")
                .message()
                .doesNotContain("wrong-secret-token");
    }

    // ------------------------------------------------------------------ in-test services

    /**
     * The real wiring with doubles for the services the bot uses: answers record the composed questions and use
     * {@link #primary}; status and summaries are simple in-test services; /ingest records the URL.
     */
    private static final class TestGraph extends Tradetalk {
        private AnswerService answers;

        TestGraph(TradetalkConfig config) {
            super(config);
        }

        @Override
        public synchronized AnswerService answers() {
            if (answers == null) {
                AnswerComposer recording = new AnswerComposer() {
                    @Override
                    public String name() {
                        return "test-model";
                    }

                    @Override
                    public Composition compose(
                            String question, List<SearchHit> evidence, java.util.function.Consumer<String> partial) {
                        composedQuestions.add(question);
                        return primary.get().compose(question, evidence, partial);
                    }
                };
                answers = new AnswerService(
                        r -> {
                            RuntimeException down = storeFailure.get();
                            if (down != null) {
                                throw down;
                            }
                            return index().search(r);
                        },
                        recording,
                        offlineComposer());
            }
            return answers;
        }

        @Override
        public StatusService statusService() {
            return new IndexStatus();
        }

        @Override
        public SummaryService summaryService() {
            return new IndexSummaries();
        }

        @Override
        public List<ArticleMeta> articles() {
            return articleSource.get().get();
        }

        @Override
        public IngestReport ingestUrl(URI url) {
            ingestedUrls.add(url);
            return new IngestReport(1, 0, 0, 4, List.of(), 12);
        }

        @Override
        public IngestReport reindex() {
            return ingest(List.of(Path.of("..", "data", "articles").toAbsolutePath()));
        }
    }

    /** Status from the index: the newest article as the headline; until the real StatusService exists. */
    private static final class IndexStatus implements StatusService {
        @Override
        public StatusReport status(tradetalk.answer.status.StatusRequest request) {
            List<ArticleMeta> articles = tradetalk.index().articles();
            ArticleMeta newest = articles.getFirst();
            Citation c = new Citation(1, newest, newest.id() + "#0", "");
            String topic = request.topic() == null ? "US–China trade talks" : request.topic();
            if (LONG_TOPIC.equals(topic)) {
                return new StatusReport(topic, longText(), List.of(), List.of(c), false, "test", null, null);
            }
            return new StatusReport(
                    topic,
                    "Latest: " + newest.title() + " [1].",
                    List.of(new TimelineItem(newest.publishedAt(), newest.title() + " [1]", List.of(c))),
                    List.of(c),
                    false,
                    "test",
                    null,
                    null);
        }
    }

    /** Sentences that each mention @here: defusing adds a character to each. */
    private static String longText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LONG_SENTENCES; i++) {
            sb.append("Point ").append(i).append(" @here compared the zinc quota with last year's numbers [1]. ");
        }
        return sb.toString().strip();
    }

    /** Summaries from the index titles; until the real SummaryService exists. */
    private static final class IndexSummaries implements SummaryService {
        @Override
        public Summary summarize(SummaryRequest r) {
            if (r.article() != null) {
                ArticleMeta a = tradetalk.index().articles().stream()
                        .filter(m -> m.id().equals(r.article()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no article " + r.article()));
                return new Summary(
                        a.title(),
                        a.title() + " [1].",
                        List.of(new Citation(1, a, a.id() + "#0", "")),
                        false,
                        "test",
                        null,
                        null);
            }
            if (LONG_TOPIC.equals(r.topic())) {
                ArticleMeta a = tradetalk.index().articles().getFirst();
                return new Summary(
                        r.topic(),
                        longText(),
                        List.of(new Citation(1, a, a.id() + "#0", "")),
                        false,
                        "test",
                        null,
                        null);
            }
            return new Summary(
                    r.topic() + " " + r.since() + ".." + r.until() + " " + r.length(),
                    "Nothing.",
                    List.of(),
                    true,
                    "test",
                    null,
                    null);
        }

        @Override
        public List<ArticleMeta> findArticles(String titlePart, int max) {
            return tradetalk.index().articles().stream()
                    .filter(a -> a.title().toLowerCase().contains(titlePart.toLowerCase()))
                    .limit(max)
                    .toList();
        }
    }
}
