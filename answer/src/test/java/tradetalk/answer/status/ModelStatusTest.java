package tradetalk.answer.status;

import static org.assertj.core.api.Assertions.assertThat;
import static tradetalk.answer.model.FakeModelServer.answer;
import static tradetalk.answer.model.FakeModelServer.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.SeedIndex;
import tradetalk.answer.model.FakeModelServer;
import tradetalk.answer.model.ModelComposer;
import tradetalk.answer.model.ModelSettings;
import tradetalk.answer.model.ModelSettings.Provider;
import tradetalk.answer.model.Prompts;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.store.lucene.ArticleIndex;

/** The model-written status, with the real LangChain4j client against {@link FakeModelServer}. */
class ModelStatusTest {

    @TempDir
    static Path dir;

    static Embedder embedder;
    static ArticleIndex index;
    FakeModelServer server;
    TimelineStatusService service;

    @BeforeAll
    static void buildIndex() {
        embedder = SeedIndex.embedder();
        index = SeedIndex.build(dir, embedder);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @BeforeEach
    void start() {
        server = FakeModelServer.start();
        ModelSettings settings = new ModelSettings(
                Provider.OPENAI, server.openAiBaseUrl(), "gpt-fake", null, Duration.ofSeconds(5), 0.0, 256, 3000, 0);
        service = new TimelineStatusService(
                index, embedder, StatusSettings.defaults(), ModelComposer.blocking(settings, Prompts.bundled()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("the model writes the headline and dated lines from the selected passages, newest first")
    void should_use_model_headline_and_timeline() {
        server.always(answer("""
                The two sides say a phase one deal is close but unsigned [1].
                2019-10-25: Negotiators reported progress on phase one [3].
                2019-11-26: Trump said the deal is in its final throes [1].
                2019-11-18: Liu He held a constructive call with US negotiators [2].
                An uncited aside that must go."""));

        StatusReport r = service.status(new StatusRequest(null, null, 60, null));

        assertThat(r.backend()).isEqualTo("openai");
        assertThat(r.fallback()).isNull();
        assertThat(r.usage()).isNotNull();
        assertThat(r.headline()).isEqualTo("The two sides say a phase one deal is close but unsigned [1].");
        assertThat(r.items())
                .extracting(TimelineItem::date)
                .containsExactly(LocalDate.of(2019, 11, 26), LocalDate.of(2019, 11, 18), LocalDate.of(2019, 10, 25));
        assertThat(r.items().getFirst().citations())
                .singleElement()
                .satisfies(c -> assertThat(c.article().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 26)));
        assertThat(r.items()).noneMatch(i -> i.text().contains("uncited"));
        String prompt = server.lastRequest().message("user");
        assertThat(prompt)
                .contains("<topic>\nUS–China trade talks\n</topic>")
                .contains("up to 3 timeline lines, newest first")
                .contains("[1] unknown outlet, 2019-11-26");
        assertThat(prompt.indexOf("2019-11-26")).isLessThan(prompt.indexOf("2019-10-25"));
    }

    TimelineStatusService checked(tradetalk.answer.support.UnsupportedPolicy policy) {
        ModelSettings settings = new ModelSettings(
                Provider.OPENAI, server.openAiBaseUrl(), "gpt-fake", null, Duration.ofSeconds(5), 0.0, 256, 3000, 0);
        return new TimelineStatusService(
                index,
                embedder,
                StatusSettings.defaults(),
                ModelComposer.blocking(
                        settings,
                        Prompts.bundled(),
                        (sentence, cited) -> sentence.contains("$50 billion")
                                ? tradetalk.answer.support.Verdict.unsupported("50 billion is not in the cited source")
                                : tradetalk.answer.support.Verdict.SUPPORTED,
                        policy));
    }

    @Test
    @DisplayName("a timeline line its source does not support is dropped, and reported in the sentences")
    void should_drop_an_unsupported_timeline_line() {
        server.always(answer("""
                The two sides say a phase one deal is close [1].
                2019-11-26: China agreed to buy $50 billion of soybeans [1].
                2019-11-18: Liu He held a constructive call with US negotiators [2]."""));

        StatusReport r = checked(tradetalk.answer.support.UnsupportedPolicy.DROP)
                .status(new StatusRequest(null, null, 60, null));

        assertThat(r.backend()).isEqualTo("openai");
        assertThat(r.items()).extracting(TimelineItem::date).containsExactly(LocalDate.of(2019, 11, 18));
        assertThat(r.sentences()).hasSize(3);
        assertThat(r.sentences().get(1).supported()).isFalse();
        assertThat(r.sentences().get(1).kept()).isFalse();
    }

    @Test
    @DisplayName("when the sources support none of the model's sentences, the extractive status is reported, saying so")
    void should_fall_back_when_nothing_the_model_wrote_is_supported() {
        server.always(answer("2019-11-26: China agreed to buy $50 billion of soybeans [1]."));

        StatusReport r = checked(tradetalk.answer.support.UnsupportedPolicy.MARK)
                .status(new StatusRequest(null, null, 60, null));

        assertThat(r.backend()).isEqualTo("offline");
        assertThat(r.fallback()).isEqualTo("the cited sources support none of the model's status sentences");
        assertThat(r.items()).hasSize(3);
    }

    @Test
    @DisplayName("when the model fails, the extractive status is reported with the reason")
    void should_fall_back_to_extractive_status_when_model_fails() {
        server.always(fail(500));

        StatusReport r = service.status(new StatusRequest(null, null, 60, null));

        assertThat(r.backend()).isEqualTo("offline");
        assertThat(r.fallback()).isNotBlank();
        assertThat(r.items()).hasSize(3);
        assertThat(r.empty()).isFalse();
    }

    @Test
    @DisplayName("a model reply without dated lines is not passed off as a timeline")
    void should_fall_back_when_model_writes_no_timeline() {
        server.always(answer("Talks continue and a deal is close [1]."));

        StatusReport r = service.status(new StatusRequest(null, null, 60, null));

        assertThat(r.backend()).isEqualTo("offline");
        assertThat(r.fallback()).contains("no dated");
        assertThat(r.items()).hasSize(3);
    }

    @Test
    @DisplayName("an uncovered topic never reaches the model")
    void should_not_call_model_for_uncovered_topic() {
        StatusReport r = service.status(new StatusRequest("Brexit negotiations", null, 60, null));

        assertThat(r.empty()).isTrue();
        assertThat(server.requests()).isEmpty();
    }
}
