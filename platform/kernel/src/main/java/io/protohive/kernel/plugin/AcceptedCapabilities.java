package io.protohive.kernel.plugin;

import io.protohive.kernel.platform.AsPlatform;
import io.protohive.pluginhost.Capabilities;
import io.protohive.pluginhost.CapabilityRecord;
import io.protohive.pluginhost.Inspection;
import io.protohive.pluginhost.Origin;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The capabilities accepted for each plugin, in {@code plugin_capabilities}, and the updates held
 * because they declare more, in {@code plugin_update}. The plugin host asks on its own threads (the
 * plugins folder's watcher among them), so it is answered from memory, loaded at start and on every
 * cluster announcement; what the host reports is written on a managed thread.
 */
@ApplicationScoped
public class AcceptedCapabilities implements CapabilityRecord {

  private static final Logger LOG = Logger.getLogger(AcceptedCapabilities.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject AcceptedCapabilities self;

  @Resource ManagedExecutorService executor;

  private final Map<String, Capabilities> accepted = new ConcurrentHashMap<>();

  /** Loads the accepted capabilities as the database holds them now. */
  @Transactional
  public void reload() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select plugin_id, capabilities::text from plugin_capabilities")
            .getResultList();
    Map<String, Capabilities> loaded = new ConcurrentHashMap<>();
    rows.forEach(row -> loaded.put((String) row[0], fromJson((String) row[1])));
    accepted.keySet().retainAll(loaded.keySet());
    accepted.putAll(loaded);
  }

  @Override
  public Optional<Capabilities> accepted(String pluginId) {
    return Optional.ofNullable(accepted.get(pluginId));
  }

  @Override
  public void installed(String pluginId, Capabilities capabilities) {
    if (capabilities.equals(accepted.put(pluginId, capabilities))) {
      return;
    }
    executor.execute(() -> persist(() -> self.save(pluginId, capabilities, null)));
  }

  @Override
  public void held(Inspection update) {
    executor.execute(() -> persist(() -> self.hold(update, Origin.FOLDER, null, null)));
  }

  /** Approves capabilities for a plugin: jars that declare no more install from now on. */
  @Transactional(Transactional.TxType.MANDATORY)
  @AsPlatform
  void accept(String pluginId, Capabilities capabilities, UUID by) {
    save(pluginId, capabilities, by);
    accepted.put(pluginId, capabilities);
  }

  @Transactional
  @AsPlatform
  public void save(String pluginId, Capabilities capabilities, UUID by) {
    entityManager
        .createNativeQuery(
            "insert into plugin_capabilities (plugin_id, capabilities, accepted_at, accepted_by)"
                + " values (?1, cast(?2 as jsonb), ?3, ?4) on conflict (plugin_id) do update set"
                + " capabilities = excluded.capabilities, accepted_at = excluded.accepted_at,"
                + " accepted_by = excluded.accepted_by")
        .setParameter(1, pluginId)
        .setParameter(2, toJson(capabilities))
        .setParameter(3, Timestamp.from(Instant.now()))
        .setParameter(4, by)
        .executeUpdate();
  }

  /**
   * Records an update held for approval, once per plugin and jar.
   *
   * @param content the jar, for an upload; {@code null} for a jar in a plugins folder
   * @return the id of the held update
   */
  @Transactional
  @AsPlatform
  public UUID hold(Inspection update, Origin origin, byte[] content, UUID by) {
    entityManager
        .createNativeQuery(
            "insert into plugin_update (id, plugin_id, name, version, sha256, origin, signer,"
                + " installed_version, capabilities, added_capabilities, content, submitted_at,"
                + " submitted_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb),"
                + " cast(?10 as jsonb), ?11, ?12, ?13) on conflict (plugin_id, sha256) do update"
                + " set installed_version = excluded.installed_version,"
                + " added_capabilities = excluded.added_capabilities")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, update.id())
        .setParameter(3, update.name())
        .setParameter(4, update.version())
        .setParameter(5, update.sha256())
        .setParameter(6, origin.name())
        .setParameter(7, update.signer())
        .setParameter(8, update.installedVersion())
        .setParameter(9, toJson(update.capabilities()))
        .setParameter(10, toJson(update.addedCapabilities()))
        .setParameter(11, content)
        .setParameter(12, Timestamp.from(Instant.now()))
        .setParameter(13, by)
        .executeUpdate();
    return (UUID)
        entityManager
            .createNativeQuery("select id from plugin_update where plugin_id = ?1 and sha256 = ?2")
            .setParameter(1, update.id())
            .setParameter(2, update.sha256())
            .getSingleResult();
  }

  private static void persist(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin capabilities not recorded", e);
    }
  }

  static String toJson(Capabilities capabilities) {
    return Json.createObjectBuilder()
        .add("networkHosts", Json.createArrayBuilder(capabilities.networkHosts()))
        .add("executesCode", capabilities.executesCode())
        .add("consequentialTools", Json.createArrayBuilder(capabilities.consequentialTools()))
        .build()
        .toString();
  }

  static Capabilities fromJson(String json) {
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    return new Capabilities(
        strings(object.getJsonArray("networkHosts")),
        object.getBoolean("executesCode"),
        strings(object.getJsonArray("consequentialTools")));
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
