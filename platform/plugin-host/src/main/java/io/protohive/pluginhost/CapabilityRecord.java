package io.protohive.pluginhost;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The capabilities accepted for each plugin, kept where every node and every restart sees them, so
 * that a jar declaring more is held for a platform admin even when no version of its plugin runs
 * right now. Called by the host on its own threads: implementations answer from memory.
 */
public interface CapabilityRecord {

  /** The capabilities accepted for a plugin, or empty when none are on record. */
  Optional<Capabilities> accepted(String pluginId);

  /** A version of the plugin is installed: its capabilities are the accepted ones from now on. */
  void installed(String pluginId, Capabilities capabilities);

  /** A jar in the plugins folder waits for a platform admin, since it adds capabilities. */
  void held(Inspection update);

  /** A record that lives as long as the host: for tests and the plugin test kit. */
  static CapabilityRecord inMemory() {
    Map<String, Capabilities> accepted = new ConcurrentHashMap<>();
    return new CapabilityRecord() {
      @Override
      public Optional<Capabilities> accepted(String pluginId) {
        return Optional.ofNullable(accepted.get(pluginId));
      }

      @Override
      public void installed(String pluginId, Capabilities capabilities) {
        accepted.put(pluginId, capabilities);
      }

      @Override
      public void held(Inspection update) {
        // the host keeps held folder jars itself; nothing outlives it here
      }
    };
  }
}
