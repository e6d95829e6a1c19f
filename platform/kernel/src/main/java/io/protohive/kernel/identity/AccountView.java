package io.protohive.kernel.identity;

import java.util.UUID;

/**
 * A person's account as the doors see it: who it is, and what the platform lets it do.
 *
 * @param tenantId the tenant it belongs to, or {@code null} for a platform admin's own account
 */
public record AccountView(
    UUID id,
    UUID tenantId,
    String email,
    String displayName,
    boolean emailVerified,
    boolean platformAdmin) {

  public static AccountView of(UserAccount account) {
    return new AccountView(
        account.id(),
        account.tenantId(),
        account.email(),
        account.displayName(),
        account.isEmailVerified(),
        account.isPlatformAdmin());
  }
}
