package io.protohive.kernel.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * One circuit breaker per tenant and provider: after repeated failures (more than 60 % of at least
 * two and at most the last four calls) the gateway stops sending that tenant's calls to the
 * provider, and after a pause lets one trial call through (half-open) to see whether it is back.
 * Kept per node, in memory.
 */
final class CircuitBreakers {

  private final CircuitBreakerRegistry registry;

  /**
   * @param clock tells when an open circuit's pause is over
   */
  CircuitBreakers(Duration openFor, Clock clock) {
    this.registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(60)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
  }

  CircuitBreaker of(UUID tenantId, String providerId) {
    return registry.circuitBreaker(tenantId + "/" + providerId);
  }
}
