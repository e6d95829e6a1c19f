package io.protohive.kernel.webhook;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.pluginhost.PluginNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * An organization's outbound webhooks, managed by its admins: subscriptions to its events, their
 * signing secrets (shown once, sealed at rest, rotated on demand) and the delivery log with
 * redelivery. A target must be a public address, or a host the operator allows for plugins, when it
 * is given and again at each delivery ({@link WebhookDelivery}).
 */
@ApplicationScoped
public class Webhooks {

  /** The events an organization's subscriptions may name. */
  public static final List<String> EVENT_TYPES =
      List.of(
          WebhookEvents.TASK_CREATED,
          WebhookEvents.TASK_COMPLETED,
          WebhookEvents.APPROVAL_REQUESTED,
          WebhookEvents.MESSAGE_COMPLETED,
          WebhookEvents.FILE_READY);

  private static final int MAX_URL = 2000;
  private static final int MAX_DESCRIPTION = 500;
  private static final String NOT_FOUND = "No webhook with this id in your organizations.";

  @Inject WebhookStore store;
  @Inject Authorization authorization;
  @Inject SecretBox secrets;
  @Inject PlatformSettings settings;
  @Inject Jobs jobs;

  @Transactional
  @InTenant
  public WebhookSecret create(Caller caller, UUID organizationId, WebhookDraft draft) {
    authorization.organization(caller, organizationId, Permission.EDIT);
    if (draft == null) {
      throw Rejection.invalid("url", "Give the target URL and the event types.");
    }
    Instant now = WebhookStore.now();
    WebhookView webhook =
        new WebhookView(
            UUID.randomUUID(),
            organizationId,
            target(draft.url()),
            description(draft.description()),
            eventTypes(draft.eventTypes()),
            draft.enabled() == null || draft.enabled(),
            now,
            now);
    String secret = StandardWebhooks.newSecret();
    store.insert(caller.tenantId(), webhook, seal(caller.tenantId(), webhook.id(), secret));
    return new WebhookSecret(webhook, secret);
  }

  @Transactional
  @InTenant
  public Page<WebhookView> list(Caller caller, UUID organizationId, Integer limit, String cursor) {
    authorization.organization(caller, organizationId, Permission.EDIT);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(
        store.inOrganization(organizationId, page),
        webhook -> Cursor.of(webhook.createdAt(), webhook.id()));
  }

  @Transactional
  @InTenant
  public WebhookView get(Caller caller, UUID webhookId) {
    return managed(caller, webhookId);
  }

  @Transactional
  @InTenant
  public WebhookView update(Caller caller, UUID webhookId, WebhookDraft change) {
    WebhookView current = managed(caller, webhookId);
    if (change == null) {
      throw Rejection.invalid("body", "Send the fields to change.");
    }
    store.update(
        new WebhookView(
            current.id(),
            current.organizationId(),
            change.url() == null ? current.url() : target(change.url()),
            change.description() == null
                ? current.description()
                : description(change.description()),
            change.eventTypes() == null ? current.eventTypes() : eventTypes(change.eventTypes()),
            change.enabled() == null ? current.enabled() : change.enabled(),
            current.createdAt(),
            current.updatedAt()));
    return store.find(webhookId).orElseThrow().webhook();
  }

  /** A new secret in place of the old one, which no longer signs from now on. */
  @Transactional
  @InTenant
  public WebhookSecret rotateSecret(Caller caller, UUID webhookId) {
    WebhookView webhook = managed(caller, webhookId);
    String secret = StandardWebhooks.newSecret();
    store.reseal(webhookId, seal(caller.tenantId(), webhookId, secret));
    return new WebhookSecret(store.find(webhookId).orElseThrow().webhook(), secret);
  }

  @Transactional
  @InTenant
  public void delete(Caller caller, UUID webhookId) {
    managed(caller, webhookId);
    store.delete(webhookId);
  }

  /** The webhook's delivery log, newest first, each delivery with its attempts. */
  @Transactional
  @InTenant
  public Page<DeliveryView> deliveries(
      Caller caller, UUID webhookId, Integer limit, String cursor) {
    managed(caller, webhookId);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(
        store.deliveries(webhookId, page),
        delivery -> Cursor.of(delivery.createdAt(), delivery.id()));
  }

  /**
   * Sends the delivery again, with its first message id, however its earlier attempts ended: for a
   * target that was down longer than the retries lasted.
   */
  @Transactional
  @InTenant
  public DeliveryView redeliver(Caller caller, UUID webhookId, UUID deliveryId) {
    managed(caller, webhookId);
    DeliveryView delivery =
        store
            .delivery(deliveryId)
            .filter(found -> found.webhookId().equals(webhookId))
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No delivery with this id."));
    if (delivery.status().equals(WebhookDelivery.PENDING)) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "This delivery is still being attempted.");
    }
    store.status(deliveryId, WebhookDelivery.PENDING);
    WebhookDelivery.enqueue(jobs, caller.tenantId(), deliveryId);
    return store.delivery(deliveryId).orElseThrow();
  }

  /** The secret's place at rest: bound to the tenant and the webhook. */
  static String context(UUID tenantId, UUID webhookId) {
    return "webhook:" + tenantId + ":" + webhookId;
  }

  private String seal(UUID tenantId, UUID webhookId, String secret) {
    return secrets.encrypt(secret, context(tenantId, webhookId));
  }

  private WebhookView managed(Caller caller, UUID webhookId) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    WebhookView webhook =
        store
            .find(webhookId)
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND))
            .webhook();
    authorization.organization(caller, webhook.organizationId(), Permission.EDIT);
    return webhook;
  }

  /** The target, refused with the reason unless it is an http(s) URL at an address allowed. */
  private String target(String url) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      throw Rejection.invalid("url", "Give the target URL, up to 2000 characters.");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw Rejection.invalid("url", "The URL is not valid.");
    }
    try {
      new PluginNetwork(settings.pluginPrivateHosts()).checkAddress(uri);
    } catch (NetworkRefused e) {
      throw Rejection.of(Rejection.Kind.UNPROCESSABLE, e.getMessage());
    }
    return uri.toString();
  }

  private static String description(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw Rejection.invalid("description", "A description has at most 500 characters.");
    }
    return description == null ? "" : description.strip();
  }

  private static List<String> eventTypes(List<String> eventTypes) {
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw Rejection.invalid("eventTypes", "Name at least one of " + EVENT_TYPES + ".");
    }
    for (String type : eventTypes) {
      if (type == null || !EVENT_TYPES.contains(type)) {
        throw Rejection.invalid(
            "eventTypes", "No event type " + type + ": choose among " + EVENT_TYPES + ".");
      }
    }
    return List.copyOf(new LinkedHashSet<>(eventTypes));
  }
}
