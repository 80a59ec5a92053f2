package tradetalk.answer.model;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tradetalk.retrieval.Passage;

/**
 * The messages sent to a model: the system prompt and a user prompt rendered from a template ({@link Prompts}) with
 * the numbered sources ({@link Sources}), the sanitised variables and the abstain phrase.
 */
public final class ModelPrompts {

    private final Prompts prompts;

    /** @param prompts the prompt templates */
    public ModelPrompts(Prompts prompts) {
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /** The rendered system prompt. */
    public String system() {
        return prompts.render("system", Map.of("abstain", CitationChecker.ABSTAIN));
    }

    /** The rendered user prompt of {@code template} for {@code sources}, numbered from 1 in order. */
    public String user(String template, Map<String, String> variables, List<Passage> sources) {
        Map<String, Object> values = new HashMap<>();
        variables.forEach(
                (k, v) -> values.put(k, Sources.sanitize(v == null ? "" : v).strip()));
        values.put("sources", Sources.render(sources));
        values.put("abstain", CitationChecker.ABSTAIN);
        return prompts.render(template, values);
    }

    /** The chat request: system prompt, then the user prompt. */
    public ChatRequest request(String template, Map<String, String> variables, List<Passage> sources) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(system()), UserMessage.from(user(template, variables, sources)))
                .build();
    }
}
