package tradetalk.answer.model;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tradetalk.answer.AnswerComposer;
import tradetalk.answer.Citation;
import tradetalk.answer.Composition;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

/** Stands in for the offline composer: quotes the best passage. */
final class StubOfflineComposer implements AnswerComposer {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Composition compose(String question, List<SearchHit> evidence, Consumer<String> partial) {
        calls.incrementAndGet();
        Passage p = evidence.getFirst().passage();
        return new Composition(
                p.text() + " [1]", false, List.of(new Citation(1, p.article(), p.id(), p.text())), List.of(), null);
    }
}
