package io.protohive.kernel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.kernel.tenancy.TenantFileSettings;
import io.protohive.kernel.tenancy.TenantRateLimits;
import io.protohive.kernel.tenancy.TenantRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform's limits on a real Hazelcast member, with a tenant that sets some of its own. */
class RateLimitsTest {

  private static ClusterMember member;

  private final Tenant limited = tenant(new TenantRateLimits(2, 3, 1));
  private final RateLimits limits = new RateLimits();

  @BeforeAll
  static void start() {
    member = ClusterMember.start(5931, List.of());
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  RateLimitsTest() {
    limits.limiter = new RateLimiter(member.hazelcast());
    limits.tenants = new OneTenant(limited);
    limits.addressPerMinute = 5;
    limits.userPerMinute = 10;
    limits.tenantPerMinute = 100;
    limits.llmPerMinute = 50;
  }

  @Test
  void aTenantsOwnLimitsHoldItsPeopleAndARefusedPersonTakesNothingFromTheTenant() {
    Caller alice = new Caller(UUID.randomUUID(), limited.id());
    Caller bob = new Caller(UUID.randomUUID(), limited.id());
    limits.authenticated(alice);
    limits.authenticated(alice);

    List<RateLimitDecision> refused = limits.authenticated(alice);

    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).limit()).isEqualTo(RateLimit.perMinute(RateLimits.USER, 2));
    assertThat(refused.get(0).allowed()).isFalse();
    List<RateLimitDecision> bobs = limits.authenticated(bob);
    assertThat(bobs).extracting(RateLimitDecision::allowed).containsExactly(true, true);
    assertThat(bobs.get(1).limit()).isEqualTo(RateLimit.perMinute(RateLimits.TENANT, 3));
    assertThat(bobs.get(1).remaining()).isZero();
    assertThat(limits.authenticated(bob).get(1).allowed()).isFalse();
  }

  @Test
  void otherTenantsAndPlatformAdminsHaveTheDefaults() {
    List<RateLimitDecision> other =
        limits.authenticated(new Caller(UUID.randomUUID(), UUID.randomUUID()));
    List<RateLimitDecision> admin = limits.authenticated(new Caller(UUID.randomUUID(), null));

    assertThat(other)
        .extracting(RateLimitDecision::limit)
        .containsExactly(
            RateLimit.perMinute(RateLimits.USER, 10), RateLimit.perMinute(RateLimits.TENANT, 100));
    assertThat(admin)
        .extracting(RateLimitDecision::limit)
        .containsExactly(RateLimit.perMinute(RateLimits.USER, 10));
  }

  @Test
  void aModelCallOverTheTenantsLimitIsRejectedWithWhenToTryAgain() {
    limits.requireModelCall(limited.id());

    Rejection rejection =
        catchThrowableOfType(() -> limits.requireModelCall(limited.id()), Rejection.class);

    assertThat(rejection.kind()).isEqualTo(Rejection.Kind.TOO_MANY_REQUESTS);
    assertThat(rejection.retryAfter())
        .hasValueSatisfying(
            after -> assertThat(after).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60)));
    assertThat(rejection.getMessage())
        .startsWith("Too many model calls from your tenant: at most 1 a minute. Try again in ");
  }

  @Test
  void anAddressIsRefusedAfterItsQuota() {
    String address = "192.0.2." + (System.nanoTime() % 250);
    for (int i = 0; i < 5; i++) {
      assertThat(limits.anonymous(address).allowed()).isTrue();
    }

    RateLimitDecision refused = limits.anonymous(address);

    assertThat(refused.allowed()).isFalse();
    assertThat(RateLimits.refusal(refused).getMessage())
        .isEqualTo(
            "Too many requests from your address: at most 5 a minute. Try again in 12 seconds.");
  }

  @Test
  void secondsAreRoundedUpAndNeverZero() {
    assertThat(RateLimits.seconds(Duration.ofSeconds(20))).isEqualTo(20);
    assertThat(RateLimits.seconds(Duration.ofMillis(19_001))).isEqualTo(20);
    assertThat(RateLimits.seconds(Duration.ZERO)).isEqualTo(1);
  }

  private static Tenant tenant(TenantRateLimits rateLimits) {
    Tenant tenant = new Tenant("limited", Tenant.Origin.CONFIG, Instant.now());
    tenant.apply(
        "Limited",
        List.of(),
        false,
        true,
        List.of(),
        rateLimits,
        TenantFileSettings.DEFAULTS,
        null,
        TenantRetention.DEFAULTS,
        List.of(),
        Instant.now());
    return tenant;
  }

  /** A directory of one tenant. */
  private static final class OneTenant extends TenantDirectory {
    private final Tenant tenant;

    OneTenant(Tenant tenant) {
      this.tenant = tenant;
    }

    @Override
    public Optional<Tenant> byId(UUID id) {
      return tenant.id().equals(id) ? Optional.of(tenant) : Optional.empty();
    }
  }
}
