package io.protohive.kernel.system;

import io.protohive.kernel.plugin.PluginView;
import io.protohive.kernel.provisioning.TenantsConfigWatcher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the platform is and how it runs.
 *
 * @param mode {@code embedded} or {@code external}: where its database runs
 * @param tenantsConfig when tenants-config was last applied, and why a later change was refused
 */
public record SystemInfo(
    String version,
    String mode,
    UUID installationId,
    Instant installedAt,
    String schemaVersion,
    long tenants,
    int clusterMembers,
    PluginCounts plugins,
    List<PluginView> pluginBundles,
    TenantsConfigWatcher.Status tenantsConfig) {

  /** How many plugin bundles are installed, and how many of them are active. */
  public record PluginCounts(int installed, int active) {

    public static PluginCounts of(List<PluginView> plugins) {
      return new PluginCounts(
          plugins.size(), (int) plugins.stream().filter(PluginView::active).count());
    }
  }
}
