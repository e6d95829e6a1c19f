package io.protohive.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String EMAIL = "admin@protohive.local";

  @Test
  void thePlatformAdminsFailuresCountApartFromATenantAccountOfTheSameAddress() {
    UserAccount admin = UserAccount.platformAdmin(EMAIL, "hash", Instant.now());
    UserAccount member =
        UserAccount.member(UUID.randomUUID(), EMAIL, "M", "hash", true, Instant.now());

    assertThat(key(admin))
        .isNotEqualTo(key(member))
        .isNotEqualTo(LoginThrottle.accountKey(Optional.empty(), Optional.of("demo"), EMAIL));
  }

  @Test
  void anAddressInOneTenantCountsApartFromTheSameAddressInAnother() {
    String email = "ada@example.com";
    UserAccount first =
        UserAccount.member(UUID.randomUUID(), email, "A", "hash", true, Instant.now());
    UserAccount second =
        UserAccount.member(UUID.randomUUID(), email, "A", "hash", true, Instant.now());

    assertThat(key(first)).isNotEqualTo(key(second)).isEqualTo(key(first));
    assertThat(LoginThrottle.accountKey(Optional.empty(), Optional.of("demo"), email))
        .isNotEqualTo(LoginThrottle.accountKey(Optional.empty(), Optional.of("other"), email))
        .isEqualTo(LoginThrottle.accountKey(Optional.empty(), Optional.of(" demo "), email));
  }

  private static String key(UserAccount account) {
    return LoginThrottle.accountKey(Optional.of(account), Optional.empty(), account.email());
  }
}
