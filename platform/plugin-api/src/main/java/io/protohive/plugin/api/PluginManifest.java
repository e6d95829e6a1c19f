package io.protohive.plugin.api;

/**
 * The manifest headers a plugin bundle declares besides the standard {@code Bundle-SymbolicName}
 * (its id), {@code Bundle-Name}, {@code Bundle-Version}, {@code Bundle-Vendor} and {@code
 * Bundle-Description}. The supported SPI range is the version range of the bundle's {@code
 * Import-Package} of this package. Admins read the capabilities before they install a plugin.
 */
public final class PluginManifest {

  /**
   * Comma-separated hosts the plugin calls, each a {@link HostPattern}: {@code api.example.com,
   * *.example.org}, or {@code *} for any host. The host's HTTP client ({@link ToolContext#http()})
   * reaches no other; an update that declares a host its running version did not waits for a
   * platform admin's approval.
   */
  public static final String NETWORK_HOSTS = "ProtoHive-Network-Hosts";

  /** {@code true} when the plugin runs code it is given, such as scripts or shell commands. */
  public static final String EXECUTES_CODE = "ProtoHive-Executes-Code";

  /**
   * Comma-separated ids of the plugin's tools whose calls change something outside ProtoHive (send,
   * pay, delete): agents need a person's approval before such a call runs.
   */
  public static final String CONSEQUENTIAL_TOOLS = "ProtoHive-Consequential-Tools";

  private PluginManifest() {}
}
