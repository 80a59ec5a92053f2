package tradetalk.answer;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import tradetalk.retrieval.SearchHit;

/** Turns retrieved passages into a cited answer. Implementations: the offline composer and model backends. */
public interface AnswerComposer {

    /** The backend name of answers, status reports and summaries written without a model. */
    String OFFLINE = "offline";

    /** The backend name reported in answers, e.g. {@link #OFFLINE}, "openai", "ollama". */
    String name();

    /**
     * Composes an answer.
     *
     * @param question the question, as the member asked it
     * @param evidence retrieved passages, best first
     * @param partial  receives the answer text so far as it grows (streaming backends); may be ignored
     * @return the composed answer
     * @throws ComposerException when the backend failed and the caller should fall back
     */
    Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial);

    /**
     * Composes an answer to a question asked as of a date ({@code null} when it gives none); by default the date is
     * not used beyond retrieval, which already left later articles out.
     */
    default Composition compose(String question, LocalDate asOf, List<SearchHit> evidence, Consumer<String> partial) {
        return compose(question, evidence, partial);
    }
}
