package io.protohive.kernel.identity;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: after too many failures in a window, an account, or a source address, is
 * locked for a while. Locks are cluster-wide (Hazelcast) and expire by themselves, so nobody is
 * locked out for good. An account is its tenant and address, so guesses against an address in one
 * tenant lock no one out of another tenant, nor the platform admin out of the platform.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject HazelcastInstance hazelcast;

  @Inject
  @ConfigProperty(name = "protohive.login.account.max-failures", defaultValue = "5")
  int accountMaxFailures;

  @Inject
  @ConfigProperty(name = "protohive.login.address.max-failures", defaultValue = "50")
  int addressMaxFailures;

  @Inject
  @ConfigProperty(name = "protohive.login.lock", defaultValue = "PT15M")
  Duration lock;

  /**
   * Whose failures count together: a tenant's account, a platform admin, or an address that matches
   * no account, in the tenant asked for.
   */
  static String accountKey(
      Optional<UserAccount> account, Optional<String> tenantSlug, String email) {
    String owner =
        account
            .map(a -> a.isPlatformAdmin() ? "platform" : "tenant " + a.tenantId())
            .orElseGet(() -> "unknown in " + tenantSlug.map(String::strip).orElse(""));
    return owner + ":" + email;
  }

  /**
   * @param account an {@link #accountKey}
   * @throws Rejection while the account or the address is locked
   */
  public void requireUnlocked(String account, String address) {
    if (locks().containsKey(accountKey(account)) || locks().containsKey(addressKey(address))) {
      throw Rejection.tooManyRequests(
          "Too many failed sign-ins. Try again in " + lock.toMinutes() + " minutes.", lock);
    }
  }

  /**
   * Counts a failure against both account and address.
   *
   * @return whether the account is now locked
   */
  public boolean recordFailure(String account, String address) {
    count(addressKey(address), addressMaxFailures);
    return count(accountKey(account), accountMaxFailures);
  }

  public void recordSuccess(String account) {
    failures().delete(accountKey(account));
  }

  private boolean count(String key, int max) {
    IMap<String, Integer> failures = failures();
    failures.lock(key);
    try {
      int count = failures.getOrDefault(key, 0) + 1;
      if (count >= max) {
        locks().set(key, Boolean.TRUE, lock.toMillis(), TimeUnit.MILLISECONDS);
        failures.delete(key);
        return true;
      }
      failures.set(key, count, lock.toMillis(), TimeUnit.MILLISECONDS);
      return false;
    } finally {
      failures.unlock(key);
    }
  }

  private IMap<String, Integer> failures() {
    return hazelcast.getMap("protohive.login.failures");
  }

  private IMap<String, Boolean> locks() {
    return hazelcast.getMap("protohive.login.locks");
  }

  private static String accountKey(String account) {
    return "account:" + account;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
