package io.protohive.kernel.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent's turn in a conversation, with every step it took as a trace.
 *
 * @param status {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param trace the steps: context, prompt, response, tool.call, tool.result, moderation, error
 */
public record RunView(
    UUID id,
    UUID conversationId,
    UUID agentId,
    RunKind kind,
    String status,
    JsonArray trace,
    String error,
    Instant startedAt,
    Instant finishedAt) {

  /** The prompt tokens the gateway metered for the run's model calls, from its response steps. */
  public long promptTokens() {
    return responseTokens("promptTokens");
  }

  /** The completion tokens the gateway metered for the run's model calls. */
  public long completionTokens() {
    return responseTokens("completionTokens");
  }

  private long responseTokens(String field) {
    if (trace == null) {
      return 0;
    }
    return trace.stream()
        .map(JsonValue::asJsonObject)
        .filter(step -> "response".equals(step.getString("kind", "")))
        .mapToLong(
            step -> step.getJsonNumber(field) == null ? 0 : step.getJsonNumber(field).longValue())
        .sum();
  }
}
