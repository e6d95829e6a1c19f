package io.protohive.pluginhost;

import java.util.List;

/**
 * An installed plugin as administrators see it.
 *
 * @param id the bundle's symbolic name
 * @param signer the subject of the certificate that signed it, or {@code null} when unsigned
 * @param sha256 the digest of the installed jar
 * @param spiRange the plugin SPI versions it works with, as its manifest imports them
 * @param state {@code ACTIVE}, {@code RESOLVED} (stopped), {@code INSTALLED} (cannot resolve)
 * @param tools the ids of the tools it offers right now
 * @param providers the ids of the LLM providers it offers right now
 */
public record PluginDescriptor(
    String id,
    String name,
    String version,
    String vendor,
    String description,
    Origin origin,
    String state,
    String signer,
    String sha256,
    String spiRange,
    Capabilities capabilities,
    List<String> tools,
    List<String> providers) {

  public static final String ACTIVE = "ACTIVE";

  /** Every state a plugin may be in, as {@link #state} names it. */
  public static final List<String> STATES =
      List.of(ACTIVE, "RESOLVED", "STARTING", "STOPPING", "INSTALLED", "UNINSTALLED");

  public boolean active() {
    return ACTIVE.equals(state);
  }
}
