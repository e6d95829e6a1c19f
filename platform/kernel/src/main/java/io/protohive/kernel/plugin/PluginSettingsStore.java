package io.protohive.kernel.plugin;

import io.protohive.kernel.secret.SecretBox;
import io.protohive.plugin.api.ConfigurationProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes a tenant's settings of a plugin in {@code tenant_plugin}: plain values as a JSON
 * object, each secret encrypted with the platform's {@link SecretBox} and bound to its tenant,
 * plugin and key. Callers bring the transaction and the tenant scope.
 */
@ApplicationScoped
public class PluginSettingsStore {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject SecretBox secrets;

  /** A row of {@code tenant_plugin}; {@code secrets} holds encrypted values only. */
  record Stored(boolean enabled, Map<String, String> values, Map<String, String> secrets) {
    static final Stored NONE = new Stored(false, Map.of(), Map.of());
  }

  /** The settings of a plugin in the transaction's tenant, whose rows alone it sees. */
  Stored load(String pluginId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select enabled, configuration::text, secrets::text from tenant_plugin"
                    + " where plugin_id = ?1")
            .setParameter(1, pluginId)
            .getResultList();
    if (rows.isEmpty()) {
      return Stored.NONE;
    }
    Object[] row = rows.get(0);
    return new Stored((Boolean) row[0], parse((String) row[1]), parse((String) row[2]));
  }

  void save(UUID tenantId, String pluginId, boolean enabled, Stored settings, Timestamp now) {
    entityManager
        .createNativeQuery(
            "insert into tenant_plugin"
                + " (tenant_id, plugin_id, enabled, configuration, secrets, updated_at)"
                + " values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb), ?6)"
                + " on conflict (tenant_id, plugin_id) do update set enabled = excluded.enabled,"
                + " configuration = excluded.configuration, secrets = excluded.secrets,"
                + " updated_at = excluded.updated_at")
        .setParameter(1, tenantId)
        .setParameter(2, pluginId)
        .setParameter(3, enabled)
        .setParameter(4, toJson(settings.values()))
        .setParameter(5, toJson(settings.secrets()))
        .setParameter(6, now)
        .executeUpdate();
  }

  /**
   * The settings after a change: plain values are replaced by those given; a secret is encrypted
   * when given a value, dropped when given {@code null}, kept when absent.
   */
  Stored merge(
      UUID tenantId,
      String pluginId,
      List<ConfigurationProperty> properties,
      Stored current,
      Map<String, String> change) {
    ConfigurationCheck.requireKnown(properties, change.keySet());
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>(current.secrets());
    for (ConfigurationProperty property : properties) {
      if (!change.containsKey(property.key())) {
        continue;
      }
      String value = change.get(property.key());
      if (property.secret()) {
        if (value == null || value.isEmpty()) {
          secrets.remove(property.key());
        } else {
          ConfigurationCheck.requireValid(property, value);
          secrets.put(
              property.key(),
              secrets().encrypt(value, context(tenantId, pluginId, property.key())));
        }
      } else if (value != null && !value.isBlank()) {
        ConfigurationCheck.requireValid(property, value);
        values.put(property.key(), value.strip());
      }
    }
    return new Stored(current.enabled(), values, secrets);
  }

  /** The secrets of a tenant's settings, decrypted: for one call, never for a response. */
  Map<String, String> decryptSecrets(UUID tenantId, String pluginId, Stored stored) {
    Map<String, String> plain = new LinkedHashMap<>();
    stored
        .secrets()
        .forEach(
            (key, ciphertext) ->
                plain.put(key, secrets().decrypt(ciphertext, context(tenantId, pluginId, key))));
    return plain;
  }

  /** What a secret is bound to: a ciphertext value moved to another row does not decrypt. */
  private static String context(UUID tenantId, String pluginId, String key) {
    return tenantId + "/" + pluginId + "/" + key;
  }

  private SecretBox secrets() {
    return secrets;
  }

  private static Map<String, String> parse(String json) {
    Map<String, String> map = new LinkedHashMap<>();
    if (json == null) {
      return map;
    }
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    object.forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
    return map;
  }

  private static String toJson(Map<String, String> map) {
    JsonObjectBuilder builder = Json.createObjectBuilder();
    map.forEach(builder::add);
    return builder.build().toString();
  }
}
