package io.protohive.pluginhost;

import io.protohive.plugin.api.ToolResult;
import java.time.Duration;

/**
 * How a tool call through the host ended. The result is never null: every way a call can go wrong
 * becomes an error result the caller, and the model, can read.
 */
public record ToolOutcome(Status status, ToolResult result, Duration duration) {

  /** How a call ended. */
  public enum Status {
    /** The tool answered. */
    OK,
    /** The tool answered with an error of its own, such as a bad argument. */
    TOOL_ERROR,
    /** The tool threw. */
    FAILED,
    /** The tool did not answer before its deadline. */
    TIMED_OUT,
    /** The plugin already runs as many calls as it may; nothing was started. */
    BUSY,
    /** The plugin was stopped, updated or removed during the call. */
    CANCELLED
  }
}
