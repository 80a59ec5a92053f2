package tradetalk.answer.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Composition;
import tradetalk.retrieval.SearchHit;

/**
 * Tries the model composer, and answers offline when it fails. {@link #composeWithFallback} tells which backend
 * answered and why it fell back; {@link #compose} returns only the composition.
 *
 * <p>A streaming primary may already have delivered partial text when it fails; the offline answer then replaces it.
 */
public final class FallbackComposer implements AnswerComposer {

    private final AnswerComposer primary;
    private final AnswerComposer offline;

    /**
     * @param primary the model composer
     * @param offline the composer used when the primary throws
     */
    public FallbackComposer(AnswerComposer primary, AnswerComposer offline) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.offline = Objects.requireNonNull(offline, "offline");
    }

    /** The primary's name: what is configured. */
    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        return composeWithFallback(question, evidence, partial).composition();
    }

    /**
     * Composes with the primary; when it fails composes offline ({@link ModelFallback}).
     *
     * @return the composition, the backend that produced it and, after a fallback, the reason
     */
    public ComposeOutcome composeWithFallback(String question, List<SearchHit> evidence, Consumer<String> partial) {
        return composeWithFallback(question, null, evidence, partial);
    }

    /** As {@link #composeWithFallback(String, List, Consumer)}, for a question asked as of a date (null: none). */
    public ComposeOutcome composeWithFallback(
            String question, LocalDate asOf, List<SearchHit> evidence, Consumer<String> partial) {
        if (primary == offline) {
            return new ComposeOutcome(offline.compose(question, asOf, evidence, partial), offline.name(), null);
        }
        return ModelFallback.run(
                primary.name(),
                "answer",
                () -> new ComposeOutcome(primary.compose(question, asOf, evidence, partial), primary.name(), null),
                reason ->
                        new ComposeOutcome(offline.compose(question, asOf, evidence, partial), offline.name(), reason));
    }
}
