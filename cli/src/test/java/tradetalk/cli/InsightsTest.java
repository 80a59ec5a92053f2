package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.InsightsCommand;
import tradetalk.bot.QuestionLog;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.bot.fake.InteractionHandle;
import tradetalk.bot.fake.RecordedRequest;
import tradetalk.bot.ops.ScriptedBot;

/**
 * A scripted run of 50 Discord questions over three days (real JDA against the fake Discord), with feedback votes,
 * then what the operator sees: {@code /insights} (admin only, ephemeral, the chart attached) and
 * {@code tradetalk insights} (text, {@code --json}, the chart file). The declined questions are grouped by meaning.
 */
class InsightsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Questions the seed articles answer (SeedQuestionsTest). */
    private static final List<String> ANSWERED = List.of(
            "Who did Liu He speak with on the phone about the phase one deal?",
            "Where did Trump hope to sign the first phase of the deal?",
            "What did Trump say about Hong Kong while discussing the deal?",
            "Who asked for the Saturday phone call?",
            "What did Liu He discuss with Mnuchin and Lighthizer?",
            "Why did talks break down about six months earlier?",
            "What did Trump say about Hong Kong?");

    private static final List<String> WORLD_CUP = List.of(
            "Who won the 2018 football World Cup?",
            "Which team won the World Cup in 2018?",
            "Who was the 2018 World Cup champion?",
            "Which country won the FIFA World Cup final in Moscow?",
            "Who won the World Cup final in 2018?",
            "who won the 2018 football world cup?");
    private static final List<String> BITCOIN = List.of(
            "What is the price of bitcoin today?",
            "How much is one bitcoin worth right now?",
            "What is bitcoin trading at?",
            "Current bitcoin price?");
    private static final List<String> STEEL = List.of(
            "What did the European Commission decide about steel quotas?",
            "Did the EU change its steel import quotas?",
            "What are the new European steel safeguard quotas?");
    private static final String LASAGNA = "How do I make a vegetarian lasagna?";

    @TempDir
    static Path home;

    static ScriptedBot run;
    static final MutableClock clock = new MutableClock();
    static final Instant START = Instant.now().minus(Duration.ofDays(2));

    /** 31 answered and 19 declined questions over three days; one answer voted down twice, one up. */
    @BeforeAll
    static void scriptedRun() throws Exception {
        clock.advance(Duration.between(clock.instant(), START));
        run = new ScriptedBot(home, "", 0, true, clock);
        List<String> declined = new ArrayList<>();
        declined.addAll(WORLD_CUP);
        declined.addAll(WORLD_CUP.subList(0, 3));
        declined.addAll(BITCOIN);
        declined.addAll(BITCOIN.subList(0, 2));
        declined.addAll(STEEL);
        declined.add(LASAGNA);
        List<String> script = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean decline = (i % 5 == 2 || i % 5 == 4) && !declined.isEmpty();
            script.add(decline ? declined.removeFirst() : ANSWERED.get(i % ANSWERED.size()));
        }
        for (int i = 0; i < script.size(); i++) {
            if (i == 17 || i == 34) {
                clock.advance(Duration.ofDays(1));
            }
            run.ask(script.get(i));
        }
        String buttons = lastAnswerWithButtons();
        String up = "fb:" + buttons + ":up";
        String down = "fb:" + buttons + ":down";
        String messageId = messageWith(up);
        FakeDiscord d = run.discord;
        d.awaitRequest("POST", d.clickButton(d.normalUser(), messageId, down).callbackPath(), ScriptedBot.TIMEOUT);
        d.awaitRequest("POST", d.clickButton(d.otherUser(), messageId, down).callbackPath(), ScriptedBot.TIMEOUT);
        d.awaitRequest("POST", d.clickButton(d.adminUser(), messageId, up).callbackPath(), ScriptedBot.TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    private static String lastAnswerWithButtons() {
        List<JsonNode> messages = run.discord.messages(run.discord.generalChannelId());
        for (JsonNode m : messages.reversed()) {
            String c = m.path("components").toString();
            int i = c.indexOf("fb:");
            if (i >= 0) {
                return c.substring(i + 3, c.indexOf(':', i + 3));
            }
        }
        throw new AssertionError("no answer with feedback buttons");
    }

    private static String messageWith(String customId) {
        return run.discord.messages(run.discord.generalChannelId()).stream()
                .filter(m -> m.path("components").toString().contains(customId))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }

    @Test
    @DisplayName("/insights: ephemeral for an admin, per-day counts, grouped declines, votes, and the chart attached")
    void insights_in_discord_for_an_admin() throws IOException {
        FakeDiscord d = run.discord;
        InteractionHandle h = d.sendSlashCommand(d.adminUser(), "insights", Map.of("days", 7));

        RecordedRequest ack = d.awaitRequest("POST", h.callbackPath(), ScriptedBot.TIMEOUT);
        assertThat(ack.body().path("type").asInt()).isEqualTo(5);
        assertThat(ack.body().path("data").path("flags").asInt() & 64)
                .as("ephemeral")
                .isEqualTo(64);
        String webhook = "webhooks/" + d.applicationId() + "/" + h.token();
        String text = d.awaitRequest("PATCH", webhook + "/messages/@original", ScriptedBot.TIMEOUT)
                .body()
                .path("content")
                .asText();
        assertThat(text)
                .contains("50 (31 answered, 19 declined, 0 invalid, 0 failed)")
                .containsPattern("9 × (Who|Which|who)[^\\n]*(World Cup|world cup)")
                .containsPattern("6 × [^\\n]*bitcoin")
                .containsPattern("3 × [^\\n]*(steel|Steel)")
                .contains("1 × How do I make a vegetarian lasagna?")
                .contains("1 helpful, 2 not helpful");
        assertThat(text.indexOf("9 ×")).isLessThan(text.indexOf("6 ×"));
        RecordedRequest file = await().atMost(ScriptedBot.TIMEOUT)
                .until(
                        () -> d.requests().stream()
                                .filter(r ->
                                        r.method().equals("POST") && r.path().equals(webhook))
                                .filter(r -> r.file(InsightsCommand.CHART).isPresent())
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(file.body().path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        byte[] png = file.file(InsightsCommand.CHART).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(420);
    }

    @Test
    @DisplayName("/insights is refused to a member without Manage Server")
    void insights_refused_to_a_member() {
        FakeDiscord d = run.discord;
        InteractionHandle h = d.sendSlashCommand(d.normalUser(), "insights", Map.of());

        RecordedRequest reply = d.awaitRequest("POST", h.callbackPath(), ScriptedBot.TIMEOUT);
        assertThat(reply.body().path("type").asInt()).isEqualTo(4);
        assertThat(reply.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(reply.body().path("data").path("content").asText()).contains("Manage Server");
        assertThat(d.requests())
                .noneMatch(r -> r.path().startsWith("webhooks/") && r.path().contains(h.token()));
        assertThat(d.globalCommands())
                .filteredOn(c -> c.path("name").asText().equals("insights"))
                .singleElement()
                .satisfies(c -> assertThat(c.path("default_member_permissions").asText())
                        .isEqualTo("32"));
    }

    @Test
    @DisplayName("tradetalk insights: the same report as text and --json, and the chart as a PNG file")
    void insights_on_the_command_line() throws IOException {
        Path chart = home.resolve("out/chart.png");
        String config = run.configFile.toString();

        CliRun json = CliRun.run("insights", "--config", config, "--json", "--days", "7", "--chart", chart.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode r = JSON.readTree(json.out());
        assertThat(r.path("questions").asInt()).isEqualTo(50);
        assertThat(r.path("answered").asInt()).isEqualTo(31);
        assertThat(r.path("declined").asInt()).isEqualTo(19);
        List<Integer> perDay = new ArrayList<>();
        r.path("days")
                .forEach(day -> perDay.add(
                        day.path("answered").asInt() + day.path("declined").asInt()));
        assertThat(perDay).containsExactly(0, 0, 0, 0, 17, 17, 16);
        List<Integer> groups = new ArrayList<>();
        r.path("declined_groups").forEach(g -> groups.add(g.path("count").asInt()));
        assertThat(groups).containsExactly(9, 6, 3, 1);
        assertThat(r.path("declined_groups").get(0).path("question").asText()).containsIgnoringCase("world cup");
        assertThat(r.path("feedback").get(0).path("not_helpful").asInt()).isEqualTo(2);
        assertThat(r.path("feedback").get(0).path("helpful").asInt()).isEqualTo(1);
        assertThat(r.path("feedback").get(0).path("answer").asText()).isNotBlank();
        assertThat(r.path("chart").asText()).isEqualTo(chart.toString());
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image.getWidth()).isEqualTo(900);

        CliRun text = CliRun.run("insights", "--config", config, "--days", "7", "--chart", chart.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("50 (31 answered, 19 declined")
                .containsPattern("9 × [^\\n]*(World Cup|world cup)")
                .contains("Chart: " + chart);
    }

    @Test
    @DisplayName("the question log keeps no member id")
    void the_question_log_keeps_no_member_id() throws IOException {
        String log = Files.readString(home.resolve("insights").resolve(QuestionLog.FILE), StandardCharsets.UTF_8);
        FakeDiscord d = run.discord;

        assertThat(log.lines()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(log)
                .doesNotContain(d.normalUser().id())
                .doesNotContain(d.adminUser().id())
                .doesNotContain(d.otherUser().id())
                .doesNotContain(d.normalUser().username())
                .doesNotContain(d.guildId())
                .doesNotContain(d.generalChannelId())
                .contains("Who won the 2018 football World Cup?");
        for (String line : log.lines().toList()) {
            assertThat(JSON.readTree(line).fieldNames())
                    .toIterable()
                    .containsOnly("at", "command", "outcome", "latencyMs", "backend", "question");
        }
    }
}
