package io.protohive.kernel.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.ratelimit.RateLimits;
import io.protohive.pluginhost.PluginHost;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one entry point for model calls. For each call it checks the tenant's rate limit, then lets a
 * {@link RouteWalker} walk the tenant's route: budgets reserved, each step through its provider's
 * circuit breaker, with retries and backoff on retryable errors, with limits on the time to the
 * first token and on the whole call, falling back to the next step until one answers. Every attempt
 * is metered and the budgets settle on what the call really used, written once after the caller has
 * its answer ({@link CallSettlements}). The route and prices are read from memory ({@link
 * io.protohive.kernel.cluster.ClusterCaches}).
 */
@ApplicationScoped
public class LlmGateway {

  @Inject PlatformSettings settings;
  @Inject PluginHost pluginHost;
  @Inject LlmRoutes routes;
  @Inject CallSettlements budgets;
  @Inject Prices prices;
  @Inject RateLimits rateLimits;
  @Inject ClusterCaches caches;

  @Resource ManagedExecutorService executor;

  private ModelCalls calls;
  private RouteWalker walker;
  private ClusterCaches.Cache<BoundRoute> boundRoutes;

  /** A tenant's bound route, and the plugin host's generation it was bound in. */
  private record BoundRoute(LlmRoutes.Bound bound, long plugins) {}

  @PostConstruct
  void start() {
    boundRoutes = caches.cache(ClusterCaches.LLM_ROUTES);
    calls = new ModelCalls(pluginHost.modelCalls());
    walker =
        new RouteWalker(
            calls,
            new CircuitBreakers(settings.llmCircuitOpenFor(), Clock.systemUTC()),
            budgets,
            prices,
            RouteWalker.Backoff.JITTERED,
            new RouteWalker.Resumption() {
              @Override
              public <T> CompletableFuture<T> after(CompletableFuture<T> ended) {
                // created here, on the caller's managed thread, so that the walk's next stages run
                // on the managed executor with the caller's context whichever thread ends the
                // attempt
                CompletableFuture<T> managed = executor.newIncompleteFuture();
                ended.whenComplete(
                    (value, error) -> {
                      if (error == null) {
                        managed.complete(value);
                      } else {
                        managed.completeExceptionally(error);
                      }
                    });
                return managed;
              }
            });
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

  /**
   * Streams an answer without holding a thread while it streams: {@code tokens} receives its pieces
   * as they arrive, on a provider's thread; the future completes with the whole answer, on a thread
   * of the managed executor.
   *
   * @param cancelled watched while the answer streams; once true the provider call is cancelled and
   *     the future completes with a {@link CancellationException}
   */
  public CompletableFuture<ChatResponse> streamAsync(
      CallScope scope, ChatRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
    LlmRoutes.Bound route;
    try {
      route = routed(scope);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return walker.walkAsync(scope, route.steps(), route::of, limits(), request, tokens, cancelled);
  }

  private LlmRoutes.Bound routed(CallScope scope) {
    LlmRoutes.Bound route = route(scope.tenantId());
    if (route.steps().isEmpty()) {
      throw new LlmUnavailable(
          "No model route is set for your tenant; a tenant admin sets one on the LLM page.");
    }
    rateLimits.requireModelCall(scope.tenantId());
    return route;
  }

  private RouteWalker.Limits limits() {
    return new RouteWalker.Limits(
        settings.llmAttempts(), settings.llmCallTimeout(), settings.llmFirstTokenTimeout());
  }

  private ChatResponse call(
      CallScope scope, ChatRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
    LlmRoutes.Bound route = routed(scope);
    return walker.walk(scope, route.steps(), route::of, limits(), request, tokens, cancelled);
  }

  /**
   * The tenant's route bound to its providers, from memory: read again when the tenant's route or
   * plugin settings changed on any node, or when this node's plugins changed.
   */
  private LlmRoutes.Bound route(UUID tenantId) {
    long plugins = pluginHost.servicesGeneration();
    return boundRoutes
        .get(
            tenantId.toString(),
            cached -> cached.plugins() == plugins,
            () -> new BoundRoute(routes.route(tenantId), plugins))
        .bound();
  }

  /**
   * Embeds texts with a provider's embedding model, one the tenant's configuration of the provider
   * lists; rate-limited, budgeted and metered like a chat. Not routed: vectors of different models
   * cannot stand in for each other, so there is nothing to fall back to.
   *
   * @throws io.protohive.kernel.platform.Rejection when the tenant may not use the model
   * @throws LlmUnavailable when the provider did not answer
   */
  public Response<List<Embedding>> embed(CallScope scope, RouteStep model, List<String> texts) {
    rateLimits.requireModelCall(scope.tenantId());
    RouteWalker.BoundStep bound = routes.bind(scope.tenantId(), List.of(model)).of(model);
    if (bound == null) {
      throw Rejection.invalid(
          "model",
          "No provider plugin enabled for your tenant is called " + model.providerId() + ".");
    }
    long estimate = texts.stream().mapToLong(text -> text.length() / 4 + 1).sum();
    Budgets.Reservation reservation =
        budgets.reserve(
            scope, estimate, prices.cost(model.providerId(), model.model(), estimate, 0));
    long used = 0;
    long cost = 0;
    List<UsageMeter.Metered> attempts = new ArrayList<>();
    try {
      ModelCalls.Done<Response<List<Embedding>>> outcome =
          calls.embedding(
              scope.tenantId(),
              bound.provider(),
              model.model(),
              bound.configuration(),
              texts,
              settings.llmCallTimeout());
      TokenUsage usage = outcome.value() == null ? null : outcome.value().tokenUsage();
      used = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      cost = prices.cost(model.providerId(), model.model(), used, 0);
      attempts.add(
          new UsageMeter.Metered(
              UsageMeter.Operation.EMBEDDINGS,
              scope,
              model,
              false,
              used,
              0,
              outcome.took(),
              null,
              outcome.outcome(),
              cost));
      if (outcome.value() == null) {
        throw new LlmUnavailable(
            "The embedding call failed: " + LlmErrors.describe(outcome.error()));
      }
      return Response.from(outcome.value().content(), new TokenUsage(Math.toIntExact(used), 0));
    } finally {
      budgets.settle(scope, reservation, used, cost, attempts);
    }
  }
}
