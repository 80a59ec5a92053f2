package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.answer.ComposerException;
import tradetalk.answer.model.ModelSettings.Provider;

/** The API key appears in no log line, no exception message and no toString, whatever the server does. */
class ApiKeyLeakTest {

    static final String KEY = ModelComposerTest.KEY;

    @Test
    @DisplayName("the API key never reaches the logs, exception messages or ModelSettings.toString")
    void should_never_leak_the_key() {
        List<String> messages = new ArrayList<>();
        String logs;
        try (LogCapture capture = new LogCapture();
                FakeModelServer server = FakeModelServer.start()) {
            ModelSettings settings = new ModelSettings(
                    Provider.OPENAI,
                    server.openAiBaseUrl(),
                    "gpt-fake-mini",
                    KEY,
                    Duration.ofMillis(500),
                    0.0,
                    256,
                    3000,
                    1);
            List<ModelComposer> composers = List.of(
                    ModelComposer.blocking(settings, Prompts.bundled()),
                    ModelComposer.streaming(settings, Prompts.bundled()));
            List<FakeModelServer.Script> scripts = List.of(
                    FakeModelServer.answer("They signed it at the White House [3]."),
                    FakeModelServer.failEchoingAuthorization(500), // retried, then fails
                    FakeModelServer.failEchoingAuthorization(401),
                    FakeModelServer.failEchoingAuthorization(429),
                    FakeModelServer.stall(Duration.ofSeconds(5)),
                    FakeModelServer.malformed(),
                    FakeModelServer.empty());
            for (ModelComposer composer : composers) {
                for (FakeModelServer.Script script : scripts) {
                    server.always(script);
                    FallbackComposer fallback = new FallbackComposer(composer, new StubOfflineComposer());
                    ComposeOutcome outcome = fallback.composeWithFallback("q", Evidence.tradeTalks(), s -> {});
                    if (outcome.fallback() != null) {
                        messages.add(outcome.fallback());
                    }
                    try {
                        composer.compose("q", Evidence.tradeTalks(), s -> {});
                    } catch (ComposerException e) {
                        messages.add(e.getMessage());
                        assertThat(e.getCause()).isNull();
                    }
                }
            }
            messages.add(settings.toString());
            // the server did receive the key, so the checks below are meaningful
            assertThat(server.requests())
                    .allSatisfy(r -> assertThat(r.header("Authorization")).contains(KEY));
            logs = capture.text();
        }

        assertThat(messages)
                .hasSizeGreaterThan(10)
                .allSatisfy(m -> assertThat(m).doesNotContain(KEY));
        assertThat(logs)
                .contains("model gpt-fake-mini answered in") // the capture works
                .doesNotContain(KEY)
                .doesNotContain(KEY.substring(8));
    }
}
