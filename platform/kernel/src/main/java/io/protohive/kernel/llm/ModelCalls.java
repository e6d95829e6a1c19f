package io.protohive.kernel.llm;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.Response;
import io.protohive.kernel.platform.Rejection;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.pluginhost.PluginCalls;
import io.protohive.pluginhost.PluginProvider;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs single attempts against a provider's model through the plugin host's path for model calls (a
 * thread of its own, the plugin's class loader, bulkheads per plugin and per tenant), so that the
 * gateway can hold an attempt to its time limits and cancel it, whatever the provider does.
 */
final class ModelCalls {

  private static final long POLL_MILLIS = 50;

  /**
   * Watches every open stream's limits and its caller's stop: one daemon thread for them all, each
   * look a few comparisons, so that no stream holds a thread of its own while it streams.
   */
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "protohive-llm-watch");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    // ends when no stream is open for a while, so that an undeployed platform leaves no thread
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    return timer;
  }

  private final PluginCalls path;
  private final ModelCache models = new ModelCache();

  ModelCalls(PluginCalls path) {
    this.path = path;
  }

  /**
   * How an attempt ended: a response, or an error and whether tokens had already reached the
   * caller.
   */
  record Attempt(
      ChatResponse response,
      Throwable error,
      CallOutcome outcome,
      boolean streamStarted,
      Duration took,
      Duration firstToken) {}

  Attempt blocking(
      UUID tenantId,
      PluginProvider provider,
      RouteStep step,
      Configuration configuration,
      ChatRequest request,
      Duration limit) {
    Done<ChatResponse> done =
        once(
            tenantId,
            provider,
            cancelled -> models.chat(provider, step.model(), configuration).chat(request),
            limit);
    return new Attempt(done.value(), done.error(), done.outcome(), false, done.took(), null);
  }

  /**
   * Streams one attempt without holding a thread while it streams: the pieces reach {@code tokens}
   * on the provider's thread, and the attempt's limits and the caller's {@code cancelled} are
   * watched by one timer shared by every stream. The future always completes normally, with how the
   * attempt ended; cancelling it cancels the stream.
   */
  CompletableFuture<Attempt> streaming(
      UUID tenantId,
      PluginProvider provider,
      RouteStep step,
      Configuration configuration,
      ChatRequest request,
      Consumer<String> tokens,
      BooleanSupplier cancelled,
      Duration firstTokenLimit,
      Duration limit) {
    long started = System.nanoTime();
    Stream stream = new Stream(tokens, cancelled);
    PluginCalls.Call<Void> call;
    try {
      call =
          path.start(
              provider.pluginId(),
              tenantId,
              provider.classLoader(),
              stopped -> {
                models.streaming(provider, step.model(), configuration).chat(request, stream);
                return null;
              });
    } catch (PluginCalls.Refused e) {
      return CompletableFuture.completedFuture(failed(e, CallOutcome.FAILED, false, started, null));
    }
    // the call stays open while the answer streams, after the work that started it returned
    return new Watch(stream, call, started, firstTokenLimit, limit).result;
  }

  /**
   * Follows one streaming attempt to its end: the answer, an error, a limit passed, the caller's
   * stop or the plugin's; settles the attempt once and closes its call.
   */
  private static final class Watch {
    final CompletableFuture<Attempt> result = new CompletableFuture<>();
    private final AtomicBoolean settled = new AtomicBoolean();
    private final Stream stream;
    private final PluginCalls.Call<Void> call;
    private final long started;
    private final long firstDeadline;
    private final long deadline;
    private final Duration firstTokenLimit;
    private final Duration limit;
    private final ScheduledFuture<?> ticks;

    Watch(
        Stream stream,
        PluginCalls.Call<Void> call,
        long started,
        Duration firstTokenLimit,
        Duration limit) {
      this.stream = stream;
      this.call = call;
      this.started = started;
      this.firstTokenLimit = firstTokenLimit;
      this.limit = limit;
      this.firstDeadline = started + firstTokenLimit.toNanos();
      this.deadline = started + limit.toNanos();
      stream.done.whenComplete(this::ended);
      result.whenComplete(
          (attempt, error) -> {
            if (result.isCancelled()) {
              stop(
                  new CancellationException("stopped by the caller"), CallOutcome.CANCELLED, false);
            }
          });
      ticks = TIMER.scheduleWithFixedDelay(this::tick, POLL_MILLIS, POLL_MILLIS, MILLISECONDS);
      if (result.isDone()) {
        ticks.cancel(false);
      }
    }

    private void ended(ChatResponse response, Throwable error) {
      if (error == null) {
        settle(
            new Attempt(
                response, null, CallOutcome.OK, true, since(started), stream.firstToken(started)));
      } else if (!(error instanceof CancellationException)) {
        settle(
            failed(
                error,
                CallOutcome.FAILED,
                stream.started.get(),
                started,
                stream.firstToken(started)));
      }
    }

    private void tick() {
      if (result.isDone()) {
        ticks.cancel(false);
        return;
      }
      try {
        if (stream.cancelled.getAsBoolean()) {
          stop(new CancellationException("stopped by the caller"), CallOutcome.CANCELLED, true);
          return;
        }
        if (call.isCancelled()) {
          stop(
              new CancellationException("the provider's plugin stopped during the call"),
              CallOutcome.FAILED,
              true);
          return;
        }
        long now = System.nanoTime();
        boolean waitingForFirst = !stream.started.get();
        if (now > deadline || (waitingForFirst && now > firstDeadline)) {
          String what =
              waitingForFirst
                  ? "no first token within " + firstTokenLimit.toMillis()
                  : "no complete answer within " + limit.toMillis();
          stop(new TimeoutException(what + " ms"), CallOutcome.TIMED_OUT, true);
        }
      } catch (RuntimeException e) {
        stop(e, CallOutcome.FAILED, true);
      }
    }

    private void stop(Throwable why, CallOutcome outcome, boolean settle) {
      stream.cancel(call);
      Attempt attempt =
          failed(why, outcome, stream.started.get(), started, stream.firstToken(started));
      if (settle) {
        settle(attempt);
      } else {
        close();
      }
    }

    private void settle(Attempt attempt) {
      if (settled.compareAndSet(false, true)) {
        close();
        result.complete(attempt);
      }
    }

    private void close() {
      if (ticks != null) {
        ticks.cancel(false);
      }
      call.close();
    }
  }

  /**
   * Embeds texts with a provider's embedding model that the tenant's configuration of it lists.
   *
   * @throws Rejection when the provider does not offer the model to the tenant
   */
  Done<Response<List<Embedding>>> embedding(
      UUID tenantId,
      PluginProvider provider,
      String model,
      Configuration configuration,
      List<String> texts,
      Duration limit) {
    Done<Response<List<Embedding>>> done =
        once(
            tenantId,
            provider,
            cancelled -> {
              if (!offers(provider, model, configuration)) {
                throw new NotOffered();
              }
              return models
                  .embedding(provider, model, configuration)
                  .embedAll(texts.stream().map(TextSegment::from).toList());
            },
            limit);
    if (done.error() instanceof NotOffered) {
      throw Rejection.invalid(
          "model", provider.provider().id() + " offers no embedding model " + model + " to you.");
    }
    return done;
  }

  /** How a call that answers at once ended: its value, or an error. */
  record Done<T>(T value, Throwable error, CallOutcome outcome, Duration took) {}

  /** Runs one call on the plugin-call path and waits for its answer, at most {@code limit}. */
  private <T> Done<T> once(
      UUID tenantId, PluginProvider provider, PluginCalls.Work<T> work, Duration limit) {
    long started = System.nanoTime();
    PluginCalls.Call<T> call;
    try {
      call = path.start(provider.pluginId(), tenantId, provider.classLoader(), work);
    } catch (PluginCalls.Refused e) {
      return new Done<>(null, e, CallOutcome.FAILED, since(started));
    }
    try (call) {
      return new Done<>(call.await(limit), null, CallOutcome.OK, since(started));
    } catch (TimeoutException e) {
      return new Done<>(
          null,
          new TimeoutException("no answer within " + limit.toMillis() + " ms"),
          CallOutcome.TIMED_OUT,
          since(started));
    } catch (CancellationException e) {
      return new Done<>(
          null,
          new CancellationException("the provider's plugin stopped during the call"),
          CallOutcome.FAILED,
          since(started));
    } catch (ExecutionException e) {
      return new Done<>(null, e.getCause(), CallOutcome.FAILED, since(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Done<>(null, e, CallOutcome.CANCELLED, since(started));
    }
  }

  /**
   * Whether the tenant's configuration of the provider lists the model among its embedding models.
   */
  private static boolean offers(
      PluginProvider provider, String model, Configuration configuration) {
    return provider.provider().models(configuration).stream()
        .anyMatch(
            offered -> offered.kind() == ModelInfo.Kind.EMBEDDING && offered.id().equals(model));
  }

  /** The provider's configuration does not list the model asked for. */
  private static final class NotOffered extends RuntimeException {
    NotOffered() {
      super(null, null, false, false);
    }
  }

  private static Attempt failed(
      Throwable error, CallOutcome outcome, boolean streamStarted, long started, Duration first) {
    return new Attempt(null, error, outcome, streamStarted, since(started), first);
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Receives one streamed answer and passes its pieces on, until cancelled. */
  private static final class Stream implements StreamingChatResponseHandler {
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    final AtomicBoolean started = new AtomicBoolean();
    final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    final BooleanSupplier cancelled;
    private final Consumer<String> tokens;
    private volatile long firstTokenAt;

    Stream(Consumer<String> tokens, BooleanSupplier cancelled) {
      this.tokens = tokens;
      this.cancelled = cancelled;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      handle.set(context.streamingHandle());
      onPartialResponse(partial.text());
    }

    @Override
    public void onPartialResponse(String text) {
      if (done.isDone() || cancelled.getAsBoolean()) {
        StreamingHandle current = handle.get();
        if (current != null) {
          current.cancel();
        }
        return;
      }
      if (started.compareAndSet(false, true)) {
        firstTokenAt = System.nanoTime();
      }
      tokens.accept(text);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      done.completeExceptionally(error);
    }

    Duration firstToken(long started) {
      long at = firstTokenAt;
      return at == 0 ? null : Duration.ofNanos(at - started);
    }

    void cancel(PluginCalls.Call<?> call) {
      done.cancel(false);
      StreamingHandle current = handle.get();
      if (current != null) {
        current.cancel();
      }
      call.cancel();
    }
  }
}
