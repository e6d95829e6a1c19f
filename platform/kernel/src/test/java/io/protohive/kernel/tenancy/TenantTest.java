package io.protohive.kernel.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.identity.UserAccount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final Tenant tenant = new Tenant("acme", Tenant.Origin.CONFIG, NOW);

  TenantTest() {
    tenant.setAdminEmails(List.of("boss@acme.example"), NOW);
  }

  @Test
  void anAdminNamedByEmailAdministersTheTenantOnceTheEmailIsVerified() {
    assertThat(tenant.isAdmin(member("boss@acme.example", true))).isTrue();
  }

  @Test
  void anUnverifiedEmailOfAnAdminGivesNoAdminRights() {
    assertThat(tenant.isAdmin(member("boss@acme.example", false))).isFalse();
  }

  @Test
  void othersAreNoAdmins() {
    assertThat(tenant.isAdmin(member("clerk@acme.example", true))).isFalse();
    assertThat(
            tenant.isAdmin(
                UserAccount.member(
                    new Tenant("other", Tenant.Origin.CONFIG, NOW).id(),
                    "boss@acme.example",
                    "Boss",
                    "hash",
                    true,
                    NOW)))
        .as("the same address in another tenant")
        .isFalse();
  }

  private UserAccount member(String email, boolean verified) {
    return UserAccount.member(tenant.id(), email, "Someone", "hash", verified, NOW);
  }
}
