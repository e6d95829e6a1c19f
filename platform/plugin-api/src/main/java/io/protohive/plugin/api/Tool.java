package io.protohive.plugin.api;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability an agent can call. Plugins register implementations as OSGi services; the host finds
 * them by {@link #id()}.
 *
 * <p>Implementations must be thread-safe: the host calls {@link #invoke} concurrently.
 */
@ConsumerType
public interface Tool {

  /** Stable, unique identifier, such as {@code clock.now}. */
  String id();

  /** Human-readable name shown in the UI. */
  String name();

  /** What the tool does, written for the model that decides whether to call it. */
  String description();

  /**
   * Runs the tool.
   *
   * @param arguments the arguments the model supplied, already parsed from JSON
   * @return the result as text the model can read
   */
  String invoke(Map<String, Object> arguments);
}
