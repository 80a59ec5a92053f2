/** Retrieval quality metrics (MultiHop-RAG's rules, Hits@k, MRR) and latency percentiles: pure functions. */
package tradetalk.measure.metrics;
