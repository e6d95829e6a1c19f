package io.protohive.kernel.audit;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes audit events in a transaction of their own, so a refused or failed action is recorded even
 * when the work it belonged to is rolled back.
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
    ACCOUNT_ERASED
  }

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void record(
      UUID tenantId, UUID actorId, Action action, String subject, String sourceAddress) {
    record(tenantId, actorId, action, subject, sourceAddress, null);
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
    entityManager.persist(
        new AuditEvent(
            tenantId, actorId, action.name(), subject, sourceAddress, detail, Instant.now()));
  }
}
