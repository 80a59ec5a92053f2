package tradetalk.answer;

/**
 * What a model call cost.
 *
 * @param model     the model name
 * @param tokensIn  prompt tokens as the server reported them, or null when it reported none
 * @param tokensOut completion tokens as the server reported them, or null when it reported none
 * @param latencyMs wall time of the call
 */
public record Usage(String model, Integer tokensIn, Integer tokensOut, double latencyMs) {}
