package io.protohive.kernel.identity;

import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The one check for platform administration, whichever door (API or UI) a request came in by. */
@ApplicationScoped
public class PlatformAdmins {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** Refuses anyone but an enabled platform admin; the transaction continues platform-scoped. */
  @Transactional
  @AsPlatform
  public void require(Caller caller) {
    if (!isAdmin(caller)) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, "Only platform admins may do this.");
    }
  }

  /**
   * Refuses a platform admin's address for a tenant's account, so that signing in with it without a
   * tenant means the admin alone. Looks across tenants in a transaction of its own, leaving the
   * caller's scope as it was.
   *
   * @throws Rejection naming the field {@code email}
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void requireNotReserved(String normalizedEmail) {
    long admins =
        entityManager
            .createQuery(
                "select count(u) from UserAccount u where u.platformAdmin = true"
                    + " and lower(u.email) = :email",
                Long.class)
            .setParameter("email", normalizedEmail)
            .getSingleResult();
    if (admins > 0) {
      throw Rejection.invalid(
          "email", "This address belongs to the platform's admin; use another one.");
    }
  }

  /** Whether the caller is an enabled platform admin; the transaction continues platform-scoped. */
  @Transactional
  @AsPlatform
  public boolean isAdmin(Caller caller) {
    UserAccount account = entityManager.find(UserAccount.class, caller.userId());
    return account != null && account.isPlatformAdmin() && !account.isDisabled();
  }
}
