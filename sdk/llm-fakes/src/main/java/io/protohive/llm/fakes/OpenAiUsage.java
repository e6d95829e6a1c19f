package io.protohive.llm.fakes;

/**
 * Token counts as {@link OpenAiFakeServer} reported them in {@code usage} objects, summed: what a
 * gateway's metering must add up to.
 *
 * @param promptTokens input tokens, of chat completions and embeddings
 * @param completionTokens output tokens of chat completions
 */
public record OpenAiUsage(long promptTokens, long completionTokens) {

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
