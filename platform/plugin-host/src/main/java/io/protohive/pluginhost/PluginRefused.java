package io.protohive.pluginhost;

/** A bundle the host will not run, with a reason an administrator can act on. */
public final class PluginRefused extends Exception {

  public PluginRefused(String reason) {
    super(reason);
  }
}
