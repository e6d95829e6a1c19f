package io.protohive.kernel.provisioning;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.pluginhost.PluginHost;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the plugin host offers, as tenants-config files are checked against it.
 *
 * @param configuration the settings of each installed plugin, by plugin id
 * @param providers the plugins offering each LLM provider, by provider id
 * @param tools the ids of the tools installed plugins offer
 */
public record InstalledPlugins(
    Map<String, List<ConfigurationProperty>> configuration,
    Map<String, Set<String>> providers,
    Set<String> tools) {

  static InstalledPlugins of(PluginHost host) {
    Map<String, List<ConfigurationProperty>> configuration = new HashMap<>();
    host.plugins().forEach(p -> configuration.put(p.id(), host.configuration(p.id())));
    Map<String, Set<String>> providers = new HashMap<>();
    host.providers()
        .forEach(
            p ->
                providers
                    .computeIfAbsent(p.provider().id(), id -> new HashSet<>())
                    .add(p.pluginId()));
    Set<String> tools = new HashSet<>();
    host.tools().forEach(t -> tools.add(t.tool().id()));
    return new InstalledPlugins(configuration, providers, tools);
  }
}
