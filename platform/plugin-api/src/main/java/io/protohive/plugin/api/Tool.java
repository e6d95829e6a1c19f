package io.protohive.plugin.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability an agent can call. Plugins register implementations as OSGi services; the host finds
 * them by {@link #id()}.
 *
 * <p>Implementations must be thread-safe, since the host calls {@link #invoke} concurrently, and
 * should return once {@link ToolContext#deadline()} passes or {@link ToolContext#isCancelled()}
 * turns true: the host stops waiting then and reports a timeout to the caller.
 */
@ConsumerType
public interface Tool {

  /** Stable identifier, unique across plugins, such as {@code clock.now}. */
  String id();

  /** Human-readable name shown in the UI. */
  String name();

  /** What the tool does, written for the model that decides whether to call it. */
  String description();

  /**
   * The arguments the tool takes, as a JSON Schema object, e.g. {@code {"type":"object",
   * "properties":{"zone":{"type":"string"}}}}.
   */
  String parametersSchema();

  /**
   * The settings a tenant fills in before its agents use the tool. Tools of one plugin share one
   * configuration per tenant, so tools of the same bundle may repeat a property.
   */
  default List<ConfigurationProperty> configuration() {
    return List.of();
  }

  /**
   * Runs the tool.
   *
   * @param arguments the arguments the model supplied, parsed from JSON
   * @param context who calls, the tenant's configuration of this plugin, and the deadline
   * @return the result the model reads; {@link ToolResult#error} for a failure it should see
   * @throws Exception any failure, which the host reports to the caller as a tool error
   */
  ToolResult invoke(Map<String, Object> arguments, ToolContext context) throws Exception;
}
