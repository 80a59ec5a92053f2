package tradetalk.answer.model;

import java.util.Objects;
import tradetalk.answer.Composition;

/**
 * A composition and who made it: what {@link FallbackComposer#composeWithFallback} returns, so the caller can fill
 * {@code CitedAnswer.backend} and {@code CitedAnswer.fallback}.
 *
 * @param composition the composed answer
 * @param backend     the composer that produced it, e.g. "openai", or "offline" after a fallback
 * @param fallback    why the model was not used (e.g. "model timed out after 2s"), or null when it answered
 */
public record ComposeOutcome(Composition composition, String backend, String fallback) {

    public ComposeOutcome {
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(backend, "backend");
    }

    /** True when the offline composer answered because the model failed. */
    public boolean fellBack() {
        return fallback != null;
    }
}
