package tradetalk.answer;

/** Milliseconds spent retrieving, composing and in total for one answer. */
public record Timings(double retrieveMs, double composeMs, double totalMs) {}
