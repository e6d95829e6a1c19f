package io.protohive.pluginhost;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import io.protohive.pluginhost.internal.PluginLogger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls tools through the plugin calls path, so that a plugin that throws, hangs or spins costs its
 * caller a tool error and nothing more, and turns what happened into a {@link ToolOutcome}.
 *
 * <p>Thread-safe.
 */
public final class ToolCalls implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ToolCalls.class.getName());

  private final PluginCalls calls;

  public ToolCalls(PluginCalls.Limits limits) {
    this.calls = new PluginCalls("tool-call", limits);
  }

  /**
   * Calls a tool and waits for it until the deadline.
   *
   * @param context who calls and with which configuration; the deadline, cancellation, logger and
   *     the plugin's HTTP client are set here
   */
  public ToolOutcome call(
      PluginTool tool,
      Map<String, Object> arguments,
      ToolContext.Builder context,
      Duration timeout) {
    long started = System.nanoTime();
    UUID tenant = context.build().tenantId();
    Map<String, Object> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    Instant deadline = Instant.now().plus(timeout);
    PluginCalls.Call<ToolResult> call;
    try {
      call =
          calls.start(
              tool.pluginId(),
              tenant,
              tool.classLoader(),
              cancelled ->
                  tool.tool()
                      .invoke(
                          frozen,
                          context
                              .deadline(deadline)
                              .cancelled(cancelled)
                              .logger(new PluginLogger(tool.pluginId(), tenant.toString()))
                              .http(tool.http())
                              .build()));
    } catch (PluginCalls.Refused e) {
      return outcome(ToolOutcome.Status.BUSY, e.getMessage(), started);
    }
    try (call) {
      return await(tool, call, timeout, started);
    }
  }

  private ToolOutcome await(
      PluginTool tool, PluginCalls.Call<ToolResult> call, Duration timeout, long started) {
    try {
      ToolResult result = call.await(timeout);
      if (result == null) {
        return outcome(ToolOutcome.Status.FAILED, "The tool returned no result.", started);
      }
      return new ToolOutcome(
          result.isError() ? ToolOutcome.Status.TOOL_ERROR : ToolOutcome.Status.OK,
          result,
          since(started));
    } catch (TimeoutException e) {
      return outcome(
          ToolOutcome.Status.TIMED_OUT,
          "The tool did not answer within " + timeout.toMillis() + " ms.",
          started);
    } catch (CancellationException e) {
      return outcome(
          ToolOutcome.Status.CANCELLED,
          "The plugin was stopped or replaced while the tool was running.",
          started);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      LOG.log(Level.FINE, cause, () -> "Tool " + tool.tool().id() + " failed");
      LOG.warning(() -> "Tool " + tool.tool().id() + " failed: " + cause);
      return outcome(
          ToolOutcome.Status.FAILED,
          // the plugin's message is for the agent; its class names stay in the log
          cause.getMessage() == null
              ? "The tool failed."
              : "The tool failed: " + cause.getMessage(),
          started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return outcome(ToolOutcome.Status.CANCELLED, "The call was abandoned.", started);
    }
  }

  /** Cancels every running call of a plugin, which is about to stop or be replaced. */
  public void cancel(String pluginId) {
    calls.cancel(pluginId);
  }

  /** The calls of a plugin that are still running, including ones their callers gave up on. */
  public int running(String pluginId) {
    return calls.open(pluginId);
  }

  private static ToolOutcome outcome(ToolOutcome.Status status, String message, long started) {
    return new ToolOutcome(status, ToolResult.error(message), since(started));
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() {
    calls.close();
  }
}
