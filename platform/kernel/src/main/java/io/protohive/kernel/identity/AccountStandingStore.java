package io.protohive.kernel.identity;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Reads and bumps the standing in the database, by SQL rather than through the entity: another
 * node's cached entity may hold an old generation.
 */
@ApplicationScoped
class AccountStandingStore {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** In a transaction of its own, so that it never changes the caller's database scope. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  AccountStanding read(UUID userId) {
    List<?> rows =
        entityManager
            .createNativeQuery(
                "select session_generation, disabled from user_account where id = ?1")
            .setParameter(1, userId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> standing((Object[]) row))
        // an account that does not exist admits nothing
        .orElse(new AccountStanding(-1, true));
  }

  /** Bumps the generation within the caller's transaction, which must see the account's row. */
  @Transactional(Transactional.TxType.MANDATORY)
  AccountStanding bump(UUID userId) {
    // the entity's pending changes (such as disabling) first, so the row returned has them
    entityManager.flush();
    return standing(
        (Object[])
            entityManager
                .createNativeQuery(
                    "update user_account set session_generation = session_generation + 1"
                        + " where id = ?1 returning session_generation, disabled")
                .setParameter(1, userId)
                .getSingleResult());
  }

  private static AccountStanding standing(Object[] row) {
    return new AccountStanding(((Number) row[0]).longValue(), (Boolean) row[1]);
  }
}
