package io.protohive.kernel.provisioning;

import io.protohive.kernel.llm.RouteStep;
import io.protohive.plugin.api.ConfigurationProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks what a tenants-config file declares against the installed plugins, and resolves its secret
 * references. A reference the platform cannot honour is refused with the file, line and field.
 */
public final class TenantsConfigCheck {

  private final InstalledPlugins installed;
  private final Function<String, String> environment;
  private final Set<String> fileStores;

  /**
   * @param environment the value of an environment variable, or {@code null} when it is not set
   * @param fileStores the stores the platform's files may go to
   */
  public TenantsConfigCheck(
      InstalledPlugins installed, Function<String, String> environment, Set<String> fileStores) {
    this.installed = installed;
    this.environment = environment;
    this.fileStores = fileStores;
  }

  /**
   * @return each declared plugin's settings, by plugin id, references resolved
   */
  public Map<String, Map<String, String>> check(TenantDefinition tenant)
      throws InvalidTenantsConfigException {
    TenantsConfigFile file = tenant.file();
    DeclaredSettings declared = tenant.declared();
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    for (Map.Entry<String, DeclaredPlugin> plugin : declared.plugins().entrySet()) {
      settings.put(plugin.getKey(), settings(file, plugin.getKey(), plugin.getValue()));
    }
    Set<String> enabled =
        declared.plugins().entrySet().stream()
            .filter(p -> p.getValue().enabled())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    List<RouteStep> route = declared.route();
    for (int i = 0; i < route.size(); i++) {
      checkProvider(file, "llm.route[" + i + "].provider", route.get(i).providerId(), enabled);
    }
    Optional<List<String>> held = declared.approvalTools();
    for (int i = 0; held.isPresent() && i < held.get().size(); i++) {
      String tool = held.get().get(i);
      if (!installed.tools().contains(tool)) {
        throw file.invalid(
            "approvalTools[" + i + "]", "no installed plugin offers a tool '" + tool + "'");
      }
    }
    String store = tenant.files().store();
    if (store != null && !fileStores.contains(store)) {
      throw file.invalid(
          "files.store",
          "the platform has no file store '"
              + store
              + "'; it has "
              + fileStores.stream().sorted().toList());
    }
    return settings;
  }

  private Map<String, String> settings(
      TenantsConfigFile file, String pluginId, DeclaredPlugin plugin)
      throws InvalidTenantsConfigException {
    List<ConfigurationProperty> properties = installed.configuration().get(pluginId);
    if (properties == null) {
      throw file.invalid("plugins." + pluginId, "no plugin '" + pluginId + "' is installed");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, DeclaredValue> setting : plugin.config().entrySet()) {
      String field = "plugins." + pluginId + ".config." + setting.getKey();
      ConfigurationProperty property =
          properties.stream()
              .filter(p -> p.key().equals(setting.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      file.invalid(
                          field,
                          "the plugin has no setting '"
                              + setting.getKey()
                              + "'; it has "
                              + properties.stream()
                                  .map(ConfigurationProperty::key)
                                  .sorted()
                                  .toList()));
      DeclaredValue value = setting.getValue();
      values.put(
          setting.getKey(),
          property.secret() ? secret(file, field, value) : resolve(file, field, value));
    }
    return values;
  }

  /**
   * @return the client secrets of the tenant's OIDC providers, by provider id, references resolved;
   *     public clients have none
   */
  public Map<String, String> clientSecrets(TenantDefinition tenant)
      throws InvalidTenantsConfigException {
    Map<String, String> secrets = new LinkedHashMap<>();
    List<OidcProviderDefinition> providers = tenant.oidcProviders();
    for (int i = 0; i < providers.size(); i++) {
      OidcProviderDefinition provider = providers.get(i);
      if (provider.clientSecret() != null) {
        String field = "oidcProviders[" + i + "].clientSecret";
        secrets.put(provider.id(), secret(tenant.file(), field, provider.clientSecret()));
      }
    }
    return secrets;
  }

  private String secret(TenantsConfigFile file, String field, DeclaredValue value)
      throws InvalidTenantsConfigException {
    if (!value.isReference()) {
      throw file.invalid(
          field, "is a secret: give it as {env: VARIABLE} or {file: /path/to/file}, never inline");
    }
    return resolve(file, field, value);
  }

  private String resolve(TenantsConfigFile file, String field, DeclaredValue value)
      throws InvalidTenantsConfigException {
    if (value.env() != null) {
      String resolved = environment.apply(value.env());
      if (resolved == null || resolved.isEmpty()) {
        throw file.invalid(field, "environment variable " + value.env() + " is not set");
      }
      return resolved;
    }
    if (value.file() != null) {
      try {
        // secret files usually end in a line break that is not part of the secret
        return Files.readString(Path.of(value.file())).strip();
      } catch (IOException | RuntimeException e) {
        throw file.invalid(field, "file " + value.file() + " cannot be read");
      }
    }
    return value.inline();
  }

  private void checkProvider(
      TenantsConfigFile file, String field, String providerId, Set<String> enabled)
      throws InvalidTenantsConfigException {
    Set<String> offeredBy = installed.providers().getOrDefault(providerId, Set.of());
    if (offeredBy.isEmpty()) {
      throw file.invalid(field, "no installed plugin offers a provider '" + providerId + "'");
    }
    if (offeredBy.stream().noneMatch(enabled::contains)) {
      throw file.invalid(
          field,
          "provider '"
              + providerId
              + "' comes from "
              + String.join(" or ", offeredBy.stream().sorted().toList())
              + ", which this file does not enable under plugins");
    }
  }
}
