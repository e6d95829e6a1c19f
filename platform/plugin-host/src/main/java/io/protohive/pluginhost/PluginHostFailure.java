package io.protohive.pluginhost;

/** The plugin host could not start. */
public final class PluginHostFailure extends Exception {

  public PluginHostFailure(String message) {
    super(message);
  }
}
