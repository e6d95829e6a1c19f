package io.protohive.kernel.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmFailures;
import io.protohive.pluginhost.PluginProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The gateway's decisions for one call, apart from the server so that plain tests can drive them:
 * it reserves the call's estimate on the budgets, walks the route step by step through each
 * provider's circuit breaker, retries retryable errors with backoff, falls back to the next step
 * until one answers, meters every attempt and settles the budgets on what the call used.
 */
final class RouteWalker {

  private static final Logger LOG = Logger.getLogger(RouteWalker.class.getName());
  static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;

  /** A step's provider with the tenant's configuration of it. */
  record BoundStep(PluginProvider provider, Configuration configuration) {}

  /** Finds the provider behind a step; asked only when the walk reaches the step. */
  interface StepBinding {

    /** The step's provider, or {@code null} when its plugin is not installed or not on. */
    BoundStep bind(RouteStep step);
  }

  /** How many attempts a step gets and how long an attempt may take. */
  record Limits(int attempts, Duration callTimeout, Duration firstTokenTimeout) {}

  /** The wait before another attempt on the same step. */
  interface Backoff {

    /** About 200 ms after the first attempt, then 400 ms, each ±50 %. */
    Backoff JITTERED =
        attempt -> {
          long base = 200L << (attempt - 1);
          long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
          try {
            Thread.sleep(jittered);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to retry.");
          }
        };

    void pause(int attempt);
  }

  /**
   * Brings a walk back from the thread that ended an attempt (a provider's or the stream watcher's)
   * to where the walk goes on: metering, budgets and the next attempt run there.
   */
  interface Resumption {

    /** A future completed as {@code ended} is, whose async stages run where the walk goes on. */
    <T> CompletableFuture<T> after(CompletableFuture<T> ended);

    /** Goes on on whichever thread ended the attempt: for tests without a server. */
    Resumption IN_PLACE =
        new Resumption() {
          @Override
          public <T> CompletableFuture<T> after(CompletableFuture<T> ended) {
            return ended;
          }
        };
  }

  private final ModelCalls calls;
  private final CircuitBreakers breakers;
  private final BudgetLedger budgets;
  private final ModelPrices prices;
  private final Backoff backoff;
  private final Resumption resumption;

  RouteWalker(
      ModelCalls calls,
      CircuitBreakers breakers,
      BudgetLedger budgets,
      ModelPrices prices,
      Backoff backoff) {
    this(calls, breakers, budgets, prices, backoff, Resumption.IN_PLACE);
  }

  RouteWalker(
      ModelCalls calls,
      CircuitBreakers breakers,
      BudgetLedger budgets,
      ModelPrices prices,
      Backoff backoff,
      Resumption resumption) {
    this.calls = calls;
    this.breakers = breakers;
    this.budgets = budgets;
    this.prices = prices;
    this.backoff = backoff;
    this.resumption = resumption;
  }

  /**
   * Walks a route that is not empty, and waits for its answer.
   *
   * @param tokens receives a streamed answer's pieces; {@code null} for a whole answer at once
   * @throws BudgetExhausted when a budget has no room for the call's estimate
   * @throws LlmUnavailable when no step answered
   * @throws CancellationException when the caller cancelled
   */
  ChatResponse walk(
      CallScope scope,
      List<RouteStep> route,
      StepBinding binding,
      Limits limits,
      ChatRequest request,
      Consumer<String> tokens,
      BooleanSupplier cancelled) {
    AtomicBoolean abandoned = new AtomicBoolean();
    CompletableFuture<ChatResponse> walk =
        walkAsync(
            scope,
            route,
            binding,
            limits,
            request,
            tokens,
            () -> abandoned.get() || cancelled.getAsBoolean());
    try {
      return walk.get();
    } catch (InterruptedException e) {
      // the waiting thread is stopped, as by its executor's shutdown: so is the stream
      abandoned.set(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while the model answered.");
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    }
  }

  /**
   * Walks a route that is not empty without holding a thread while a streamed answer streams.
   *
   * @param tokens receives a streamed answer's pieces; {@code null} for a whole answer at once
   * @return the answer; or, completed exceptionally, {@link BudgetExhausted} when a budget has no
   *     room for the call's estimate, {@link LlmUnavailable} when no step answered, {@link
   *     CancellationException} when the caller cancelled
   */
  CompletableFuture<ChatResponse> walkAsync(
      CallScope scope,
      List<RouteStep> route,
      StepBinding binding,
      Limits limits,
      ChatRequest request,
      Consumer<String> tokens,
      BooleanSupplier cancelled) {
    long promptEstimate = TokenEstimate.prompt(request);
    long outputLimit = TokenEstimate.outputLimit(request, DEFAULT_MAX_OUTPUT_TOKENS);
    RouteStep primary = route.get(0);
    Budgets.Reservation reservation;
    try {
      reservation =
          budgets.reserve(
              scope,
              promptEstimate + outputLimit,
              prices.cost(primary.providerId(), primary.model(), promptEstimate, outputLimit));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Walk walk = new Walk(scope, route, binding, limits, request, tokens, cancelled);
    CompletableFuture<ChatResponse> answered;
    try {
      answered = walk.from(0);
    } catch (RuntimeException e) {
      answered = CompletableFuture.failedFuture(e);
    }
    // settled where the answer completes, in the trace of the work that asked
    return answered.handle(
        PlatformTraces.carrying(
            (ChatResponse response, Throwable error) -> {
              try {
                // metered and settled once, after the answer reached the caller
                budgets.settle(scope, reservation, walk.usedTokens, walk.usedMicros, walk.attempts);
              } catch (RuntimeException settling) {
                if (error == null) {
                  throw settling;
                }
                error.addSuppressed(settling);
              }
              if (error != null) {
                throw unwrapped(error);
              }
              return response;
            }));
  }

  /** What came of one step of the route. */
  private record StepResult(
      ChatResponse response, long tokens, long micros, String failure, boolean mayFallBack) {
    static StepResult failed(String failure, boolean mayFallBack) {
      return new StepResult(null, 0, 0, failure, mayFallBack);
    }
  }

  /** One walk of a route: its steps in order, each attempt after the previous one ended. */
  private final class Walk {
    private final CallScope scope;
    private final List<RouteStep> route;
    private final StepBinding binding;
    private final Limits limits;
    private final ChatRequest request;
    private final Consumer<String> tokens;
    private final BooleanSupplier cancelled;
    private final List<String> failures = new ArrayList<>();
    private final List<UsageMeter.Metered> attempts = new CopyOnWriteArrayList<>();
    volatile long usedTokens;
    volatile long usedMicros;

    Walk(
        CallScope scope,
        List<RouteStep> route,
        StepBinding binding,
        Limits limits,
        ChatRequest request,
        Consumer<String> tokens,
        BooleanSupplier cancelled) {
      this.scope = scope;
      this.route = route;
      this.binding = binding;
      this.limits = limits;
      this.request = request;
      this.tokens = tokens;
      this.cancelled = cancelled;
    }

    /** The answer of the first step from {@code index} on that answers. */
    CompletableFuture<ChatResponse> from(int index) {
      if (index == route.size()) {
        throw new LlmUnavailable(
            "No provider of the route answered: " + String.join("; ", failures));
      }
      RouteStep step = route.get(index);
      BoundStep bound = binding.bind(step);
      if (bound == null) {
        failures.add(step.providerId() + " is not enabled");
        return from(index + 1);
      }
      return attempt(step, bound, 1, "no attempt")
          .thenCompose(
              result -> {
                if (result.response() != null) {
                  usedTokens = result.tokens();
                  usedMicros = result.micros();
                  return CompletableFuture.completedFuture(result.response());
                }
                failures.add(step.providerId() + "/" + step.model() + ": " + result.failure());
                if (!result.mayFallBack()) {
                  throw new LlmUnavailable("The model call failed: " + result.failure());
                }
                return from(index + 1);
              });
    }

    private CompletableFuture<StepResult> attempt(
        RouteStep step, BoundStep bound, int attempt, String failure) {
      if (attempt > limits.attempts()) {
        return CompletableFuture.completedFuture(StepResult.failed(failure, true));
      }
      CircuitBreaker breaker = breakers.of(scope.tenantId(), step.providerId());
      if (!breaker.tryAcquirePermission()) {
        attempts.add(
            metered(
                scope, step, tokens != null, null, Duration.ZERO, null, CallOutcome.CIRCUIT_OPEN));
        return CompletableFuture.completedFuture(
            StepResult.failed("its circuit is open after repeated failures", true));
      }
      if (tokens == null) {
        ModelCalls.Attempt outcome =
            calls.blocking(
                scope.tenantId(),
                bound.provider(),
                step,
                bound.configuration(),
                request,
                limits.callTimeout());
        return ended(step, bound, breaker, attempt, outcome);
      }
      return resumption
          .after(
              calls.streaming(
                  scope.tenantId(),
                  bound.provider(),
                  step,
                  bound.configuration(),
                  request,
                  tokens,
                  cancelled,
                  limits.firstTokenTimeout(),
                  limits.callTimeout()))
          .thenComposeAsync(outcome -> ended(step, bound, breaker, attempt, outcome));
    }

    private CompletableFuture<StepResult> ended(
        RouteStep step,
        BoundStep bound,
        CircuitBreaker breaker,
        int attempt,
        ModelCalls.Attempt outcome) {
      PluginProvider provider = bound.provider();
      if (outcome.response() != null) {
        breaker.onSuccess(outcome.took().toNanos(), TimeUnit.NANOSECONDS);
        UsageMeter.Metered metered =
            metered(
                scope,
                step,
                tokens != null,
                outcome.response().tokenUsage(),
                outcome.took(),
                outcome.firstToken(),
                CallOutcome.OK);
        attempts.add(metered);
        return CompletableFuture.completedFuture(
            new StepResult(
                outcome.response(),
                metered.promptTokens() + metered.completionTokens(),
                metered.costMicros(),
                null,
                false));
      }
      Throwable error = outcome.error();
      boolean retryable = LlmFailures.retryable(error);
      if (retryable) {
        breaker.onError(outcome.took().toNanos(), TimeUnit.NANOSECONDS, error);
      } else {
        // a request the provider rejects says nothing about the provider's health
        breaker.releasePermission();
      }
      attempts.add(
          metered(
              scope,
              step,
              tokens != null,
              null,
              outcome.took(),
              outcome.firstToken(),
              outcome.outcome()));
      String failure = redact(LlmErrors.describe(error), provider, bound.configuration());
      LOG.warning(() -> "Model call to " + step.providerId() + "/" + step.model() + " failed");
      if (outcome.outcome() == CallOutcome.CANCELLED) {
        throw new CancellationException("The model call was stopped.");
      }
      if (!retryable || outcome.streamStarted()) {
        // a stream that already reached the caller cannot be replaced by another provider's
        return CompletableFuture.completedFuture(StepResult.failed(failure, false));
      }
      if (attempt < limits.attempts()) {
        backoff.pause(attempt);
      }
      return attempt(step, bound, attempt + 1, failure);
    }
  }

  /** The exception a stage of the walk threw, without the future's wrapping. */
  private static RuntimeException unwrapped(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error fatal) {
      throw fatal;
    }
    return new CompletionException(cause);
  }

  private UsageMeter.Metered metered(
      CallScope scope,
      RouteStep step,
      boolean streamed,
      TokenUsage usage,
      Duration took,
      Duration firstToken,
      CallOutcome outcome) {
    long prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long completion =
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    return new UsageMeter.Metered(
        UsageMeter.Operation.CHAT,
        scope,
        step,
        streamed,
        prompt,
        completion,
        took,
        firstToken,
        outcome,
        prices.cost(step.providerId(), step.model(), prompt, completion));
  }

  /** Error text with the configuration's secrets blanked out, should a provider echo one. */
  private static String redact(String text, PluginProvider provider, Configuration configuration) {
    String redacted = text;
    for (ConfigurationProperty property : provider.provider().configuration()) {
      if (property.secret()) {
        String secret = configuration.value(property.key()).orElse(null);
        if (secret != null && secret.length() >= 4) {
          redacted = redacted.replace(secret, "***");
        }
      }
    }
    return redacted;
  }
}
