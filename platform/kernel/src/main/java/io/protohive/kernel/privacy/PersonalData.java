package io.protohive.kernel.privacy;

import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.FieldKeys;
import io.protohive.kernel.encryption.SealedColumn;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.ApiTokens;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform keeps of one person, read for their export in one transaction of their tenant.
 * A conversation they took part in (started, or wrote in) comes whole, the others' messages
 * included, as they saw it; the other authors appear by id alone. Nothing of a conversation they
 * had no part in is read.
 */
@ApplicationScoped
public class PersonalData {

  private static final Pattern POSITION = Pattern.compile("\\?(\\d)");

  private static final Jsonb JSON = JsonbBuilder.create();

  /** What a conversation of theirs is; {@code ?1} is the person. */
  private static final String TAKEN_PART =
      "(c.created_by = ?1 or exists (select 1 from message m where m.conversation_id = c.id"
          + " and m.author_kind = 'USER' and m.author_id = ?1))";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject ApiTokens apiTokens;
  @Inject FieldKeys fieldKeys;

  /** A file the person owns, with where its current bytes lie. */
  public record OwnedFile(UUID id, String name, String store, String key, long sizeBytes) {}

  /** The export's JSON documents by file name. */
  @Transactional
  @InTenant
  public Map<String, String> documents(@TenantId UUID tenantId, UUID userId) {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put(
        "profile.json",
        rows(
                "select id, tenant_id, email, display_name, email_verified, created_at"
                    + " from user_account where id = ?1",
                userId)
            .getJsonObject(0)
            .toString());
    documents.put(
        "memberships.json",
        rows(
                "select m.organization_id, o.name as organization_name, m.role, m.created_at"
                    + " from membership m join organization o on o.id = m.organization_id"
                    + " where m.user_id = ?1 order by m.created_at",
                userId)
            .toString());
    documents.put("conversations.json", conversations(tenantId, userId).toString());
    documents.put(
        "tasks.json",
        rows(
                "select id, organization_id, title, description, status, priority, result, due_at,"
                    + " created_at, updated_at from task where reporter_kind = 'USER'"
                    + " and reporter_id = ?1 order by created_at, id",
                userId)
            .toString());
    documents.put(
        "api-tokens.json", JSON.toJson(apiTokens.of(new Caller(userId, tenantId), userId)));
    // an entry's subject may be another person's address (someone they invited): not theirs
    documents.put(
        "audit.json",
        rows(
                "select e.action, case when e.subject like '%@%' and lower(e.subject) <>"
                    + " lower(u.email) then null else e.subject end as subject,"
                    + " e.source_address, e.occurred_at from audit_event e"
                    + " join user_account u on u.id = e.actor_id where e.actor_id = ?1"
                    + " order by e.occurred_at, e.id",
                userId)
            .toString());
    documents.put(
        "files.json",
        rows(
                "select id, organization_id, name, content_type, size_bytes, version, visibility,"
                    + " created_at, updated_at from stored_file where owner_id = ?1"
                    + " and deleted_at is null order by created_at, id",
                userId)
            .toString());
    return documents;
  }

  /** The files the person owns and has not binned, whose bytes go in the export. */
  @Transactional
  @InTenant
  public List<OwnedFile> files(@TenantId UUID tenantId, UUID userId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select f.id, f.name, v.store, v.storage_key, v.size_bytes from stored_file f"
                    + " join file_version v on v.file_id = f.id and v.version = f.version"
                    + " where f.owner_id = ?1 and f.deleted_at is null order by f.created_at, f.id")
            .setParameter(1, userId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new OwnedFile(
                    (UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Long) r[4]))
        .toList();
  }

  private JsonArray conversations(UUID tenantId, UUID userId) {
    FieldKey key = fieldKeys.of(tenantId);
    JsonArrayBuilder conversations = Json.createArrayBuilder();
    JsonArray found =
        rows(
            "select c.id, c.organization_id, c.title, c.created_at from conversation c where "
                + TAKEN_PART
                + " order by c.created_at, c.id",
            userId);
    for (int i = 0; i < found.size(); i++) {
      var conversation = found.getJsonObject(i);
      UUID id = UUID.fromString(conversation.getString("id"));
      conversations.add(
          Json.createObjectBuilder(conversation)
              .add(
                  "messages",
                  opened(
                      key,
                      rows(
                          "select id, author_kind, author_id, (author_kind = 'USER' and"
                              + " author_id = ?1) as mine, content, content_key, created_at"
                              + " from message where conversation_id = ?2"
                              + " order by created_at, id",
                          userId,
                          id))));
    }
    return conversations.build();
  }

  /** The messages with their contents opened, and without the keys that sealed them. */
  private static JsonArray opened(FieldKey key, JsonArray messages) {
    JsonArrayBuilder opened = Json.createArrayBuilder();
    for (JsonValue value : messages) {
      JsonObject message = value.asJsonObject();
      Long keyId =
          message.isNull("contentKey") ? null : message.getJsonNumber("contentKey").longValue();
      opened.add(
          Json.createObjectBuilder(message)
              .remove("contentKey")
              .add(
                  "content",
                  key.read(
                      message.getString("content"),
                      keyId,
                      SealedColumn.MESSAGE_CONTENT.context(
                          UUID.fromString(message.getString("id"))))));
    }
    return opened.build();
  }

  /**
   * The query's rows as JSON objects named by its columns, in camel case; {@code ?1} and on name
   * the parameters, as in JPA, each as often as the query needs.
   */
  private JsonArray rows(String sql, Object... parameters) {
    Matcher positions = POSITION.matcher(sql);
    List<Object> bound = new ArrayList<>();
    while (positions.find()) {
      bound.add(parameters[Integer.parseInt(positions.group(1)) - 1]);
    }
    try (PreparedStatement statement =
        entityManager.unwrap(Connection.class).prepareStatement(positions.replaceAll("?"))) {
      for (int i = 0; i < bound.size(); i++) {
        statement.setObject(i + 1, bound.get(i));
      }
      JsonArrayBuilder rows = Json.createArrayBuilder();
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData columns = result.getMetaData();
        while (result.next()) {
          JsonObjectBuilder row = Json.createObjectBuilder();
          for (int c = 1; c <= columns.getColumnCount(); c++) {
            add(row, camel(columns.getColumnLabel(c)), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows.build();
    } catch (SQLException e) {
      throw new IllegalStateException("a person's data cannot be read", e);
    }
  }

  private static void add(JsonObjectBuilder row, String name, Object value) {
    if (value == null) {
      row.addNull(name);
    } else if (value instanceof Boolean b) {
      row.add(name, b);
    } else if (value instanceof Long || value instanceof Integer) {
      row.add(name, ((Number) value).longValue());
    } else if (value instanceof Timestamp t) {
      row.add(name, t.toInstant().toString());
    } else {
      row.add(name, value.toString());
    }
  }

  private static String camel(String column) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
