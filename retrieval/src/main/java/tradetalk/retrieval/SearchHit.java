package tradetalk.retrieval;

/**
 * One retrieved passage.
 *
 * @param passage the passage
 * @param score   the fused score used for ranking (higher is better)
 * @param lexical the passage's BM25 score, 0 when the lexical search did not return it
 * @param dense   the cosine similarity of the passage to the query, 0 when the dense search did not return it
 */
public record SearchHit(Passage passage, double score, double lexical, double dense) {}
