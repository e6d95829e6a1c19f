package io.protohive.kernel.job;

import io.protohive.kernel.platform.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Enqueues jobs in the caller's transaction, so a job exists exactly when the change that asked for
 * it was committed, and wakes this node's workers once it is.
 */
@ApplicationScoped
public class Jobs {

  public static final int DEFAULT_ATTEMPTS = 5;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject JobWorkers workers;

  @Transactional(Transactional.TxType.MANDATORY)
  public UUID enqueue(UUID tenantId, String kind, String payload, Instant runAt) {
    try {
      UUID id =
          JobQueue.enqueue(
              entityManager.unwrap(Connection.class),
              tenantId,
              kind,
              payload,
              runAt,
              DEFAULT_ATTEMPTS);
      AfterCommit.run(transactions, workers::wake);
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("a job cannot be queued", e);
    }
  }
}
