package io.protohive.kernel.llm;

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

  Attempt streaming(
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
      return failed(e, CallOutcome.FAILED, false, started, null);
    }
    // the call stays open while the answer streams, after the work that started it returned
    try (call) {
      return follow(stream, call, started, firstTokenLimit, limit);
    }
  }

  private Attempt follow(
      Stream stream,
      PluginCalls.Call<Void> call,
      long started,
      Duration firstTokenLimit,
      Duration limit) {
    long firstDeadline = started + firstTokenLimit.toNanos();
    long deadline = started + limit.toNanos();
    while (true) {
      long now = System.nanoTime();
      if (stream.done.isDone()) {
        break;
      }
      if (stream.cancelled.getAsBoolean()) {
        stream.cancel(call);
        return failed(
            new CancellationException("stopped by the caller"),
            CallOutcome.CANCELLED,
            stream.started.get(),
            started,
            stream.firstToken(started));
      }
      if (call.isCancelled()) {
        stream.cancel(call);
        return failed(
            new CancellationException("the provider's plugin stopped during the call"),
            CallOutcome.FAILED,
            stream.started.get(),
            started,
            stream.firstToken(started));
      }
      boolean waitingForFirst = !stream.started.get();
      if (now > deadline || (waitingForFirst && now > firstDeadline)) {
        stream.cancel(call);
        String what =
            waitingForFirst
                ? "no first token within " + firstTokenLimit.toMillis()
                : "no complete answer within " + limit.toMillis();
        return failed(
            new TimeoutException(what + " ms"),
            CallOutcome.TIMED_OUT,
            stream.started.get(),
            started,
            stream.firstToken(started));
      }
      try {
        stream.done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // poll the caller and the limits again
      } catch (ExecutionException e) {
        break;
      } catch (InterruptedException e) {
        stream.cancel(call);
        Thread.currentThread().interrupt();
        return failed(e, CallOutcome.CANCELLED, stream.started.get(), started, null);
      }
    }
    try {
      return new Attempt(
          stream.done.get(),
          null,
          CallOutcome.OK,
          true,
          since(started),
          stream.firstToken(started));
    } catch (ExecutionException e) {
      return failed(
          e.getCause(),
          CallOutcome.FAILED,
          stream.started.get(),
          started,
          stream.firstToken(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(e, CallOutcome.CANCELLED, stream.started.get(), started, null);
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
