package io.protohive.kernel.plugin;

import io.protohive.pluginhost.Inspection;

/**
 * What a plugin jar is, learned without installing it: what admission found (a trusted signature,
 * the plugin metadata, a supported SPI range) and how it compares with the version this platform
 * runs or approved.
 *
 * @param signer the subject of the certificate that signed it, or {@code null} when unsigned jars
 *     are accepted (a development setting)
 * @param signature {@code TRUSTED}, or {@code UNSIGNED} when the development setting let it in
 * @param installedVersion the version installed on this node, or {@code null}
 * @param addedCapabilities what it declares beyond what its plugin runs with or was approved for,
 *     or {@code null} for a plugin the platform has not seen
 * @param needsApproval whether a platform admin must approve it before it replaces the running
 *     version
 */
public record PluginInspectionView(
    String id,
    String name,
    String version,
    String vendor,
    String description,
    String signer,
    String signature,
    String sha256,
    String spiRange,
    CapabilitiesView capabilities,
    String installedVersion,
    CapabilitiesView addedCapabilities,
    boolean needsApproval) {

  static PluginInspectionView of(Inspection inspection) {
    return new PluginInspectionView(
        inspection.id(),
        inspection.name(),
        inspection.version(),
        inspection.vendor(),
        inspection.description(),
        inspection.signer(),
        inspection.signature(),
        inspection.sha256(),
        inspection.spiRange(),
        CapabilitiesView.of(inspection.capabilities()),
        inspection.installedVersion(),
        CapabilitiesView.of(inspection.addedCapabilities()),
        inspection.needsApproval());
  }
}
