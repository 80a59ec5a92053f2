package tradetalk.answer.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tradetalk.answer.Citation;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;

/**
 * Numbers cited articles from 1 in order of first use (one number per article, as the offline composer does) and
 * builds the citations: the passages quoted from each article, their ids joined with ",", texts with " … ".
 */
public final class CitationNumbers {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, ArticleMeta> articles = new LinkedHashMap<>();
    private final Map<String, Set<Passage>> passages = new LinkedHashMap<>();

    /** The number of the passage's article, assigning the next one on first use; records the passage. */
    public int cite(Passage p) {
        String id = p.article().id();
        articles.putIfAbsent(id, p.article());
        passages.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(p);
        return numbers.computeIfAbsent(id, k -> numbers.size() + 1);
    }

    /** The citation of one number. */
    public Citation citation(int n) {
        return all().get(n - 1);
    }

    /** All citations, numbered from 1. */
    public List<Citation> all() {
        List<Citation> out = new ArrayList<>();
        numbers.forEach((id, n) -> {
            List<Passage> ps = new ArrayList<>(passages.get(id));
            ps.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
            out.add(new Citation(
                    n,
                    articles.get(id),
                    ps.stream().map(Passage::id).toList(),
                    String.join(" … ", ps.stream().map(Passage::text).toList())));
        });
        return out;
    }
}
