package tradetalk.answer;

/**
 * What a model call cost.
 *
 * @param model     the model name
 * @param tokensIn  prompt tokens reported by the backend, or -1 when it reports none
 * @param tokensOut completion tokens reported by the backend, or -1 when it reports none
 * @param latencyMs wall time of the call
 */
public record Usage(String model, int tokensIn, int tokensOut, double latencyMs) {
}
