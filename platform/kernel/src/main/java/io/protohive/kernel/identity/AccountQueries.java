package io.protohive.kernel.identity;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Look-ups of accounts by email, across tenants or in one, for sign-in and recovery alike. Service
 * accounts are never found: they sign in with no password, provider or mailed link.
 */
public final class AccountQueries {

  private AccountQueries() {}

  /**
   * Accounts with this (normalized) email, in the named tenant if one is given; without a tenant,
   * the platform admin of this email if there is one.
   */
  public static List<UserAccount> withEmail(
      EntityManager entityManager, String email, Optional<String> tenantSlug) {
    Optional<String> slug = tenantSlug.map(String::strip).filter(s -> !s.isEmpty());
    if (slug.isPresent()) {
      return entityManager
          .createQuery(
              "select u from UserAccount u, Tenant t where u.tenantId = t.id"
                  + " and t.slug = :slug and lower(u.email) = :email and u.serviceAccount = false",
              UserAccount.class)
          .setParameter("slug", slug.get())
          .setParameter("email", email)
          .getResultList();
    }
    List<UserAccount> accounts =
        entityManager
            .createQuery(
                "select u from UserAccount u where lower(u.email) = :email"
                    + " and u.serviceAccount = false",
                UserAccount.class)
            .setParameter("email", email)
            .getResultList();
    // a platform admin's address is the admin's alone, even if a tenant's account has it too
    List<UserAccount> admins = accounts.stream().filter(UserAccount::isPlatformAdmin).toList();
    return admins.isEmpty() ? accounts : admins;
  }
}
