package io.protohive.kernel.llm;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.pluginhost.PluginHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The LLM providers a tenant may route to: those of the plugins it switched on. */
@ApplicationScoped
public class LlmProviders {

  @Inject PluginHost pluginHost;
  @Inject PluginCatalog catalog;

  /** A provider with the models it offers under the tenant's configuration. */
  public record AvailableProvider(
      String id, String name, String pluginId, List<ModelInfo> models) {}

  public List<AvailableProvider> available(Caller caller) {
    if (caller.tenantId() == null) {
      return List.of();
    }
    Set<String> enabled = catalog.enabledPlugins(caller.tenantId());
    return pluginHost.providers().stream()
        .filter(p -> enabled.contains(p.pluginId()))
        .map(
            p -> {
              Configuration configuration =
                  catalog
                      .configurationForCall(caller.tenantId(), p.pluginId())
                      .orElse(Configuration.empty());
              return new AvailableProvider(
                  p.provider().id(),
                  p.provider().name(),
                  p.pluginId(),
                  p.provider().models(configuration));
            })
        .sorted(Comparator.comparing(AvailableProvider::id))
        .toList();
  }
}
