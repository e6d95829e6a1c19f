package io.protohive.kernel.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.kernel.tenancy.TenantRateLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's rate limits, per minute: anonymous requests per source address, API requests per
 * person and per tenant, model calls per tenant. The defaults come from configuration; a tenant's
 * tenants-config file may set its own.
 */
@ApplicationScoped
public class RateLimits {

  public static final String ADDRESS = "address";
  public static final String USER = "user";
  public static final String TENANT = "tenant";
  public static final String LLM = "llm";

  /** How long a node keeps a tenant's own limits before it reads them again. */
  static final Duration TENANT_LIMITS_MAX_AGE = Duration.ofSeconds(30);

  @Inject HazelcastInstance hazelcast;
  @Inject TenantDirectory tenants;

  @Inject
  @ConfigProperty(name = "protohive.rate-limit.address", defaultValue = "120")
  int addressPerMinute;

  @Inject
  @ConfigProperty(name = "protohive.rate-limit.user", defaultValue = "600")
  int userPerMinute;

  @Inject
  @ConfigProperty(name = "protohive.rate-limit.tenant", defaultValue = "3000")
  int tenantPerMinute;

  @Inject
  @ConfigProperty(name = "protohive.rate-limit.llm", defaultValue = "300")
  int llmPerMinute;

  private final Map<UUID, CachedLimits> tenantLimits = new ConcurrentHashMap<>();
  RateLimiter limiter;

  @PostConstruct
  void start() {
    limiter = new RateLimiter(hazelcast);
  }

  private record CachedLimits(TenantRateLimits limits, long readAtNanos) {}

  /** Takes an anonymous request from its source address. */
  public RateLimitDecision anonymous(String address) {
    return limiter.take(address, RateLimit.perMinute(ADDRESS, addressPerMinute));
  }

  /**
   * Takes an API request from its caller, then from the caller's tenant; a request the caller's own
   * limit refuses takes nothing from the tenant.
   *
   * @return the decisions taken, the refusing one last
   */
  public List<RateLimitDecision> authenticated(Caller caller) {
    List<RateLimitDecision> decisions = new ArrayList<>();
    TenantRateLimits own =
        caller.tenantId() == null ? TenantRateLimits.NONE : tenantLimits(caller.tenantId());
    RateLimitDecision user =
        limiter.take(
            caller.userId().toString(),
            RateLimit.perMinute(USER, orDefault(own.user(), userPerMinute)));
    decisions.add(user);
    if (user.allowed() && caller.tenantId() != null) {
      decisions.add(
          limiter.take(
              caller.tenantId().toString(),
              RateLimit.perMinute(TENANT, orDefault(own.tenant(), tenantPerMinute))));
    }
    return decisions;
  }

  /**
   * Takes a model call from the tenant.
   *
   * @throws Rejection when the tenant made all the calls its limit allows for now
   */
  public void requireModelCall(UUID tenantId) {
    RateLimitDecision decision =
        limiter.take(
            tenantId.toString(),
            RateLimit.perMinute(LLM, orDefault(tenantLimits(tenantId).llm(), llmPerMinute)));
    if (!decision.allowed()) {
      throw refusal(decision);
    }
  }

  /** The rejection of a refused request, saying whose limit it hit and when to try again. */
  public static Rejection refusal(RateLimitDecision decision) {
    RateLimit limit = decision.limit();
    String whose =
        switch (limit.policy()) {
          case ADDRESS -> "Too many requests from your address";
          case USER -> "Too many requests from you";
          case TENANT -> "Too many requests from your tenant";
          case LLM -> "Too many model calls from your tenant";
          default -> "Too many requests";
        };
    Duration retryAfter = Duration.ofSeconds(seconds(decision.retryAfter()));
    return Rejection.tooManyRequests(
        whose
            + ": at most "
            + limit.quota()
            + " a minute. Try again in "
            + retryAfter.toSeconds()
            + " seconds.",
        retryAfter);
  }

  /** Whole seconds, rounded up, at least one: waiting less than asked would be refused again. */
  public static long seconds(Duration duration) {
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private TenantRateLimits tenantLimits(UUID tenantId) {
    long now = System.nanoTime();
    CachedLimits cached = tenantLimits.get(tenantId);
    if (cached == null || now - cached.readAtNanos() > TENANT_LIMITS_MAX_AGE.toNanos()) {
      TenantRateLimits limits =
          tenants.byId(tenantId).map(Tenant::rateLimits).orElse(TenantRateLimits.NONE);
      cached = new CachedLimits(limits, now);
      tenantLimits.put(tenantId, cached);
    }
    return cached.limits();
  }

  private static int orDefault(Integer own, int platform) {
    return own == null ? platform : own;
  }
}
