package io.protohive.kernel.audit;

import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes audit events in a transaction of their own, so a refused or failed action is recorded even
 * when the work it belonged to is rolled back. Besides the actions below, every API request leaves
 * an entry ({@link #API_READ} or {@link #API_CHANGE}).
 */
@ApplicationScoped
public class AuditLog {

  /** What is audited. */
  public enum Action {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    SIGN_UP,
    IDENTITY_LINKED,
    SIGN_OUT,
    SIGN_OUT_EVERYWHERE,
    REFRESH_TOKEN_REUSED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
    USER_INVITED,
    ORGANIZATION_CREATED,
    ORGANIZATION_RENAMED,
    ORGANIZATION_DELETED,
    MEMBER_ADDED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED,
    SIGNING_KEY_ROTATED,
    PLUGIN_ENABLED,
    PLUGIN_DISABLED,
    PLUGIN_CONFIGURED,
    PLUGIN_INSTALLED,
    PLUGIN_REMOVED,
    PLUGIN_STOPPED,
    PLUGIN_STARTED,
    PLUGIN_UPDATE_HELD,
    PLUGIN_UPDATE_APPROVED,
    PLUGIN_UPDATE_REJECTED,
    PUBLISHER_TRUSTED,
    PUBLISHER_REMOVED,
    LLM_ROUTE_CHANGED,
    BUDGET_CHANGED,
    BUDGET_RESET,
    BUDGET_REMOVED,
    BUDGET_THRESHOLD,
    LLM_PRICE_CHANGED,
    APPROVAL_GRANTED,
    APPROVAL_REFUSED,
    APPROVAL_TOOLS_CHANGED,
    TOOL_INVOKED,
    MCP_SERVER_REGISTERED,
    MCP_SERVER_REFRESHED,
    MCP_SERVER_REMOVED,
    MCP_TOOL_POLICY_CHANGED,
    FILE_UPLOADED,
    FILE_CHANGED,
    FILE_DELETED,
    FILE_RESTORED,
    FILE_SHARED,
    FILE_UNSHARED,
    TENANT_CREATED,
    TENANT_CHANGED,
    TENANT_DISABLED,
    TENANT_ENABLED,
    TENANT_DELETED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    SERVICE_ACCOUNT_CREATED,
    RETENTION_PURGED,
    PERSONAL_DATA_EXPORT_REQUESTED,
    PERSONAL_DATA_EXPORT_DOWNLOADED,
    ACCOUNT_ERASED,
    FIELD_KEY_ROTATED,
    FIELD_KEYS_RETIRED
  }

  /** The actions every API request leaves, by whether it may change anything. */
  public static final String API_READ = "API_READ";

  public static final String API_CHANGE = "API_CHANGE";

  // seeds the chain's advisory lock key apart from other features' locks on the same tenant id
  private static final long CHAIN_LOCK_SEED = 52;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** Records an action, under the trace id of the request or job it belongs to. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void record(
      UUID tenantId, UUID actorId, Action action, String subject, String sourceAddress) {
    append(entry(tenantId, actorId, action, subject, sourceAddress, null));
  }

  /**
   * @param detail what the action did, beyond its subject (an erasure's counts per kind)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void record(
      UUID tenantId,
      UUID actorId,
      Action action,
      String subject,
      String sourceAddress,
      String detail) {
    append(entry(tenantId, actorId, action, subject, sourceAddress, detail));
  }

  /** An action's entry, under the trace id of the request or job it belongs to. */
  private static AuditRecord entry(
      UUID tenantId,
      UUID actorId,
      Action action,
      String subject,
      String sourceAddress,
      String detail) {
    return new AuditRecord(
        tenantId,
        actorId,
        null,
        action.name(),
        subject,
        null,
        null,
        null,
        null,
        sourceAddress,
        LogContext.field("requestId"),
        detail);
  }

  /**
   * Appends the entry to its tenant's chain, or the platform's, one writer per chain at a time: the
   * lock is held until this transaction commits, so the next writer reads this entry as the chain's
   * last.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void record(AuditRecord record) {
    append(record);
  }

  private void append(AuditRecord record) {
    String chain = record.tenantId() == null ? "platform" : record.tenantId().toString();
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
        .setParameter(1, chain)
        .setParameter(2, CHAIN_LOCK_SEED)
        .getResultList();
    AuditEvent entry = new AuditEvent(record, Instant.now());
    List<AuditEvent> last = lastOf(record.tenantId());
    if (last.isEmpty()) {
      entry.link(0, null);
    } else {
      entry.link(last.get(0).seq(), last.get(0).hash());
    }
    entityManager.persist(entry);
  }

  private List<AuditEvent> lastOf(UUID tenantId) {
    TypedQuery<AuditEvent> query =
        entityManager
            .createQuery(
                "select e from AuditEvent e where "
                    + (tenantId == null ? "e.tenantId is null" : "e.tenantId = :tenant")
                    + " order by e.seq desc",
                AuditEvent.class)
            .setMaxResults(1);
    if (tenantId != null) {
      query.setParameter("tenant", tenantId);
    }
    return query.getResultList();
  }
}
