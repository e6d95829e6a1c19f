package io.protohive.pluginhost;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tool calls on threads of their own, so that a plugin that throws, hangs or spins costs its
 * caller a tool error and nothing more. Each plugin may run a few calls at once; a call over that
 * limit, or over the pool's size, is refused at once rather than queued behind a stuck plugin.
 *
 * <p>Thread-safe.
 */
public final class ToolCalls implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ToolCalls.class.getName());

  private final ThreadPoolExecutor pool;
  private final int callsPerPlugin;
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
  private final Map<String, Set<RunningCall>> running = new ConcurrentHashMap<>();

  /**
   * @param threads the most calls running at once across all plugins
   * @param callsPerPlugin the most calls one plugin runs at once
   */
  public ToolCalls(int threads, int callsPerPlugin) {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            0,
            threads,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "protohive-tool-call-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.callsPerPlugin = callsPerPlugin;
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
    Semaphore permit =
        permits.computeIfAbsent(tool.pluginId(), id -> new Semaphore(callsPerPlugin));
    if (!permit.tryAcquire()) {
      return outcome(
          ToolOutcome.Status.BUSY,
          "The plugin " + tool.pluginId() + " is busy with other calls. Try again later.",
          started);
    }
    RunningCall call = new RunningCall();
    String tenant = context.build().tenantId().toString();
    ToolContext toolContext =
        context
            .deadline(Instant.now().plus(timeout))
            .cancelled(call.cancelled::get)
            .logger(new PluginLogger(tool.pluginId(), tenant))
            .http(tool.http())
            .build();
    Set<RunningCall> calls =
        running.computeIfAbsent(tool.pluginId(), id -> ConcurrentHashMap.newKeySet());
    calls.add(call);
    try {
      call.future =
          pool.submit(
              () -> {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(tool.classLoader());
                try {
                  return tool.tool()
                      .invoke(
                          Collections.unmodifiableMap(new LinkedHashMap<>(arguments)), toolContext);
                } finally {
                  thread.setContextClassLoader(previous);
                  calls.remove(call);
                  permit.release();
                }
              });
    } catch (RejectedExecutionException e) {
      calls.remove(call);
      permit.release();
      return outcome(
          ToolOutcome.Status.BUSY, "Too many tool calls are running. Try again later.", started);
    }
    return await(tool, call, timeout, started);
  }

  private ToolOutcome await(PluginTool tool, RunningCall call, Duration timeout, long started) {
    try {
      ToolResult result = call.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (result == null) {
        return outcome(ToolOutcome.Status.FAILED, "The tool returned no result.", started);
      }
      return new ToolOutcome(
          result.isError() ? ToolOutcome.Status.TOOL_ERROR : ToolOutcome.Status.OK,
          result,
          since(started));
    } catch (TimeoutException e) {
      call.cancel();
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
      call.cancel();
      Thread.currentThread().interrupt();
      return outcome(ToolOutcome.Status.CANCELLED, "The call was abandoned.", started);
    }
  }

  /** Cancels every running call of a plugin, which is about to stop or be replaced. */
  public void cancel(String pluginId) {
    Set<RunningCall> calls = running.get(pluginId);
    if (calls != null) {
      calls.forEach(RunningCall::cancel);
    }
  }

  /** The calls of a plugin that are still running, including ones their callers gave up on. */
  public int running(String pluginId) {
    Set<RunningCall> calls = running.get(pluginId);
    return calls == null ? 0 : calls.size();
  }

  private static ToolOutcome outcome(ToolOutcome.Status status, String message, long started) {
    return new ToolOutcome(status, ToolResult.error(message), since(started));
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** One call in flight: the flag the plugin reads, and the future the host may interrupt. */
  private static final class RunningCall {
    final AtomicBoolean cancelled = new AtomicBoolean();
    volatile Future<ToolResult> future;

    void cancel() {
      cancelled.set(true);
      Future<ToolResult> current = future;
      if (current != null) {
        current.cancel(true);
      }
    }
  }
}
