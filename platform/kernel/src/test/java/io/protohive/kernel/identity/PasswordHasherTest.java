package io.protohive.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = hasher.hash("correct horse".toCharArray());

    assertThat(hasher.verify("correct horse".toCharArray(), stored)).isTrue();
    assertThat(hasher.verify("correct horsf".toCharArray(), stored)).isFalse();
  }

  @Test
  void recordsSchemeAndCostAndSaltsEachHash() {
    String first = hasher.hash("same".toCharArray());
    String second = hasher.hash("same".toCharArray());

    assertThat(first).startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void refusesStoredValuesInAnotherFormat() {
    assertThat(hasher.verify("x".toCharArray(), "plain-text")).isFalse();
    assertThat(hasher.verify("x".toCharArray(), "bcrypt$1$2$3")).isFalse();
    assertThat(hasher.verify("x".toCharArray(), "pbkdf2-sha256$many$salt$hash")).isFalse();
  }

  @Test
  void generatedPasswordsAreLongAndDistinct() {
    String password = InitialAdminPassword.generate();

    assertThat(password)
        .hasSizeGreaterThanOrEqualTo(24)
        .isNotEqualTo(InitialAdminPassword.generate());
  }
}
