package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tradetalk.answer.model.FakeModelServer.answer;
import static tradetalk.answer.model.FakeModelServer.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.answer.model.ModelSettings.Provider;
import tradetalk.answer.support.UnsupportedPolicy;
import tradetalk.answer.support.Verdict;

/** ModelComposer with the real LangChain4j clients against {@link FakeModelServer}. */
class ModelComposerTest {

    static final String KEY = "sk-test-TRADETALK-7f3a9c-DO-NOT-LEAK";
    static final String QUESTION = "When did the phase-one deal get signed?";

    FakeModelServer server;

    @BeforeEach
    void start() {
        server = FakeModelServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ModelSettings openAi(String key) {
        return new ModelSettings(
                Provider.OPENAI,
                server.openAiBaseUrl(),
                "gpt-fake-mini",
                key,
                Duration.ofSeconds(2),
                0.0,
                256,
                3000,
                2);
    }

    ModelSettings ollama() {
        return new ModelSettings(
                Provider.OLLAMA,
                server.ollamaBaseUrl(),
                "qwen-fake:7b",
                null,
                Duration.ofSeconds(2),
                0.0,
                256,
                3000,
                2);
    }

    @Test
    @DisplayName("the request carries the model name, the numbered sources and the question")
    void should_send_model_name_sources_and_question() {
        // given
        server.always(answer("They signed it on January 15, 2020 [3]."));
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());

        // when
        composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

        // then
        FakeModelServer.Recorded request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.body().path("model").asText()).isEqualTo("gpt-fake-mini");
        assertThat(request.body().path("max_tokens").asInt()).isEqualTo(256);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.message("system")).contains("reply with exactly NOT_IN_SOURCES");
        assertThat(request.message("user"))
                .contains("[1] Reuters, 2019-11-26, \"U.S., China trade negotiators hold call\"\n"
                        + "Chinese Vice Premier Liu He spoke by phone")
                .contains("[2] Bloomberg, 2019-12-13, \"U.S. and China reach phase-one trade deal\"")
                .contains("[3] AP, 2020-01-15, \"Trump signs phase-one deal\"")
                .contains("<question>\n" + QUESTION + "\n</question>");
    }

    @Test
    @DisplayName("a keyless local server gets no Authorization header")
    void should_send_no_authorization_without_key() {
        server.always(answer("They signed it on January 15, 2020 [3]."));
        ModelComposer.blocking(openAi(null), Prompts.bundled()).compose(QUESTION, Evidence.tradeTalks(), s -> {});

        assertThat(server.lastRequest().header("Authorization")).isNull();
    }

    @Test
    @DisplayName("valid citations are kept, out-of-range ones dropped, sources renumbered by first use")
    void should_keep_valid_citations_and_renumber() {
        // given
        server.always(answer("The U.S. suspended the December tariffs [2]. China pledged farm purchases [2][3]. "
                + "Everyone was relieved. The deal collapsed [9]."));
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());

        // when
        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

        // then
        assertThat(c.abstained()).isFalse();
        assertThat(c.answer())
                .isEqualTo("The U.S. suspended the December tariffs [1]. China pledged farm purchases [1][2].");
        assertThat(c.citations())
                .extracting(Citation::n, Citation::passageIds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, List.of("bloomberg-2#0")),
                        org.assertj.core.groups.Tuple.tuple(2, List.of("ap-3#0")));
        assertThat(c.nearest()).isEmpty();
        assertThat(c.usage().model()).isEqualTo("gpt-fake-mini");
        assertThat(c.usage().tokensIn()).isEqualTo(42);
        assertThat(c.usage().tokensOut()).isEqualTo(7);
        assertThat(c.usage().latencyMs()).isPositive();
    }

    @Test
    @DisplayName("the abstain phrase abstains, with the top evidence as nearest sources")
    void should_abstain_on_abstain_phrase() {
        server.always(answer("NOT_IN_SOURCES"));
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());

        Composition c = composer.compose("Who won the 2019 World Series?", Evidence.tradeTalks(), s -> {});

        assertThat(c.abstained()).isTrue();
        assertThat(c.answer()).isEqualTo(ModelComposer.ABSTAIN_TEXT);
        assertThat(c.citations()).isEmpty();
        assertThat(c.nearest())
                .extracting(Citation::passageIds)
                .containsExactly(List.of("reuters-1#0"), List.of("bloomberg-2#0"), List.of("ap-3#0"));
        assertThat(c.usage()).isNotNull();
    }

    @Test
    @DisplayName("an abstention lists as many nearest sources as answer.nearest says, not a constant")
    void should_list_the_configured_number_of_nearest_sources() {
        server.always(answer("NOT_IN_SOURCES"));
        ModelComposer composer = ModelComposer.streaming(
                openAi(KEY),
                Prompts.bundled(),
                tradetalk.answer.support.SentenceVerifier.NONE,
                UnsupportedPolicy.DROP,
                1);

        Composition c = composer.compose("Who won the 2019 World Series?", Evidence.tradeTalks(), s -> {});

        assertThat(c.abstained()).isTrue();
        assertThat(c.nearest()).extracting(Citation::passageIds).containsExactly(List.of("reuters-1#0"));
    }

    @Test
    @DisplayName("no evidence: abstains without calling the model")
    void should_abstain_without_evidence() {
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());

        Composition c = composer.compose(QUESTION, List.of(), s -> {});

        assertThat(c.abstained()).isTrue();
        assertThat(c.usage()).isNull();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    @DisplayName("OpenAI streaming delivers the growing text in order, then the checked answer")
    void should_stream_openai_partials_in_order() {
        // given
        server.always(answer("Talks resumed by phone [1]. A deal followed in December [2]."));
        ModelComposer composer = ModelComposer.streaming(openAi(KEY), Prompts.bundled());
        List<String> partials = new CopyOnWriteArrayList<>();

        // when
        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), partials::add);

        // then
        assertThat(server.lastRequest().body().path("stream").asBoolean()).isTrue();
        assertThat(partials).hasSizeGreaterThan(3);
        for (int i = 1; i < partials.size(); i++) {
            assertThat(partials.get(i)).startsWith(partials.get(i - 1));
        }
        assertThat(partials.getFirst()).isEqualTo("Talks ");
        assertThat(partials.getLast()).isEqualTo("Talks resumed by phone [1]. A deal followed in December [2].");
        assertThat(c.answer()).isEqualTo("Talks resumed by phone [1]. A deal followed in December [2].");
        assertThat(c.citations()).hasSize(2);
        assertThat(c.usage().tokensIn()).isEqualTo(42);
        assertThat(c.usage().tokensOut()).isEqualTo(7);
    }

    @Test
    @DisplayName("Ollama native API, blocking: model name, sources and usage")
    void should_answer_with_ollama() {
        server.always(answer("They signed it at the White House [3]."));
        ModelComposer composer = ModelComposer.blocking(ollama(), Prompts.bundled());

        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

        FakeModelServer.Recorded request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.body().path("model").asText()).isEqualTo("qwen-fake:7b");
        assertThat(request.message("user")).contains("[3] AP, 2020-01-15").contains(QUESTION);
        assertThat(c.answer()).isEqualTo("They signed it at the White House [1].");
        assertThat(c.citations()).extracting(Citation::passageIds).containsExactly(List.of("ap-3#0"));
        assertThat(c.usage().tokensIn()).isEqualTo(42);
        assertThat(c.usage().tokensOut()).isEqualTo(7);
        assertThat(composer.name()).isEqualTo("ollama");
    }

    @Test
    @DisplayName("Ollama native API, streaming: NDJSON chunks delivered in order")
    void should_stream_ollama_partials_in_order() {
        server.always(answer("They signed it at the White House [3]."));
        ModelComposer composer = ModelComposer.streaming(ollama(), Prompts.bundled());
        List<String> partials = new CopyOnWriteArrayList<>();

        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), partials::add);

        assertThat(partials).startsWith("They ", "They signed ").endsWith("They signed it at the White House [3].");
        assertThat(c.answer()).isEqualTo("They signed it at the White House [1].");
        assertThat(c.usage().tokensOut()).isEqualTo(7);
    }

    @Test
    @DisplayName("429 is retried, then the answer comes through")
    void should_retry_429_then_succeed() {
        server.enqueue(fail(429)).always(answer("They signed it on January 15, 2020 [3]."));
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());

        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

        assertThat(c.answer()).isEqualTo("They signed it on January 15, 2020 [1].");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    @DisplayName("500 while streaming is retried too")
    void should_retry_500_when_streaming() {
        server.enqueue(fail(500)).always(answer("They signed it on January 15, 2020 [3]."));
        ModelComposer composer = ModelComposer.streaming(openAi(KEY), Prompts.bundled());

        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

        assertThat(c.answer()).isEqualTo("They signed it on January 15, 2020 [1].");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    @DisplayName("retries stop after maxRetries")
    void should_give_up_after_max_retries() {
        server.always(fail(503));
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());

        assertThatThrownBy(() -> composer.compose(QUESTION, Evidence.tradeTalks(), s -> {}))
                .isInstanceOf(ComposerException.class)
                .hasMessage("model server returned HTTP 503");
        assertThat(server.requests()).hasSize(3); // 1 + maxRetries 2
    }

    @Test
    @DisplayName("4xx other than 429 and timeouts are not retried")
    void should_not_retry_400_or_timeout() {
        server.always(fail(400));
        ModelComposer composer = ModelComposer.blocking(openAi(KEY), Prompts.bundled());
        assertThatThrownBy(() -> composer.compose(QUESTION, Evidence.tradeTalks(), s -> {}))
                .hasMessage("model server returned HTTP 400");
        assertThat(server.requests()).hasSize(1);

        server.always(FakeModelServer.stall(Duration.ofSeconds(60)));
        assertThatThrownBy(() -> composer.compose(QUESTION, Evidence.tradeTalks(), s -> {}))
                .hasMessage("model timed out after 2s");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    @DisplayName("a stream that stalls after its first chunk times out")
    void should_time_out_a_stalled_stream() {
        // the stall far outlasts the 2 s timeout: on a loaded machine a 5 s stall could end before the timeout fired
        server.always(FakeModelServer.stallMidStream(Duration.ofSeconds(60)));
        ModelComposer composer = ModelComposer.streaming(openAi(KEY), Prompts.bundled());
        List<String> partials = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> composer.compose(QUESTION, Evidence.tradeTalks(), partials::add))
                .isInstanceOf(ComposerException.class)
                .hasMessage("model timed out after 2s");
        assertThat(partials).containsExactly("Started ");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    @DisplayName("the poisoned article sits inside the sources section as data; the reply keeps its text as written")
    void should_keep_poisoned_article_as_data_and_leave_mentions_to_the_discord_edge() {
        // given
        server.always(answer("Negotiators met in Beijing [1]. @everyone look <@123456> [1]."));
        ModelComposer composer = ModelComposer.streaming(openAi(KEY), Prompts.bundled());
        List<String> partials = new CopyOnWriteArrayList<>();

        // when
        Composition c = composer.compose("Where did negotiators meet?", Evidence.poisoned(), partials::add);

        // then
        String user = server.lastRequest().message("user");
        int open = user.indexOf("<sources>");
        int close = user.indexOf("</sources>");
        int poison = user.indexOf(Evidence.POISON);
        assertThat(open).isNotNegative();
        assertThat(poison).isBetween(open, close);
        assertThat(user.indexOf("[1] Blog, 2019-11-27, \"Trade talk rumours\"")).isBetween(open, poison);
        assertThat(server.lastRequest().message("system")).doesNotContain(Evidence.POISON);

        // defusing mentions is the Discord message layer's job: ask --json shows the text as the model wrote it
        assertThat(c.answer()).contains("@everyone look <@123456>").doesNotContain("\u200B");
        assertThat(partials).allSatisfy(p -> assertThat(p).doesNotContain("\u200B"));
    }

    @Test
    @DisplayName("streaming: the text grows as the model writes it; the final answer drops what the check rejects")
    void should_stream_unchecked_text_and_check_the_final_answer() {
        // given
        server.always(answer("Trump signed the deal [1]. China pledged to buy farm goods [2]."));
        ModelComposer composer = ModelComposer.streaming(
                openAi(KEY),
                Prompts.bundled(),
                (sentence, cited) -> sentence.startsWith("Trump signed")
                        ? Verdict.unsupported("not in the source")
                        : Verdict.SUPPORTED,
                UnsupportedPolicy.DROP);
        List<String> partials = new CopyOnWriteArrayList<>();

        // when
        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), partials::add);

        // then
        assertThat(partials.getLast()).isEqualTo("Trump signed the deal [1]. China pledged to buy farm goods [2].");
        assertThat(c.answer()).isEqualTo("China pledged to buy farm goods [1].");
        assertThat(c.citations()).extracting(Citation::passageIds).containsExactly(List.of("bloomberg-2#0"));
        assertThat(c.sentences())
                .extracting(CheckedSentence::text, CheckedSentence::supported)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Trump signed the deal.", false),
                        org.assertj.core.groups.Tuple.tuple("China pledged to buy farm goods [1].", true));
    }

    @Test
    @DisplayName("nothing supported left: the answer abstains with the nearest sources")
    void should_abstain_with_nearest_sources_when_nothing_is_supported() {
        server.always(answer("Trump signed the deal [1]."));
        ModelComposer composer = ModelComposer.blocking(
                openAi(KEY),
                Prompts.bundled(),
                (sentence, cited) -> Verdict.unsupported("not in the source"),
                UnsupportedPolicy.MARK);

        Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

        assertThat(c.abstained()).isTrue();
        assertThat(c.answer()).isEqualTo(ModelComposer.ABSTAIN_TEXT);
        assertThat(c.nearest()).hasSize(3);
        assertThat(c.sentences())
                .singleElement()
                .extracting(CheckedSentence::reason)
                .isEqualTo("not in the source");
    }

    @Test
    @DisplayName("a server that reports no usage gives null token counts, streaming or not, never -1")
    void should_report_null_tokens_when_the_server_sends_no_usage() {
        server.always(FakeModelServer.answerWithoutUsage("Talks resumed by phone [1]."));

        ModelSettings patient = new ModelSettings(
                Provider.OPENAI,
                server.openAiBaseUrl(),
                "gpt-fake-mini",
                KEY,
                Duration.ofSeconds(10),
                0.0,
                256,
                3000,
                0);
        for (ModelComposer composer : List.of(
                ModelComposer.streaming(patient, Prompts.bundled()),
                ModelComposer.blocking(patient, Prompts.bundled()))) {
            Composition c = composer.compose(QUESTION, Evidence.tradeTalks(), s -> {});

            assertThat(c.usage().tokensIn()).isNull();
            assertThat(c.usage().tokensOut()).isNull();
        }
    }
}
