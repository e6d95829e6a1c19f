package io.protohive.kernel.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event sent, or being sent, to a subscription, with every attempt so far.
 *
 * @param messageId the {@code webhook-id} the target receives, the same on every attempt
 * @param status {@code PENDING} while attempts remain, {@code DELIVERED} once the target answered
 *     2xx, {@code FAILED} once the last attempt failed
 */
public record DeliveryView(
    UUID id,
    UUID webhookId,
    String messageId,
    String eventType,
    String status,
    Instant createdAt,
    Instant updatedAt,
    List<Attempt> attempts) {

  public DeliveryView {
    attempts = List.copyOf(attempts);
  }

  /**
   * One try.
   *
   * @param statusCode the target's answer, {@code null} when none came
   * @param error why the attempt failed, {@code null} when it did not
   */
  public record Attempt(
      int attempt, Integer statusCode, long durationMs, String error, Instant attemptedAt) {}
}
