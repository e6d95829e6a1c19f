package io.protohive.kernel.plugin;

/**
 * A plugin bundle as the host sees it.
 *
 * @param source {@code bundled} for plugins shipped with the platform, {@code folder} for jars
 *     dropped into the plugins folder
 */
public record PluginInfo(
    long bundleId, String symbolicName, String name, String version, String state, String source) {

  public static final String ACTIVE = "ACTIVE";
}
