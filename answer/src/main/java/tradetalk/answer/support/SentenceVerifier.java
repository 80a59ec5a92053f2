package tradetalk.answer.support;

import java.util.List;
import tradetalk.retrieval.Passage;

/** Decides whether the passages a sentence cites support it. */
@FunctionalInterface
public interface SentenceVerifier {

    /** Supports everything: citations are checked, content is not. */
    SentenceVerifier NONE = (sentence, cited) -> Verdict.SUPPORTED;

    /**
     * @param sentence the sentence without its citation markers
     * @param cited    the passages it cites, at least one
     */
    Verdict verify(String sentence, List<Passage> cited);
}
