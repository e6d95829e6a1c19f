package io.protohive.kernel.audit;

import io.protohive.kernel.platform.LogContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.UUID;

/**
 * Writes audit events in a transaction of their own, so a refused or failed action is recorded even
 * when the work it belonged to is rolled back; the entries that threads of one node record at the
 * same moment share that transaction ({@link GroupCommit}), so that under load they do not wait for
 * each other's commits one by one. Besides the actions below, every API request leaves an entry
 * ({@link #API_READ} or {@link #API_CHANGE}).
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

  /** The action every page a signed-in person opens in the UI leaves. */
  public static final String UI_VIEW = "UI_VIEW";

  @Inject AuditChains chains;
  @Resource TransactionSynchronizationRegistry transactions;

  private GroupCommit<AuditRecord> appends;

  @PostConstruct
  void start() {
    appends = new GroupCommit<>(records -> chains.append(records));
  }

  /** Records an action, under the trace id of the request or job it belongs to. */
  public void record(
      UUID tenantId, UUID actorId, Action action, String subject, String sourceAddress) {
    record(entry(tenantId, actorId, action, subject, sourceAddress, null));
  }

  /**
   * @param detail what the action did, beyond its subject (an erasure's counts per kind)
   */
  public void record(
      UUID tenantId,
      UUID actorId,
      Action action,
      String subject,
      String sourceAddress,
      String detail) {
    record(entry(tenantId, actorId, action, subject, sourceAddress, detail));
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
   * Appends the entry to its tenant's chain, or the platform's, and returns once it is committed.
   * Outside a transaction, in one transaction with whatever other threads of this node are
   * recording at the same moment. Inside one, alone: the suspended transaction may hold a lock (on
   * a tenant's row, say) that a shared write would wait for while this thread waits for it.
   */
  public void record(AuditRecord record) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      appends.write(record);
    } else {
      chains.append(List.of(record));
    }
  }
}
