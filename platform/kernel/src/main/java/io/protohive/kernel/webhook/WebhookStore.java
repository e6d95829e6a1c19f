package io.protohive.kernel.webhook;

import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes subscriptions, deliveries and attempts, on the connection of the caller's
 * transaction. No access checks: callers bring them, the transaction and the tenant scope.
 */
@ApplicationScoped
public class WebhookStore {

  private static final String WEBHOOK_COLUMNS =
      "id, organization_id, url, description, event_types, enabled, created_at, updated_at";

  private static final String DELIVERY_COLUMNS =
      "id, webhook_id, message_id, event_type, status, created_at, updated_at";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** A subscription as the delivery needs it. */
  record Target(WebhookView webhook, String sealedSecret) {}

  /** A delivery as its next attempt needs it. */
  record Outgoing(DeliveryView delivery, String body, Target target) {}

  void insert(UUID tenantId, WebhookView webhook, String sealedSecret) {
    update(
        "insert into webhook (id, tenant_id, organization_id, url, description, event_types,"
            + " enabled, sealed_secret, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)",
        statement -> {
          statement.setObject(1, webhook.id());
          statement.setObject(2, tenantId);
          statement.setObject(3, webhook.organizationId());
          statement.setString(4, webhook.url());
          statement.setString(5, webhook.description());
          statement.setArray(6, textArray(statement, webhook.eventTypes()));
          statement.setBoolean(7, webhook.enabled());
          statement.setString(8, sealedSecret);
          statement.setTimestamp(9, Timestamp.from(webhook.createdAt()));
          statement.setTimestamp(10, Timestamp.from(webhook.updatedAt()));
        });
  }

  void update(WebhookView webhook) {
    update(
        "update webhook set url = ?, description = ?, event_types = ?, enabled = ?,"
            + " updated_at = ? where id = ?",
        statement -> {
          statement.setString(1, webhook.url());
          statement.setString(2, webhook.description());
          statement.setArray(3, textArray(statement, webhook.eventTypes()));
          statement.setBoolean(4, webhook.enabled());
          statement.setTimestamp(5, Timestamp.from(now()));
          statement.setObject(6, webhook.id());
        });
  }

  void reseal(UUID webhookId, String sealedSecret) {
    update(
        "update webhook set sealed_secret = ?, updated_at = ? where id = ?",
        statement -> {
          statement.setString(1, sealedSecret);
          statement.setTimestamp(2, Timestamp.from(now()));
          statement.setObject(3, webhookId);
        });
  }

  void delete(UUID webhookId) {
    update("delete from webhook where id = ?", statement -> statement.setObject(1, webhookId));
  }

  Optional<Target> find(UUID webhookId) {
    return query(
            "select " + WEBHOOK_COLUMNS + ", sealed_secret from webhook where id = ?",
            statement -> statement.setObject(1, webhookId),
            rows -> new Target(webhook(rows), rows.getString(9)))
        .stream()
        .findFirst();
  }

  List<WebhookView> inOrganization(UUID organizationId, PageRequest page) {
    return query(
        "select "
            + WEBHOOK_COLUMNS
            + " from webhook where organization_id = ?"
            + page.keyset("created_at, id", PageRequest.Order.OLDEST_FIRST)
            + " order by created_at, id limit ?",
        statement -> {
          statement.setObject(1, organizationId);
          statement.setInt(page.bindKeyset(statement, 2), page.fetch());
        },
        WebhookStore::webhook);
  }

  /** The organization's enabled subscriptions to the event type, with their secrets. */
  List<UUID> subscribed(UUID organizationId, String eventType) {
    return query(
        "select id from webhook where organization_id = ? and enabled and ? = any(event_types)",
        statement -> {
          statement.setObject(1, organizationId);
          statement.setString(2, eventType);
        },
        rows -> rows.getObject(1, UUID.class));
  }

  DeliveryView addDelivery(
      UUID tenantId, UUID webhookId, String messageId, String eventType, String body) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    update(
        "insert into webhook_delivery (id, tenant_id, webhook_id, message_id, event_type, body,"
            + " status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
        statement -> {
          statement.setObject(1, id);
          statement.setObject(2, tenantId);
          statement.setObject(3, webhookId);
          statement.setString(4, messageId);
          statement.setString(5, eventType);
          statement.setString(6, body);
          statement.setTimestamp(7, Timestamp.from(now));
          statement.setTimestamp(8, Timestamp.from(now));
        });
    return new DeliveryView(id, webhookId, messageId, eventType, "PENDING", now, now, List.of());
  }

  Optional<DeliveryView> delivery(UUID deliveryId) {
    List<DeliveryView> found =
        query(
            "select " + DELIVERY_COLUMNS + " from webhook_delivery where id = ?",
            statement -> statement.setObject(1, deliveryId),
            WebhookStore::delivery);
    return withAttempts(found).stream().findFirst();
  }

  Optional<Outgoing> outgoing(UUID deliveryId) {
    List<Object[]> rows =
        query(
            "select body, webhook_id from webhook_delivery where id = ?",
            statement -> statement.setObject(1, deliveryId),
            row -> new Object[] {row.getString(1), row.getObject(2, UUID.class)});
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return find((UUID) rows.get(0)[1])
        .map(
            target ->
                new Outgoing(delivery(deliveryId).orElseThrow(), (String) rows.get(0)[0], target));
  }

  /** The webhook's deliveries, newest first, each with its attempts. */
  List<DeliveryView> deliveries(UUID webhookId, PageRequest page) {
    return withAttempts(
        query(
            "select "
                + DELIVERY_COLUMNS
                + " from webhook_delivery where webhook_id = ?"
                + page.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST)
                + " order by created_at desc, id desc limit ?",
            statement -> {
              statement.setObject(1, webhookId);
              statement.setInt(page.bindKeyset(statement, 2), page.fetch());
            },
            WebhookStore::delivery));
  }

  void addAttempt(
      UUID tenantId, UUID deliveryId, int attempt, Integer statusCode, long millis, String error) {
    update(
        "insert into webhook_attempt (id, tenant_id, delivery_id, attempt, status_code,"
            + " duration_ms, error, attempted_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> {
          statement.setObject(1, UUID.randomUUID());
          statement.setObject(2, tenantId);
          statement.setObject(3, deliveryId);
          statement.setInt(4, attempt);
          statement.setObject(5, statusCode);
          statement.setLong(6, millis);
          statement.setString(7, error);
          statement.setTimestamp(8, Timestamp.from(now()));
        });
  }

  void status(UUID deliveryId, String status) {
    update(
        "update webhook_delivery set status = ?, updated_at = ? where id = ?",
        statement -> {
          statement.setString(1, status);
          statement.setTimestamp(2, Timestamp.from(now()));
          statement.setObject(3, deliveryId);
        });
  }

  private List<DeliveryView> withAttempts(List<DeliveryView> deliveries) {
    if (deliveries.isEmpty()) {
      return deliveries;
    }
    Map<UUID, List<DeliveryView.Attempt>> attempts = new HashMap<>();
    query(
            "select delivery_id, attempt, status_code, duration_ms, error, attempted_at"
                + " from webhook_attempt where delivery_id = any(?) order by attempt",
            statement ->
                statement.setArray(
                    1,
                    statement
                        .getConnection()
                        .createArrayOf(
                            "uuid", deliveries.stream().map(DeliveryView::id).toArray())),
            rows ->
                Map.entry(
                    rows.getObject(1, UUID.class),
                    new DeliveryView.Attempt(
                        rows.getInt(2),
                        (Integer) rows.getObject(3),
                        rows.getLong(4),
                        rows.getString(5),
                        rows.getTimestamp(6).toInstant())))
        .forEach(
            entry ->
                attempts
                    .computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                    .add(entry.getValue()));
    return deliveries.stream()
        .map(
            delivery ->
                new DeliveryView(
                    delivery.id(),
                    delivery.webhookId(),
                    delivery.messageId(),
                    delivery.eventType(),
                    delivery.status(),
                    delivery.createdAt(),
                    delivery.updatedAt(),
                    attempts.getOrDefault(delivery.id(), List.of())))
        .toList();
  }

  private static WebhookView webhook(ResultSet rows) throws SQLException {
    return new WebhookView(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getString(3),
        rows.getString(4),
        Arrays.asList((String[]) rows.getArray(5).getArray()),
        rows.getBoolean(6),
        rows.getTimestamp(7).toInstant(),
        rows.getTimestamp(8).toInstant());
  }

  private static DeliveryView delivery(ResultSet rows) throws SQLException {
    return new DeliveryView(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getTimestamp(6).toInstant(),
        rows.getTimestamp(7).toInstant(),
        List.of());
  }

  private static Array textArray(PreparedStatement statement, List<String> values)
      throws SQLException {
    return statement.getConnection().createArrayOf("text", values.toArray());
  }

  /** The database keeps microseconds: a time read back equals the one written. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      binder.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("webhooks cannot be stored", e);
    }
  }

  private <T> List<T> query(String sql, Binder binder, Reader<T> reader) {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      binder.bind(statement);
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(reader.read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("webhooks cannot be read", e);
    }
  }

  private Connection connection() {
    return entityManager.unwrap(Connection.class);
  }
}
