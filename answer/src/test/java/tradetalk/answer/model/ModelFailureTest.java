package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tradetalk.answer.ComposerException;
import tradetalk.answer.model.ModelSettings.Provider;

/**
 * Each backend failure becomes a ComposerException with a short reason, and FallbackComposer answers offline. A
 * reply that never ends would hang a test forever: the class-wide timeout turns that into a failure.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ModelFailureTest {

    static final String UNREADABLE = "model server sent an unreadable reply (not a chat response)";
    static final String PAST_DEADLINE = "model did not finish its answer within 3s (model.deadline)";
    static final String TOO_LARGE = "model reply passed 64 KiB (model.max-reply-bytes) and was refused";

    FakeModelServer server;

    @BeforeEach
    void start() {
        server = FakeModelServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    enum Mode {
        OPENAI_BLOCKING,
        OPENAI_STREAMING,
        OLLAMA_BLOCKING,
        OLLAMA_STREAMING
    }

    ModelComposer composer(Mode mode, String baseUrlOverride) {
        boolean openAi = mode == Mode.OPENAI_BLOCKING || mode == Mode.OPENAI_STREAMING;
        String baseUrl =
                baseUrlOverride != null ? baseUrlOverride : openAi ? server.openAiBaseUrl() : server.ollamaBaseUrl();
        ModelSettings settings = new ModelSettings(
                openAi ? Provider.OPENAI : Provider.OLLAMA,
                baseUrl,
                "fake-model",
                openAi ? ModelComposerTest.KEY : null,
                Duration.ofSeconds(2),
                0.0,
                256,
                3000,
                0,
                Duration.ofSeconds(3),
                64 * 1024);
        return mode == Mode.OPENAI_STREAMING || mode == Mode.OLLAMA_STREAMING
                ? ModelComposer.streaming(settings, Prompts.bundled())
                : ModelComposer.blocking(settings, Prompts.bundled());
    }

    static Stream<Arguments> failures() {
        List<Arguments> out = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            out.add(Arguments.of(mode, FakeModelServer.fail(500), "model server returned HTTP 500"));
            out.add(Arguments.of(mode, FakeModelServer.stall(Duration.ofSeconds(5)), "model timed out after 2s"));
            // a reply that is not what the protocol sends is unreadable, not empty, and not a wait for the timeout
            out.add(Arguments.of(mode, FakeModelServer.malformed(), UNREADABLE));
            out.add(Arguments.of(mode, FakeModelServer.raw("<html><body>It works!</body></html>"), UNREADABLE));
            out.add(Arguments.of(mode, FakeModelServer.raw("{}"), UNREADABLE));
            out.add(Arguments.of(mode, FakeModelServer.raw("null"), UNREADABLE));
            out.add(Arguments.of(mode, FakeModelServer.empty(), "model returned an empty answer"));
            // a reply that keeps coming in time for model.timeout still ends at model.deadline
            out.add(Arguments.of(mode, FakeModelServer.trickle(Duration.ofMillis(200)), PAST_DEADLINE));
            // a reply past model.max-reply-bytes is refused part-way, not buffered whole
            out.add(Arguments.of(mode, FakeModelServer.huge(512L * 1024 * 1024), TOO_LARGE));
        }
        out.add(Arguments.of(
                Mode.OPENAI_BLOCKING,
                FakeModelServer.fail(401),
                "model server refused the credentials (HTTP 401): check model.api-key"));
        out.add(Arguments.of(
                Mode.OPENAI_STREAMING,
                FakeModelServer.fail(404),
                "model server returned HTTP 404: check model.base-url and model.name"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("failures")
    @DisplayName("a failure becomes a ComposerException with its reason")
    void should_fail_with_reason(Mode mode, FakeModelServer.Script script, String reason) {
        server.always(script);
        ModelComposer composer = composer(mode, null);

        assertThatThrownBy(() -> composer.compose("When was the deal signed?", Evidence.tradeTalks(), s -> {}))
                .isInstanceOf(ComposerException.class)
                .hasMessage(reason)
                .hasMessageNotContaining(ModelComposerTest.KEY);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("failures")
    @DisplayName("FallbackComposer answers offline and says why")
    void should_fall_back_offline(Mode mode, FakeModelServer.Script script, String reason) {
        server.always(script);
        StubOfflineComposer offline = new StubOfflineComposer();
        FallbackComposer fallback = new FallbackComposer(composer(mode, null), offline);

        ComposeOutcome outcome =
                fallback.composeWithFallback("When was the deal signed?", Evidence.tradeTalks(), s -> {});

        assertThat(outcome.backend()).isEqualTo("offline");
        assertThat(outcome.fallback()).isEqualTo(reason);
        assertThat(outcome.fellBack()).isTrue();
        assertThat(outcome.composition().answer()).startsWith("Chinese Vice Premier Liu He");
        assertThat(offline.calls).hasValue(1);
    }

    @Test
    @DisplayName("garbage from the model is logged as an unreadable reply, not as an empty answer")
    void should_log_garbage_as_unreadable() {
        server.always(FakeModelServer.raw("<html><body>It works!</body></html>"));
        FallbackComposer fallback =
                new FallbackComposer(composer(Mode.OPENAI_STREAMING, null), new StubOfflineComposer());

        String log;
        try (LogCapture capture = new LogCapture()) {
            fallback.composeWithFallback("q", Evidence.tradeTalks(), s -> {});
            log = capture.text();
        }

        assertThat(log)
                .contains("WARN " + ModelFallback.class.getName() + " openai backend failed on the answer, using the "
                        + "offline one: " + UNREADABLE)
                .doesNotContain("empty answer");
    }

    @Test
    @DisplayName("connection refused: a short reason naming the host, and the offline answer")
    void should_report_connection_refused() {
        int deadPort = server.port();
        server.close();
        String deadUrl = "http://127.0.0.1:" + deadPort + "/v1";
        for (Mode mode : List.of(Mode.OPENAI_BLOCKING, Mode.OPENAI_STREAMING)) {
            FallbackComposer fallback = new FallbackComposer(composer(mode, deadUrl), new StubOfflineComposer());

            ComposeOutcome outcome = fallback.composeWithFallback("q", Evidence.tradeTalks(), s -> {});

            assertThat(outcome.fallback())
                    .as(mode.name())
                    .isEqualTo("could not connect to the model server at 127.0.0.1:" + deadPort);
            assertThat(outcome.backend()).isEqualTo("offline");
        }
    }

    @Test
    @DisplayName("when the model answers, the outcome names its backend and no fallback")
    void should_report_model_backend() {
        server.always(FakeModelServer.answer("They signed it at the White House [3]."));
        FallbackComposer fallback =
                new FallbackComposer(composer(Mode.OPENAI_BLOCKING, null), new StubOfflineComposer());

        ComposeOutcome outcome = fallback.composeWithFallback("q", Evidence.tradeTalks(), s -> {});

        assertThat(outcome.backend()).isEqualTo("openai");
        assertThat(outcome.fallback()).isNull();
        assertThat(outcome.composition().usage()).isNotNull();
        assertThat(fallback.name()).isEqualTo("openai");
    }
}
