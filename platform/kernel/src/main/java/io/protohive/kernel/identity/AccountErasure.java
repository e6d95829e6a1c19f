package io.protohive.kernel.identity;

import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The accounts' part of a person's erasure, in the erasure's transaction: their ways to sign in and
 * their sessions go, mail to them goes, the audit trail names them by id instead of address, and
 * the account row stays without name or address for what they wrote.
 */
@ApplicationScoped
public class AccountErasure {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject AccountStandings standings;

  /**
   * @throws Rejection (conflict) for a tenant admin: tenants-config names them by address, and the
   *     file, not the platform, is where that changes
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @AsPlatform
  public void requireErasable(UUID userId) {
    UserAccount account = entityManager.find(UserAccount.class, userId);
    Tenant tenant = entityManager.find(Tenant.class, account.tenantId());
    if (tenant.adminEmails().contains(account.email())) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This person is a tenant admin, named in the tenant's tenants-config file: remove the"
              + " address there first, then erase the account.");
    }
  }

  /** Erases the account's part; how many rows of each kind went or changed. */
  @Transactional(Transactional.TxType.MANDATORY)
  @AsPlatform
  public Map<String, Integer> erase(UUID userId) {
    UserAccount account = entityManager.find(UserAccount.class, userId);
    String email = account.email();
    // first: it revokes the refresh tokens, which the next line then deletes
    standings.endSessions(userId);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("sessions", delete("delete from refresh_token where user_id = ?1", userId));
    counts.put("apiTokens", delete("delete from api_token where user_id = ?1", userId));
    counts.put("mailedTokens", delete("delete from account_token where user_id = ?1", userId));
    counts.put(
        "identityLinks",
        delete("delete from oidc_link where user_id = ?1", userId)
            + delete("delete from oidc_ticket where user_id = ?1", userId));
    counts.put("mails", delete("delete from mail_message where lower(recipient) = ?1", email));
    counts.put(
        "auditEntriesAnonymized",
        entityManager
            .createNativeQuery(
                "update audit_event set subject = replace(subject, ?1, ?2),"
                    + " subject_erased = true where strpos(subject, ?1) > 0")
            .setParameter(1, email)
            .setParameter(2, userId.toString())
            .executeUpdate());
    account.erase();
    counts.put("accounts", 1);
    return counts;
  }

  private int delete(String sql, Object parameter) {
    return entityManager.createNativeQuery(sql).setParameter(1, parameter).executeUpdate();
  }
}
