package io.protohive.kernel.plugin;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.PlatformRuntime;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.TenantAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The installed plugins as a tenant sees them: a plugin installed on the platform is available to a
 * tenant only once the tenant's admins switch it on.
 */
@ApplicationScoped
public class PluginCatalog {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PlatformRuntime runtime;
  @Inject DatabaseScope scope;
  @Inject TenantAdministration administration;
  @Inject AuditLog audit;

  /** An installed plugin, and whether the caller's tenant has it switched on. */
  public record TenantPlugin(
      String id, String name, String version, String state, boolean enabled) {}

  @Transactional
  public List<TenantPlugin> forTenant(Caller caller) {
    Set<String> enabled = new HashSet<>();
    if (caller.tenantId() != null) {
      scope.tenant(caller.tenantId());
      enabled.addAll(
          entityManager
              .createNativeQuery(
                  "select plugin_id from tenant_plugin where tenant_id = ?1 and enabled")
              .setParameter(1, caller.tenantId())
              .getResultList());
    }
    return runtime.pluginHost().plugins().stream()
        .map(
            p ->
                new TenantPlugin(
                    p.symbolicName(),
                    p.name(),
                    p.version(),
                    p.state(),
                    enabled.contains(p.symbolicName())))
        .toList();
  }

  /** Switches an installed plugin on or off for the caller's tenant; tenant admins only. */
  @Transactional
  public TenantPlugin setEnabled(Caller caller, String pluginId, Boolean enabled, String address) {
    administration.requireAdmin(caller);
    PluginInfo plugin =
        runtime.pluginHost().plugins().stream()
            .filter(p -> p.symbolicName().equals(pluginId))
            .findFirst()
            .orElseThrow(
                () ->
                    Rejection.of(Rejection.Kind.NOT_FOUND, "No plugin with this id is installed."));
    if (enabled == null) {
      throw Rejection.invalid("enabled", "Say whether the plugin is enabled: true or false.");
    }
    scope.tenant(caller.tenantId());
    entityManager
        .createNativeQuery(
            "insert into tenant_plugin (tenant_id, plugin_id, enabled, updated_at)"
                + " values (?1, ?2, ?3, ?4) on conflict (tenant_id, plugin_id)"
                + " do update set enabled = excluded.enabled, updated_at = excluded.updated_at")
        .setParameter(1, caller.tenantId())
        .setParameter(2, pluginId)
        .setParameter(3, enabled)
        .setParameter(4, java.sql.Timestamp.from(Instant.now()))
        .executeUpdate();
    audit.record(
        caller.tenantId(),
        caller.userId(),
        enabled ? Action.PLUGIN_ENABLED : Action.PLUGIN_DISABLED,
        pluginId,
        address);
    return new TenantPlugin(
        plugin.symbolicName(), plugin.name(), plugin.version(), plugin.state(), enabled);
  }
}
