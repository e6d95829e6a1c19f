package io.protohive.kernel.llm;

/** What a number of prompt and completion tokens of a model cost, in currency micros. */
interface ModelPrices {

  long cost(String providerId, String model, long promptTokens, long completionTokens);
}
