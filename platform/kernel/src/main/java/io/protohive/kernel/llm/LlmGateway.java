package io.protohive.kernel.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.ratelimit.RateLimits;
import io.protohive.plugin.api.Configuration;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one entry point for model calls. For each call it checks the tenant's rate limit, then lets a
 * {@link RouteWalker} walk the tenant's route: budgets reserved, each step through its provider's
 * circuit breaker, with retries and backoff on retryable errors, with limits on the time to the
 * first token and on the whole call, falling back to the next step until one answers. Every attempt
 * is metered; the budgets settle on what the call really used.
 */
@ApplicationScoped
public class LlmGateway {

  @Inject PlatformSettings settings;
  @Inject PluginHost pluginHost;
  @Inject LlmRoutes routes;
  @Inject PluginCatalog catalog;
  @Inject Budgets budgets;
  @Inject UsageMeter meter;
  @Inject Prices prices;
  @Inject RateLimits rateLimits;

  private RouteWalker walker;

  @PostConstruct
  void start() {
    walker =
        new RouteWalker(
            new ModelCalls(pluginHost.modelCalls()),
            new CircuitBreakers(settings.llmCircuitOpenFor(), Clock.systemUTC()),
            budgets,
            prices,
            meter::record,
            RouteWalker.Backoff.JITTERED);
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
    return walker.walk(
        scope,
        route,
        step -> bind(scope, step, enabled),
        new RouteWalker.Limits(
            settings.llmAttempts(), settings.llmCallTimeout(), settings.llmFirstTokenTimeout()),
        request,
        tokens,
        cancelled);
  }

  private RouteWalker.BoundStep bind(CallScope scope, RouteStep step, Set<String> enabled) {
    PluginProvider provider = routes.provider(step, enabled);
    if (provider == null) {
      return null;
    }
    Configuration configuration =
        catalog
            .configurationForCall(scope.tenantId(), provider.pluginId())
            .orElse(Configuration.empty());
    return new RouteWalker.BoundStep(provider, configuration);
  }
}
