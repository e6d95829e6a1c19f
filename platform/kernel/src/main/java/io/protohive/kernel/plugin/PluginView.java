package io.protohive.kernel.plugin;

import io.protohive.pluginhost.Origin;
import io.protohive.pluginhost.PluginDescriptor;
import java.util.List;

/**
 * An installed plugin as administrators see it.
 *
 * @param id the bundle's symbolic name
 * @param origin {@code BUNDLED} (shipped with the platform), {@code FOLDER} (dropped into a node's
 *     plugins folder) or {@code UPLOADED} (stored in the database, installed on every node)
 * @param state {@code ACTIVE}, {@code RESOLVED} (stopped), {@code INSTALLED} (cannot resolve)
 * @param signer the subject of the certificate that signed it, or {@code null} when unsigned
 * @param sha256 the digest of the installed jar
 * @param spiRange the plugin SPI versions it works with, as its manifest imports them
 * @param tools the ids of the tools it offers right now
 * @param providers the ids of the LLM providers it offers right now
 */
public record PluginView(
    String id,
    String name,
    String version,
    String vendor,
    String description,
    String origin,
    String state,
    String signer,
    String sha256,
    String spiRange,
    CapabilitiesView capabilities,
    List<String> tools,
    List<String> providers) {

  public static PluginView of(PluginDescriptor plugin) {
    return new PluginView(
        plugin.id(),
        plugin.name(),
        plugin.version(),
        plugin.vendor(),
        plugin.description(),
        plugin.origin().name(),
        plugin.state(),
        plugin.signer(),
        plugin.sha256(),
        plugin.spiRange(),
        CapabilitiesView.of(plugin.capabilities()),
        plugin.tools(),
        plugin.providers());
  }

  public boolean active() {
    return PluginDescriptor.ACTIVE.equals(state);
  }

  /** Whether an administrator uploaded it, so that it can be removed here. */
  public boolean uploaded() {
    return Origin.UPLOADED.name().equals(origin);
  }
}
