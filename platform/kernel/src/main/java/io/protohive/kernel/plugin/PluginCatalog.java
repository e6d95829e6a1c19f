package io.protohive.kernel.plugin;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The installed plugins as a tenant sees them: a plugin is available to a tenant only once the
 * tenant's admins switch it on, and it works with the settings they fill in. Secret settings are
 * stored encrypted and leave this class decrypted only for a call.
 */
@ApplicationScoped
public class PluginCatalog {

  /** Field errors about a setting are named this followed by the setting's key. */
  public static final String SETTING_FIELD = "config.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PluginHost pluginHost;
  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject PluginSettingsStore store;
  @Inject TenantsConfigItems items;
  @Inject ClusterCaches caches;

  /** An installed plugin, and whether the caller's tenant has it switched on. */
  public record TenantPlugin(
      String id,
      String name,
      String version,
      String vendor,
      String description,
      String state,
      String origin,
      String signer,
      CapabilitiesView capabilities,
      List<String> tools,
      boolean enabled,
      boolean managed) {

    static TenantPlugin of(PluginDescriptor plugin, boolean enabled, boolean managed) {
      return new TenantPlugin(
          plugin.id(),
          plugin.name(),
          plugin.version(),
          plugin.vendor(),
          plugin.description(),
          plugin.state(),
          plugin.origin().name(),
          plugin.signer(),
          CapabilitiesView.of(plugin.capabilities()),
          plugin.tools(),
          enabled,
          managed);
    }
  }

  /**
   * A tenant's settings of a plugin as its admins see them: plain values, and only the names of the
   * secrets that are set.
   *
   * @param managed whether the tenant's tenants-config file sets them, so they are read-only here
   */
  public record PluginSettings(
      String pluginId,
      boolean enabled,
      boolean managed,
      Map<String, String> values,
      Set<String> secretsSet,
      List<ConfigurationProperty> properties) {}

  /**
   * A page of the platform's plugins as the caller's tenant has them, by id: plugins live in the
   * plugin host, not in rows, so the page is cut from its list.
   */
  @Transactional
  @InTenant
  public Page<TenantPlugin> forTenant(Caller caller, Integer limit, String cursor) {
    return PageRequest.of(limit, cursor)
        .slice(
            forTenant(caller).stream().sorted(Comparator.comparing(TenantPlugin::id)).toList(),
            TenantPlugin::id);
  }

  /** Every plugin of the platform as the caller's tenant has them. */
  @Transactional
  @InTenant
  public List<TenantPlugin> forTenant(Caller caller) {
    Set<String> enabled = enabledPlugins(caller.tenantId());
    Set<String> managed = items.managed(caller.tenantId());
    return pluginHost.plugins().stream()
        .map(
            p ->
                TenantPlugin.of(
                    p,
                    enabled.contains(p.id()),
                    managed.contains(TenantsConfigItems.plugin(p.id()))))
        .toList();
  }

  /** The ids of the plugins a tenant switched on. */
  @Transactional
  @InTenant
  public Set<String> enabledPlugins(@TenantId UUID tenantId) {
    Set<String> enabled = new HashSet<>();
    if (tenantId != null) {
      enabled.addAll(
          entityManager
              .createNativeQuery("select plugin_id from tenant_plugin where enabled")
              .getResultList());
    }
    return enabled;
  }

  /** A plugin's settings for the caller's tenant; tenant admins only. */
  @Transactional
  @InTenant
  public PluginSettings settings(Caller caller, String pluginId) {
    authorization.tenantAdmin(caller);
    PluginDescriptor plugin = installed(pluginId);
    PluginSettingsStore.Stored stored = store.load(plugin.id());
    return view(caller.tenantId(), plugin.id(), stored);
  }

  /**
   * Switches a plugin on or off for the caller's tenant and sets its configuration; tenant admins
   * only.
   *
   * @param enabled the new state, or {@code null} to keep it
   * @param configuration the new settings, or {@code null} to keep them: plain values replace the
   *     stored ones; a secret is set by a value, cleared by {@code null}, kept when absent
   * @param allowCode the admin's explicit consent, needed to enable a plugin that runs code
   */
  @Transactional
  @InTenant
  public PluginSettings configure(
      Caller caller,
      String pluginId,
      Boolean enabled,
      Map<String, String> configuration,
      boolean allowCode,
      String address) {
    authorization.tenantAdmin(caller);
    PluginDescriptor plugin = installed(pluginId);
    if (enabled == null && configuration == null) {
      throw Rejection.invalid("enabled", "Say whether the plugin is enabled, or configure it.");
    }
    items.requireUnmanaged(
        caller.tenantId(), TenantsConfigItems.plugin(plugin.id()), "The plugin " + plugin.id());
    PluginSettingsStore.Stored current = store.load(plugin.id());
    List<ConfigurationProperty> properties = pluginHost.configuration(plugin.id());
    PluginSettingsStore.Stored next =
        configuration == null
            ? current
            : store.merge(caller.tenantId(), plugin.id(), properties, current, configuration);
    boolean nowEnabled = enabled != null ? enabled : current.enabled();
    if (nowEnabled) {
      ConfigurationCheck.requireComplete(properties, next);
    }
    if (nowEnabled && !current.enabled() && plugin.capabilities().executesCode() && !allowCode) {
      throw Rejection.invalid(
          "allowCode",
          "This plugin runs code that agents write, in a sandbox. Allow that explicitly to"
              + " enable it (allowCode).");
    }
    save(caller.tenantId(), plugin.id(), nowEnabled, next);
    if (enabled != null && enabled != current.enabled()) {
      audit.record(
          caller.tenantId(),
          caller.userId(),
          enabled ? Action.PLUGIN_ENABLED : Action.PLUGIN_DISABLED,
          plugin.id(),
          address);
    }
    if (configuration != null) {
      audit.record(
          caller.tenantId(),
          caller.userId(),
          Action.PLUGIN_CONFIGURED,
          plugin.id() + " " + new TreeSet<>(configuration.keySet()),
          address);
    }
    return view(caller.tenantId(), plugin.id(), store.load(plugin.id()));
  }

  /**
   * Makes a tenant's settings of a plugin those its tenants-config file declares: settings the file
   * leaves out fall back to their defaults, secrets among them are cleared. The caller brings the
   * transaction and the tenant scope.
   *
   * @param settings by key, secrets in plain text, each checked as the API checks it
   * @throws Rejection naming the setting ({@code config.<key>}) that is not valid
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void applyDeclared(
      @TenantId UUID tenantId, String pluginId, boolean enabled, Map<String, String> settings) {
    PluginDescriptor plugin = installed(pluginId);
    List<ConfigurationProperty> properties = pluginHost.configuration(plugin.id());
    PluginSettingsStore.Stored current = store.load(plugin.id());
    Map<String, String> currentSecrets = store.decryptSecrets(tenantId, plugin.id(), current);
    Map<String, String> change = new LinkedHashMap<>(settings);
    properties.stream()
        .filter(p -> p.secret() && !settings.containsKey(p.key()))
        .forEach(p -> change.put(p.key(), null));
    PluginSettingsStore.Stored declared =
        store.merge(
            tenantId,
            plugin.id(),
            properties,
            new PluginSettingsStore.Stored(enabled, Map.of(), Map.of()),
            change);
    if (enabled) {
      ConfigurationCheck.requireComplete(properties, declared);
    }
    Map<String, String> declaredSecrets = new LinkedHashMap<>(settings);
    declaredSecrets.keySet().retainAll(declared.secrets().keySet());
    boolean unchanged =
        current.enabled() == enabled
            && current.values().equals(declared.values())
            && currentSecrets.equals(declaredSecrets);
    if (!unchanged) {
      save(tenantId, plugin.id(), enabled, declared);
    }
  }

  /** Saves a tenant's settings of a plugin; model calls bound with the old ones read them again. */
  private void save(
      UUID tenantId, String pluginId, boolean enabled, PluginSettingsStore.Stored settings) {
    caches.cache(ClusterCaches.LLM_ROUTES).invalidate(tenantId.toString());
    store.save(tenantId, pluginId, enabled, settings, Timestamp.from(Instant.now()));
  }

  /**
   * The configuration a tool call of the tenant runs with, defaults applied and secrets decrypted,
   * or empty when the tenant has not switched the plugin on.
   */
  @Transactional
  @InTenant
  public Optional<Configuration> configurationForCall(@TenantId UUID tenantId, String pluginId) {
    PluginSettingsStore.Stored stored = store.load(pluginId);
    if (!stored.enabled()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigurationProperty property : pluginHost.configuration(pluginId)) {
      if (property.defaultValue() != null) {
        values.put(property.key(), property.defaultValue());
      }
    }
    values.putAll(stored.values());
    values.putAll(store.decryptSecrets(tenantId, pluginId, stored));
    return Optional.of(Configuration.of(values));
  }

  private PluginSettings view(UUID tenantId, String pluginId, PluginSettingsStore.Stored stored) {
    return new PluginSettings(
        pluginId,
        stored.enabled(),
        items.isManaged(tenantId, TenantsConfigItems.plugin(pluginId)),
        stored.values(),
        new TreeSet<>(stored.secrets().keySet()),
        pluginHost.configuration(pluginId));
  }

  private PluginDescriptor installed(String pluginId) {
    return pluginHost
        .plugin(pluginId)
        .orElseThrow(
            () -> Rejection.of(Rejection.Kind.NOT_FOUND, "No plugin with this id is installed."));
  }
}
