package io.protohive.kernel.webhook;

import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where the kernel's modules say that something happened which an organization's webhooks may be
 * subscribed to. Called in the transaction of the change itself: a delivery and its job exist for
 * each subscription exactly when the change commits, and the job queue sends them from then on.
 */
@ApplicationScoped
public class WebhookEvents {

  public static final String TASK_CREATED = "task.created";
  public static final String TASK_COMPLETED = "task.completed";
  public static final String APPROVAL_REQUESTED = "approval.requested";
  public static final String MESSAGE_COMPLETED = "message.completed";
  public static final String FILE_READY = "file.ready";

  @Inject WebhookStore store;
  @Inject Jobs jobs;

  /**
   * Queues a delivery of the event to each enabled subscription of the organization to its type;
   * the body is {@code {type, timestamp, data}} as the Standard Webhooks specification suggests,
   * with one message id for all of them.
   *
   * @param data the event's object, as the API shows it
   */
  @Transactional
  @InTenant
  public void emit(@TenantId UUID tenantId, UUID organizationId, String type, JsonObject data) {
    var subscribed = store.subscribed(organizationId, type);
    if (subscribed.isEmpty()) {
      return;
    }
    String messageId = "msg_" + UUID.randomUUID();
    String body =
        Json.createObjectBuilder()
            .add("type", type)
            .add("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
            .add("data", data)
            .build()
            .toString();
    for (UUID webhookId : subscribed) {
      UUID deliveryId = store.addDelivery(tenantId, webhookId, messageId, type, body).id();
      WebhookDelivery.enqueue(jobs, tenantId, deliveryId);
    }
  }
}
