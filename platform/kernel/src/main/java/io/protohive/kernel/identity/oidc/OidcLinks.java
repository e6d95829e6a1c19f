package io.protohive.kernel.identity.oidc;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which account a person at a provider signs in to, by the provider's subject: the one way a
 * returning person is recognized, whatever their email is now. Calls run in a transaction scoped to
 * the tenant.
 */
@ApplicationScoped
public class OidcLinks {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject AuditLog audit;

  @Transactional(TxType.MANDATORY)
  @InTenant
  public Optional<UserAccount> account(@TenantId UUID tenantId, String providerId, String subject) {
    return entityManager
        .createQuery(
            "select u from UserAccount u, OidcLink l where l.providerId = :provider"
                + " and l.subject = :subject and u.id = l.userId",
            UserAccount.class)
        .setParameter("provider", providerId)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  /** Whether the account is linked to someone at this provider already. */
  @Transactional(TxType.MANDATORY)
  @InTenant
  public boolean isLinked(@TenantId UUID tenantId, UUID userId, String providerId) {
    return !entityManager
        .createQuery(
            "select l from OidcLink l where l.userId = :user and l.providerId = :provider",
            OidcLink.class)
        .setParameter("user", userId)
        .setParameter("provider", providerId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Transactional(TxType.MANDATORY)
  @InTenant
  public void link(ProviderSignIn signIn, String address) {
    entityManager.persist(
        new OidcLink(
            signIn.tenantId(),
            signIn.provider().id(),
            signIn.subject(),
            signIn.account().id(),
            Instant.now()));
    entityManager.flush();
    audit.record(
        signIn.tenant().id(),
        signIn.account().id(),
        Action.IDENTITY_LINKED,
        signIn.account().email() + " to " + signIn.provider().id(),
        address);
  }

  /** Links an existing account once its owner has confirmed. */
  @Transactional
  @InTenant
  public void confirm(ProviderSignIn signIn, String address) {
    link(signIn, address);
  }
}
