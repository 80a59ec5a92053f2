package tradetalk.retrieval;

import java.util.List;

/** Finds the passages that best answer a query. */
public interface PassageSearch {

    /** The best passages for the request, best first, at most {@code request.k()}. */
    List<SearchHit> search(SearchRequest request);
}
