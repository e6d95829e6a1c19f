package io.protohive.kernel.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization's subscription to its events, without its secret. */
public record WebhookView(
    UUID id,
    UUID organizationId,
    String url,
    String description,
    List<String> eventTypes,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  public WebhookView {
    eventTypes = List.copyOf(eventTypes);
  }
}
