package io.protohive.kernel.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmFailures;
import io.protohive.pluginhost.PluginProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

  private final ModelCalls calls;
  private final CircuitBreakers breakers;
  private final BudgetLedger budgets;
  private final ModelPrices prices;
  private final Backoff backoff;

  RouteWalker(
      ModelCalls calls,
      CircuitBreakers breakers,
      BudgetLedger budgets,
      ModelPrices prices,
      Backoff backoff) {
    this.calls = calls;
    this.breakers = breakers;
    this.budgets = budgets;
    this.prices = prices;
    this.backoff = backoff;
  }

  /**
   * Walks a route that is not empty.
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
    long promptEstimate = TokenEstimate.prompt(request);
    long outputLimit = TokenEstimate.outputLimit(request, DEFAULT_MAX_OUTPUT_TOKENS);
    RouteStep primary = route.get(0);
    Budgets.Reservation reservation =
        budgets.reserve(
            scope,
            promptEstimate + outputLimit,
            prices.cost(primary.providerId(), primary.model(), promptEstimate, outputLimit));
    long usedTokens = 0;
    long usedMicros = 0;
    List<UsageMeter.Metered> attempts = new ArrayList<>();
    try {
      List<String> failures = new ArrayList<>();
      for (RouteStep step : route) {
        BoundStep bound = binding.bind(step);
        if (bound == null) {
          failures.add(step.providerId() + " is not enabled");
          continue;
        }
        StepResult result =
            tryStep(scope, step, bound, limits, request, tokens, cancelled, attempts::add);
        if (result.response() != null) {
          usedTokens = result.tokens();
          usedMicros = result.micros();
          return result.response();
        }
        failures.add(step.providerId() + "/" + step.model() + ": " + result.failure());
        if (!result.mayFallBack()) {
          throw new LlmUnavailable("The model call failed: " + result.failure());
        }
      }
      throw new LlmUnavailable("No provider of the route answered: " + String.join("; ", failures));
    } finally {
      // metered and settled once, after the answer reached the caller
      budgets.settle(scope, reservation, usedTokens, usedMicros, attempts);
    }
  }

  /** What came of one step of the route. */
  private record StepResult(
      ChatResponse response, long tokens, long micros, String failure, boolean mayFallBack) {
    static StepResult failed(String failure, boolean mayFallBack) {
      return new StepResult(null, 0, 0, failure, mayFallBack);
    }
  }

  private StepResult tryStep(
      CallScope scope,
      RouteStep step,
      BoundStep bound,
      Limits limits,
      ChatRequest request,
      Consumer<String> tokens,
      BooleanSupplier cancelled,
      Consumer<UsageMeter.Metered> meter) {
    PluginProvider provider = bound.provider();
    Configuration configuration = bound.configuration();
    CircuitBreaker breaker = breakers.of(scope.tenantId(), step.providerId());
    String failure = "no attempt";
    for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
      if (!breaker.tryAcquirePermission()) {
        meter.accept(
            metered(
                scope, step, tokens != null, null, Duration.ZERO, null, CallOutcome.CIRCUIT_OPEN));
        return StepResult.failed("its circuit is open after repeated failures", true);
      }
      ModelCalls.Attempt outcome =
          tokens == null
              ? calls.blocking(
                  scope.tenantId(), provider, step, configuration, request, limits.callTimeout())
              : calls.streaming(
                  scope.tenantId(),
                  provider,
                  step,
                  configuration,
                  request,
                  tokens,
                  cancelled,
                  limits.firstTokenTimeout(),
                  limits.callTimeout());
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
        meter.accept(metered);
        return new StepResult(
            outcome.response(),
            metered.promptTokens() + metered.completionTokens(),
            metered.costMicros(),
            null,
            false);
      }
      Throwable error = outcome.error();
      boolean retryable = LlmFailures.retryable(error);
      if (retryable) {
        breaker.onError(outcome.took().toNanos(), TimeUnit.NANOSECONDS, error);
      } else {
        // a request the provider rejects says nothing about the provider's health
        breaker.releasePermission();
      }
      meter.accept(
          metered(
              scope,
              step,
              tokens != null,
              null,
              outcome.took(),
              outcome.firstToken(),
              outcome.outcome()));
      failure = redact(LlmErrors.describe(error), provider, configuration);
      LOG.warning(() -> "Model call to " + step.providerId() + "/" + step.model() + " failed");
      if (outcome.outcome() == CallOutcome.CANCELLED) {
        throw new CancellationException("The model call was stopped.");
      }
      if (!retryable || outcome.streamStarted()) {
        // a stream that already reached the caller cannot be replaced by another provider's
        return StepResult.failed(failure, false);
      }
      if (attempt < limits.attempts()) {
        backoff.pause(attempt);
      }
    }
    return StepResult.failed(failure, true);
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
