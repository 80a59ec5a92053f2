package tradetalk.answer.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.ComposerException;
import tradetalk.answer.Composition;
import tradetalk.answer.Usage;
import tradetalk.answer.extract.NearestSources;
import tradetalk.answer.support.SentenceVerifier;
import tradetalk.answer.support.UnsupportedPolicy;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

/**
 * Answers with a chat model: fits the evidence into the prompt ({@link Sources}), builds the messages
 * ({@link ModelPrompts}), calls the model ({@link ModelTransport}: streaming or blocking, retries, failure reasons
 * from {@link ModelErrors}), then keeps only cited sentences that their passages support ({@link CitationChecker}
 * with a {@link SentenceVerifier}).
 *
 * <p>Failures become a {@link ComposerException} with a short reason that never contains the API key or the
 * server's response body.
 */
public final class ModelComposer implements AnswerComposer {

    /** The answer text of a composition that abstains. */
    public static final String ABSTAIN_TEXT = NearestSources.ABSTAIN_TEXT;

    private static final Logger log = LoggerFactory.getLogger(ModelComposer.class);

    private final ModelSettings settings;
    private final ModelPrompts prompts;
    private final ModelTransport transport;
    private final SentenceVerifier verifier;
    private final UnsupportedPolicy policy;
    private final int nearest;

    /**
     * @param settings  the settings the models were built from (name, timeout, budgets, retries, key to scrub)
     * @param transport the model calls
     * @param prompts   the prompt templates
     * @param verifier  checks each cited sentence against its passages ({@link SentenceVerifier#NONE}: not at all)
     * @param policy    what happens to a sentence the verifier rejects
     * @param nearest   how many nearest sources an abstention lists ({@code answer.nearest})
     */
    public ModelComposer(
            ModelSettings settings,
            ModelTransport transport,
            Prompts prompts,
            SentenceVerifier verifier,
            UnsupportedPolicy policy,
            int nearest) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.prompts = new ModelPrompts(Objects.requireNonNull(prompts, "prompts"));
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (nearest < 0) {
            throw new IllegalArgumentException("answer.nearest must not be negative, got " + nearest);
        }
        this.nearest = nearest;
    }

    /**
     * A composer that checks citations but not what the sentences say.
     *
     * @param chat      blocking client, used when {@code streaming} is null; may be null when streaming is given
     * @param streaming streaming client, or null
     */
    public ModelComposer(ModelSettings settings, ChatModel chat, StreamingChatModel streaming, Prompts prompts) {
        this(
                settings,
                new ModelTransport(settings, chat, streaming),
                prompts,
                SentenceVerifier.NONE,
                UnsupportedPolicy.DROP,
                NearestSources.DEFAULT_MAX);
    }

    /**
     * A streaming composer for the configured provider, clients built by {@link ChatModels}, listing {@code nearest}
     * sources when it abstains.
     */
    public static ModelComposer streaming(
            ModelSettings settings, Prompts prompts, SentenceVerifier verifier, UnsupportedPolicy policy, int nearest) {
        return new ModelComposer(
                settings,
                new ModelTransport(settings, null, ChatModels.streamingChatModel(settings)),
                prompts,
                verifier,
                policy,
                nearest);
    }

    /** A streaming composer for the configured provider listing the default number of nearest sources. */
    public static ModelComposer streaming(
            ModelSettings settings, Prompts prompts, SentenceVerifier verifier, UnsupportedPolicy policy) {
        return streaming(settings, prompts, verifier, policy, NearestSources.DEFAULT_MAX);
    }

    /** A streaming composer that does not check what the sentences say. */
    public static ModelComposer streaming(ModelSettings settings, Prompts prompts) {
        return streaming(settings, prompts, SentenceVerifier.NONE, UnsupportedPolicy.DROP);
    }

    /** A blocking composer for the configured provider, clients built by {@link ChatModels}. */
    public static ModelComposer blocking(
            ModelSettings settings, Prompts prompts, SentenceVerifier verifier, UnsupportedPolicy policy) {
        return new ModelComposer(
                settings,
                new ModelTransport(settings, ChatModels.chatModel(settings), null),
                prompts,
                verifier,
                policy,
                NearestSources.DEFAULT_MAX);
    }

    /** A blocking composer that does not check what the sentences say. */
    public static ModelComposer blocking(ModelSettings settings, Prompts prompts) {
        return blocking(settings, prompts, SentenceVerifier.NONE, UnsupportedPolicy.DROP);
    }

    @Override
    public String name() {
        return settings.provider().configName();
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        return composeWith("answer", Map.of("question", question), evidence, partial);
    }

    /**
     * Composes with any template that takes {@code {{sources}}} and {@code {{abstain}}} plus {@code variables}: the
     * answer ({@code question}), status and summary ({@code topic}) prompts.
     *
     * @param template  the prompt name, e.g. "answer", "status", "summary"
     * @param variables the template's other variables; values are untrusted and sanitised
     * @param evidence  passages, best first
     * @param partial   receives the whole text so far, each time it grows (streaming only); may be null
     * @throws ComposerException when the model fails or answers nothing
     */
    public Composition composeWith(
            String template, Map<String, String> variables, List<SearchHit> evidence, Consumer<String> partial) {
        List<Passage> sources = Sources.fit(evidence, settings.contextTokens());
        if (sources.isEmpty()) {
            log.info("model {} not called: no evidence fits the prompt", settings.name());
            return NearestSources.abstain(evidence, nearest, null);
        }
        long start = System.nanoTime();
        ModelTransport.Reply reply =
                transport.call(prompts.request(template, variables, sources), partial == null ? s -> {} : partial);
        double latencyMs = (System.nanoTime() - start) / 1e6;
        Usage usage = new Usage(settings.name(), reply.tokensIn(), reply.tokensOut(), latencyMs);
        log.info(
                "model {} answered in {} ms, tokens in {}, out {}",
                usage.model(),
                Math.round(latencyMs),
                usage.tokensIn(),
                usage.tokensOut());
        if (reply.text() == null || reply.text().isBlank()) {
            throw new ComposerException("model returned an empty answer");
        }

        CitationChecker.Result checked = CitationChecker.check(reply.text(), sources, verifier, policy);
        if (checked.droppedSentences() > 0 || checked.droppedMarkers() > 0 || checked.unsupported() > 0) {
            log.info(
                    "model {} reply: {} sentences dropped, {} out-of-range markers removed, {} not supported by "
                            + "their sources ({})",
                    settings.name(),
                    checked.droppedSentences(),
                    checked.droppedMarkers(),
                    checked.unsupported(),
                    policy.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (checked.abstained()) {
            return new Composition(
                    ABSTAIN_TEXT, true, List.of(), NearestSources.of(evidence, nearest), usage, checked.sentences());
        }
        return new Composition(checked.text(), false, checked.citations(), List.of(), usage, checked.sentences());
    }

    /** The rendered system prompt. */
    public String systemPrompt() {
        return prompts.system();
    }

    /** The rendered user prompt of {@code template} for {@code sources}, numbered from 1 in order. */
    public String userPrompt(String template, Map<String, String> variables, List<Passage> sources) {
        return prompts.user(template, variables, sources);
    }
}
