package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.model.FakeModelServer;

/** `tradetalk ask` works unchanged with a model backend chosen in config, and falls back when it fails. */
class AskWithModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-cli-test-7f3a-NEVER-PRINT";

    @TempDir
    Path tmp;

    FakeModelServer server;

    @BeforeEach
    void start() {
        server = FakeModelServer.start();
        CliRun.run("ingest", "--index", tmp.resolve("index").toString(), CliRun.SEEDS.toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> env(String provider, String baseUrl) {
        return Map.of(
                "TRADETALK_MODEL_PROVIDER",
                provider,
                "TRADETALK_MODEL_BASE_URL",
                baseUrl,
                "TRADETALK_MODEL_NAME",
                "test-model",
                "TRADETALK_MODEL_API_KEY",
                KEY,
                "TRADETALK_MODEL_TIMEOUT",
                "2s",
                "TRADETALK_MODEL_MAX_RETRIES",
                "0");
    }

    private CliRun ask(Map<String, String> env) {
        return CliRun.run(
                env,
                "",
                "ask",
                "--json",
                "--index",
                tmp.resolve("index").toString(),
                "Where did Trump hope to sign the first phase of the deal?");
    }

    @Test
    void given_an_openai_compatible_server_when_asking_then_the_model_writes_the_cited_answer() throws IOException {
        server.always(FakeModelServer.answer("Trump hoped to sign it at the APEC summit in Santiago, Chile [1]."));

        CliRun r = ask(env("openai", server.openAiBaseUrl()));

        assertThat(r.exit()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("backend").asText()).isEqualTo("openai");
        assertThat(a.get("fallback").isNull()).isTrue();
        assertThat(a.get("answer").asText())
                .isEqualTo("Trump hoped to sign it at the APEC summit in Santiago, Chile [1].");
        assertThat(a.get("citations")).hasSize(1);
        assertThat(a.get("usage").get("model").asText()).isEqualTo("test-model");
        assertThat(server.lastRequest().body().path("model").asText()).isEqualTo("test-model");
        assertThat(server.lastRequest().message("user"))
                .contains("Where did Trump hope to sign the first phase of the deal?")
                .contains("[1]");
        assertThat(r.out() + r.err()).doesNotContain(KEY);
    }

    @Test
    void given_a_model_answer_with_mentions_when_asking_with_json_then_the_text_is_as_written() throws IOException {
        server.always(FakeModelServer.answer("Trump hoped to sign it in Santiago, Chile, said @everyone [1]."));
        // the mention lowers the sentence's closeness to its passage; what is tested here is the text as written
        Map<String, String> env = new java.util.HashMap<>(env("openai", server.openAiBaseUrl()));
        env.put("TRADETALK_ANSWER_SUPPORT_SIMILARITY", "0");

        CliRun r = ask(env);

        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("backend").asText()).isEqualTo("openai");
        // defusing Discord mentions is the Discord message layer's job, not part of the answer
        assertThat(a.get("answer").asText())
                .isEqualTo("Trump hoped to sign it in Santiago, Chile, said @everyone [1].");
        assertThat(r.out()).doesNotContain("\u200B");
    }

    @Test
    void given_ollama_when_asking_then_the_native_api_is_used() throws IOException {
        server.always(FakeModelServer.answer("In Santiago, Chile [1]."));

        CliRun r = ask(env("ollama", server.ollamaBaseUrl()));

        assertThat(r.exit()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("backend").asText()).isEqualTo("ollama");
        assertThat(server.lastRequest().path()).isEqualTo("/api/chat");
    }

    @Test
    void given_a_failing_server_when_asking_then_the_offline_composer_answers_and_says_why() throws IOException {
        server.always(FakeModelServer.fail(500));

        CliRun r = ask(env("openai", server.openAiBaseUrl()));

        assertThat(r.exit()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("backend").asText()).isEqualTo("offline");
        assertThat(a.get("fallback").asText()).contains("500");
        assertThat(a.get("answer").asText()).contains("Santiago");
        assertThat(r.out() + r.err()).doesNotContain(KEY);
    }

    @Test
    void given_a_stalled_server_when_asking_then_the_timeout_falls_back_offline() throws IOException {
        server.always(FakeModelServer.stall(Duration.ofSeconds(10)));

        CliRun r = ask(env("openai", server.openAiBaseUrl()));

        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("backend").asText()).isEqualTo("offline");
        assertThat(a.get("fallback").asText()).contains("timed out");
    }

    @Test
    void given_a_sentence_no_source_supports_when_asking_then_it_is_dropped_and_reported_in_sentences()
            throws IOException {
        server.always(FakeModelServer.answer("Trump hoped to sign it at the APEC summit in Santiago, Chile [1]. "
                + "China agreed to buy $50 billion of soybeans [1]."));

        CliRun r = ask(env("openai", server.openAiBaseUrl()));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("answer").asText())
                .isEqualTo("Trump hoped to sign it at the APEC summit in Santiago, Chile [1].");
        JsonNode s = a.get("sentences");
        assertThat(s).hasSize(2);
        assertThat(s.get(0).get("supported").asBoolean()).isTrue();
        assertThat(s.get(0).get("citations").get(0).asInt()).isEqualTo(1);
        assertThat(s.get(0).get("reason").isNull()).isTrue();
        assertThat(s.get(1).get("text").asText()).isEqualTo("China agreed to buy $50 billion of soybeans.");
        assertThat(s.get(1).get("supported").asBoolean()).isFalse();
        assertThat(s.get(1).get("reason").asText()).isEqualTo("50 billion is not in the cited source");
    }

    @Test
    void given_mark_mode_when_asking_as_text_then_the_unsupported_sentence_stays_with_the_note() {
        server.always(FakeModelServer.answer("Trump hoped to sign it at the APEC summit in Santiago, Chile [1]. "
                + "China agreed to buy $50 billion of soybeans [1]."));
        Map<String, String> env = new java.util.HashMap<>(env("openai", server.openAiBaseUrl()));
        env.put("TRADETALK_ANSWER_UNSUPPORTED", "mark");

        CliRun r = CliRun.run(
                env,
                "",
                "ask",
                "--index",
                tmp.resolve("index").toString(),
                "Where did Trump hope to sign the first phase of the deal?");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("Trump hoped to sign it at the APEC summit in Santiago, Chile [1]. "
                        + "China agreed to buy $50 billion of soybeans [1]. (not found in the cited source)\n");
    }

    @Test
    void given_only_unsupported_sentences_when_asking_then_it_abstains_with_the_nearest_sources() throws IOException {
        server.always(FakeModelServer.answer("China agreed to buy $50 billion of soybeans [1]."));

        CliRun r = ask(env("openai", server.openAiBaseUrl()));

        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("abstained").asBoolean()).isTrue();
        assertThat(a.get("citations")).isEmpty();
        assertThat(a.get("nearest")).isNotEmpty();
        assertThat(a.get("sentences").get(0).get("supported").asBoolean()).isFalse();
    }
}
