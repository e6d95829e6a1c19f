package io.protohive.kernel.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The uploaded plugin jars, kept in the database so that every node, and every restart, installs
 * the same set. Callers bring the transaction and the platform scope.
 */
@ApplicationScoped
public class PluginBundles {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  void save(
      String pluginId, String version, String sha256, byte[] content, String signer, UUID by) {
    entityManager
        .createNativeQuery(
            "insert into plugin_bundle"
                + " (plugin_id, version, sha256, content, signer, uploaded_at, uploaded_by)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (plugin_id) do update set"
                + " version = excluded.version, sha256 = excluded.sha256,"
                + " content = excluded.content, signer = excluded.signer,"
                + " uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by")
        .setParameter(1, pluginId)
        .setParameter(2, version)
        .setParameter(3, sha256)
        .setParameter(4, content)
        .setParameter(5, signer)
        .setParameter(6, Timestamp.from(Instant.now()))
        .setParameter(7, by)
        .executeUpdate();
  }

  boolean delete(String pluginId) {
    return entityManager
            .createNativeQuery("delete from plugin_bundle where plugin_id = ?1")
            .setParameter(1, pluginId)
            .executeUpdate()
        > 0;
  }

  /** The digest of each uploaded plugin's jar, by plugin id. */
  Map<String, String> digests() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select plugin_id, sha256 from plugin_bundle")
            .getResultList();
    return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
  }

  byte[] content(String pluginId) {
    return (byte[])
        entityManager
            .createNativeQuery("select content from plugin_bundle where plugin_id = ?1")
            .setParameter(1, pluginId)
            .getSingleResult();
  }

  /** The plugins an admin stopped. */
  List<String> stopped() {
    return entityManager.createNativeQuery("select plugin_id from plugin_stopped").getResultList();
  }

  void setStopped(String pluginId, boolean stopped) {
    entityManager
        .createNativeQuery(
            stopped
                ? "insert into plugin_stopped (plugin_id, stopped_at) values (?1, now())"
                    + " on conflict do nothing"
                : "delete from plugin_stopped where plugin_id = ?1")
        .setParameter(1, pluginId)
        .executeUpdate();
  }
}
