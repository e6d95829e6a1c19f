package io.protohive.kernel.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.ratelimit.RateLimits;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmFailures;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The one entry point for model calls. For each call it checks the tenant's rate limit and the
 * budgets (reserving the call's estimate), then walks the tenant's route: each step through its
 * provider's circuit breaker, with retries and backoff on retryable errors, with limits on the time
 * to the first token and on the whole call, falling back to the next step until one answers. Every
 * attempt is metered; the budgets settle on what the call really used.
 */
@ApplicationScoped
public class LlmGateway {

  private static final Logger LOG = Logger.getLogger(LlmGateway.class.getName());
  static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;
  private static final long BACKOFF_MILLIS = 200;

  @Inject PlatformSettings settings;
  @Inject PluginHost pluginHost;
  @Inject LlmRoutes routes;
  @Inject PluginCatalog catalog;
  @Inject Budgets budgets;
  @Inject UsageMeter meter;
  @Inject Prices prices;
  @Inject RateLimits rateLimits;

  private ModelCalls calls;
  private CircuitBreakers breakers;

  @PostConstruct
  void start() {
    calls = new ModelCalls(pluginHost.modelCalls());
    breakers = new CircuitBreakers(settings.llmCircuitOpenFor());
  }

  /**
   * Asks for a whole answer at once.
   *
   * @throws io.protohive.kernel.platform.Rejection when the tenant is over its model call limit
   */
  public ChatResponse chat(CallScope scope, ChatRequest request) {
    return call(scope, request, null, () -> false);
  }

  /**
   * Streams an answer: {@code tokens} receives its pieces as they arrive, on a provider's thread;
   * the method returns the whole answer once complete.
   *
   * @param cancelled polled while the answer streams; once true the provider call is cancelled
   * @throws CancellationException when the caller cancelled
   */
  public ChatResponse stream(
      CallScope scope, ChatRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
    return call(scope, request, tokens, cancelled);
  }

  private ChatResponse call(
      CallScope scope, ChatRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
    List<RouteStep> route = routes.forTenant(scope.tenantId());
    if (route.isEmpty()) {
      throw new LlmUnavailable(
          "No model route is set for your tenant; a tenant admin sets one on the LLM page.");
    }
    rateLimits.requireModelCall(scope.tenantId());
    Set<String> enabled = catalog.enabledPlugins(scope.tenantId());
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
    try {
      List<String> failures = new ArrayList<>();
      for (RouteStep step : route) {
        PluginProvider provider = routes.provider(step, enabled);
        if (provider == null) {
          failures.add(step.providerId() + " is not enabled");
          continue;
        }
        Configuration configuration =
            catalog
                .configurationForCall(scope.tenantId(), provider.pluginId())
                .orElse(Configuration.empty());
        StepResult result =
            tryStep(scope, step, provider, configuration, request, tokens, cancelled);
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
      budgets.settle(reservation, usedTokens, usedMicros);
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
      PluginProvider provider,
      Configuration configuration,
      ChatRequest request,
      Consumer<String> tokens,
      BooleanSupplier cancelled) {
    CircuitBreaker breaker = breakers.of(scope.tenantId(), step.providerId());
    String failure = "no attempt";
    for (int attempt = 1; attempt <= settings.llmAttempts(); attempt++) {
      if (!breaker.tryAcquirePermission()) {
        meter.record(
            metered(
                scope, step, tokens != null, null, Duration.ZERO, null, CallOutcome.CIRCUIT_OPEN));
        return StepResult.failed("its circuit is open after repeated failures", true);
      }
      ModelCalls.Attempt outcome =
          tokens == null
              ? calls.blocking(
                  scope.tenantId(),
                  provider,
                  step,
                  configuration,
                  request,
                  settings.llmCallTimeout())
              : calls.streaming(
                  scope.tenantId(),
                  provider,
                  step,
                  configuration,
                  request,
                  tokens,
                  cancelled,
                  settings.llmFirstTokenTimeout(),
                  settings.llmCallTimeout());
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
        meter.record(metered);
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
      meter.record(
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
      if (attempt < settings.llmAttempts()) {
        pause(attempt);
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

  /** Exponential backoff with jitter: about 200 ms, then 400 ms, each ±50 %. */
  private static void pause(int attempt) {
    long base = BACKOFF_MILLIS << (attempt - 1);
    long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
    try {
      Thread.sleep(jittered);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting to retry.");
    }
  }

  /** Error text with the configuration's secrets blanked out, should a provider echo one. */
  private String redact(String text, PluginProvider provider, Configuration configuration) {
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
