package io.protohive.kernel.privacy;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.file.FileErasure;
import io.protohive.kernel.identity.AccountErasure;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.MembershipErasure;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Erases a person, asked by themselves or by their tenant's admin, in one transaction: what is
 * theirs alone goes (memberships, files, exports, sessions, tokens, mail, what agents remembered of
 * their messages); their account stays without name or address, so that their messages and comments
 * stay in place, written by "deleted user". Refused, with nothing changed, for the last owner of an
 * organization and for a tenant admin named in tenants-config.
 */
@ApplicationScoped
public class Erasure {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject AccountService accounts;
  @Inject AccountErasure accountErasure;
  @Inject MembershipErasure memberships;
  @Inject FileErasure files;
  @Inject ExportRecords exports;
  @Inject AuditLog audit;

  /**
   * Erases the caller.
   *
   * @param confirmation the caller's email address, typed again: an erasure cannot be undone
   */
  @Transactional
  @InTenant
  public ErasureReport eraseSelf(Caller caller, String confirmation, String address) {
    Exports.requirePerson(caller);
    String email =
        accounts
            .active(caller.userId())
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "This account is gone."))
            .email();
    if (confirmation == null || !confirmation.strip().equalsIgnoreCase(email)) {
      throw Rejection.invalid(
          "email",
          "Type the email address you sign in with to confirm that your account and data are"
              + " to be erased; this cannot be undone.");
    }
    return erase(caller, caller.userId(), address);
  }

  /** A tenant admin erases a person of their tenant. */
  @Transactional
  @InTenant
  public ErasureReport eraseUser(Caller caller, UUID userId, String address) {
    authorization.tenantAdmin(caller);
    boolean ofTenant =
        accounts.byId(userId).filter(a -> caller.tenantId().equals(a.tenantId())).isPresent();
    if (!ofTenant) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No user with this id in your tenant.");
    }
    return erase(caller, userId, address);
  }

  private ErasureReport erase(Caller caller, UUID userId, String address) {
    UUID tenantId = caller.tenantId();
    accountErasure.requireErasable(userId);
    memberships.requireNotLastOwner(tenantId, userId);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("memberships", memberships.removeEverywhere(tenantId, userId));
    counts.putAll(files.erase(tenantId, userId));
    counts.put("exports", deleteExports(userId));
    counts.put(
        "conversationReads", update("delete from conversation_read where user_id = ?1", userId));
    counts.put("idempotencyKeys", update("delete from idempotency_key where user_id = ?1", userId));
    // what agents remember of a person is what they said: the chunks made of their messages
    counts.put(
        "memories",
        update(
            "delete from memory_chunk where source_message_id in (select id from message"
                + " where author_kind = 'USER' and author_id = ?1)",
            userId));
    counts.put(
        "tasksUnassigned",
        update("update task set assignee_user_id = null where assignee_user_id = ?1", userId));
    counts.putAll(accountErasure.erase(userId));
    ErasureReport report = new ErasureReport(userId, Instant.now(), counts);
    audit.record(
        tenantId,
        caller.userId(),
        Action.ACCOUNT_ERASED,
        userId.toString(),
        address,
        report.summary());
    return report;
  }

  private int deleteExports(UUID userId) {
    List<ExportRecords.Row> deleted = exports.deleteOfUser(userId);
    files.deleteAfterCommit(
        deleted.stream().map(ExportRecords.Row::stored).filter(Objects::nonNull).toList());
    return deleted.size();
  }

  private int update(String sql, UUID userId) {
    return entityManager.createNativeQuery(sql).setParameter(1, userId).executeUpdate();
  }
}
