package io.protohive.pluginhost;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import java.util.function.BooleanSupplier;

/**
 * The one way the platform runs plugin code, tools and models alike: on a thread of a bounded pool,
 * with the plugin's class loader as the context class loader, within a bulkhead per plugin and one
 * per tenant, so that a plugin that hangs or a tenant that floods costs others nothing. A call over
 * a limit is refused at once rather than queued behind a stuck plugin. A call holds its places
 * until its work has returned <em>and</em> its caller has closed it: a plugin thread its caller
 * gave up on still counts against the plugin, and a stream that goes on after its work returned
 * still counts until its caller is done with it.
 *
 * <p>Thread-safe.
 */
public final class PluginCalls implements AutoCloseable {

  /**
   * How much plugin work runs at once.
   *
   * @param threads the most pieces of work executing at once across all plugins
   * @param perPlugin the most open calls of one plugin
   * @param perTenant the most open calls made for one tenant
   */
  public record Limits(int threads, int perPlugin, int perTenant) {

    public Limits {
      if (threads < 1 || perPlugin < 1 || perTenant < 1) {
        throw new IllegalArgumentException("plugin call limits must be positive");
      }
    }
  }

  /** Plugin work; it may watch {@code cancelled} to stop early when its call is cancelled. */
  @FunctionalInterface
  public interface Work<T> {
    T run(BooleanSupplier cancelled) throws Exception;
  }

  /** Why a call was not started. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final ThreadPoolExecutor pool;
  private final Limits limits;
  private final Map<String, Semaphore> pluginPlaces = new ConcurrentHashMap<>();
  private final Map<UUID, Semaphore> tenantPlaces = new ConcurrentHashMap<>();
  private final Map<String, Set<Call<?>>> open = new ConcurrentHashMap<>();

  /**
   * @param name what the pool's threads are called, such as {@code tool-call}
   */
  public PluginCalls(String name, Limits limits) {
    AtomicInteger count = new AtomicInteger();
    this.limits = limits;
    this.pool =
        new ThreadPoolExecutor(
            0,
            limits.threads(),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "protohive-" + name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts plugin work for a tenant, or refuses it when the plugin, the tenant or the pool is at
   * its limit. The caller must {@link Call#close() close} the call, whatever happens.
   */
  public <T> Call<T> start(String pluginId, UUID tenantId, ClassLoader loader, Work<T> work)
      throws Refused {
    Semaphore plugin =
        pluginPlaces.computeIfAbsent(pluginId, id -> new Semaphore(limits.perPlugin()));
    if (!plugin.tryAcquire()) {
      throw new Refused("The plugin " + pluginId + " is busy with other calls. Try again later.");
    }
    Semaphore tenant =
        tenantPlaces.computeIfAbsent(tenantId, id -> new Semaphore(limits.perTenant()));
    if (!tenant.tryAcquire()) {
      plugin.release();
      throw new Refused("Too many plugin calls are running for this tenant. Try again later.");
    }
    Set<Call<?>> calls = open.computeIfAbsent(pluginId, id -> ConcurrentHashMap.newKeySet());
    Call<T> call = new Call<>(calls, tenant, plugin);
    calls.add(call);
    try {
      call.future =
          pool.submit(
              () -> {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                  return work.run(call::isCancelled);
                } finally {
                  thread.setContextClassLoader(previous);
                  call.leave();
                }
              });
    } catch (RejectedExecutionException e) {
      call.leave();
      call.close();
      throw new Refused("Too many plugin calls are running. Try again later.");
    }
    return call;
  }

  /** Cancels every open call of a plugin, which is about to stop or be replaced. */
  public void cancel(String pluginId) {
    Set<Call<?>> calls = open.get(pluginId);
    if (calls != null) {
      calls.forEach(Call::cancel);
    }
  }

  /** The open calls of a plugin, including ones whose callers gave up on them. */
  public int open(String pluginId) {
    Set<Call<?>> calls = open.get(pluginId);
    return calls == null ? 0 : calls.size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** One started piece of plugin work. */
  public static final class Call<T> implements AutoCloseable {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    // the work and the caller each hold the call; the places are given back when both let go
    private final AtomicInteger holders = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<Call<?>> open;
    private final Semaphore tenant;
    private final Semaphore plugin;
    private volatile Future<T> future;

    private Call(Set<Call<?>> open, Semaphore tenant, Semaphore plugin) {
      this.open = open;
      this.tenant = tenant;
      this.plugin = plugin;
    }

    /**
     * Waits for the work's result until the limit; on timeout or interruption the work is
     * cancelled.
     *
     * @throws CancellationException when the call was cancelled before it ended
     */
    public T await(Duration limit)
        throws TimeoutException, ExecutionException, InterruptedException {
      try {
        return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | InterruptedException e) {
        cancel();
        throw e;
      }
    }

    /** Whether the work has returned, thrown or been cancelled. */
    public boolean isDone() {
      return future.isDone();
    }

    /** Asks the work to stop: its flag is raised and its thread interrupted. */
    public void cancel() {
      cancelled.set(true);
      Future<T> current = future;
      if (current != null) {
        current.cancel(true);
      }
    }

    /** Whether the call was cancelled; plugins read it through their context. */
    public boolean isCancelled() {
      return cancelled.get();
    }

    /** The caller is done with the call. Idempotent. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        leave();
      }
    }

    private void leave() {
      if (holders.decrementAndGet() == 0) {
        open.remove(this);
        tenant.release();
        plugin.release();
      }
    }
  }
}
