package io.protohive.kernel.identity;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * What a tenant's admins (declared in tenants-config) do: see, invite and disable their tenant's
 * users; {@link AuditTrail} has them read its audit trail. Every operation first proves the caller
 * is such an admin.
 */
@ApplicationScoped
public class TenantAdministration {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject AuditLog audit;
  @Inject AccountStandings standings;
  @Inject AccountRecovery recovery;
  @Inject PlatformAdmins platformAdmins;

  /** A user as tenant admins see it. */
  public record UserSummary(
      UUID id,
      String email,
      String displayName,
      boolean emailVerified,
      boolean disabled,
      boolean tenantAdmin,
      boolean serviceAccount) {}

  /** The tenant's people, in the order they joined. */
  @Transactional
  @InTenant
  public Page<UserSummary> users(Caller caller, Integer limit, String cursor) {
    Tenant tenant = requireAdmin(caller);
    PageRequest page = PageRequest.of(limit, cursor);
    TypedQuery<UserAccount> query =
        page.bindKeyset(
            entityManager
                .createQuery(
                    "select u from UserAccount u"
                        + page.where(
                            "u.tenantId = :tenant",
                            "u.createdAt",
                            "u.id",
                            PageRequest.Order.OLDEST_FIRST)
                        + " order by u.createdAt, u.id",
                    UserAccount.class)
                .setParameter("tenant", tenant.id())
                .setMaxResults(page.fetch()));
    return page.page(query.getResultList(), u -> Cursor.of(u.createdAt(), u.id()))
        .map(u -> summary(u, tenant));
  }

  /**
   * Creates an account for a person of the tenant and mails them a link to choose a password,
   * whether or not the tenant allows self sign-up.
   */
  @Transactional
  @InTenant
  public UserSummary invite(Caller caller, String email, String address) {
    Tenant tenant = requireAdmin(caller);
    String normalized = Credentials.normalizeEmail(email);
    platformAdmins.requireNotReserved(normalized);
    boolean exists =
        !entityManager
            .createQuery(
                "select u.id from UserAccount u where u.tenantId = :tenant and lower(u.email) = :email",
                UUID.class)
            .setParameter("tenant", tenant.id())
            .setParameter("email", normalized)
            .getResultList()
            .isEmpty();
    if (exists) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "This person has an account already.");
    }
    UserAccount account = UserAccount.invited(tenant.id(), normalized, Instant.now());
    entityManager.persist(account);
    entityManager.flush();
    UserAccount inviter = entityManager.find(UserAccount.class, caller.userId());
    recovery.sendInvitation(account, tenant.name(), inviter.displayName());
    audit.record(tenant.id(), caller.userId(), Action.USER_INVITED, normalized, address);
    return summary(account, tenant);
  }

  /** Disables or enables a user; either ends the user's sessions everywhere. */
  @Transactional
  @InTenant
  public UserSummary setDisabled(Caller caller, UUID userId, Boolean disabled, String address) {
    Tenant tenant = requireAdmin(caller);
    if (disabled == null) {
      throw Rejection.invalid("disabled", "Say whether the account is disabled: true or false.");
    }
    UserAccount user = entityManager.find(UserAccount.class, userId);
    if (user == null || !tenant.id().equals(user.tenantId())) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No user with this id in your tenant.");
    }
    if (userId.equals(caller.userId())) {
      throw Rejection.invalid("disabled", "You cannot disable your own account.");
    }
    user.setDisabled(disabled);
    standings.endSessions(userId);
    audit.record(
        tenant.id(),
        caller.userId(),
        disabled ? Action.USER_DISABLED : Action.USER_ENABLED,
        user.email(),
        address);
    return summary(user, tenant);
  }

  /** Whether the caller administers its tenant. */
  @Transactional
  @InTenant
  public boolean isAdmin(Caller caller) {
    if (caller.tenantId() == null) {
      return false;
    }
    UserAccount account = entityManager.find(UserAccount.class, caller.userId());
    Tenant tenant = entityManager.find(Tenant.class, caller.tenantId());
    return account != null && tenant != null && administers(account, tenant);
  }

  /**
   * Whether this account administers the tenant: tenants-config names it by email, and the email is
   * verified, so an address no one has proven to own never carries the rights.
   */
  public static boolean administers(UserAccount account, Tenant tenant) {
    return account.isEmailVerified()
        && tenant.id().equals(account.tenantId())
        && tenant.adminEmails().contains(account.email());
  }

  /** The caller's tenant. @throws Rejection unless the caller administers it */
  @InTenant
  public Tenant requireAdmin(Caller caller) {
    if (!isAdmin(caller)) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, "Only your tenant's admins may do this.");
    }
    return entityManager.find(Tenant.class, caller.tenantId());
  }

  private static UserSummary summary(UserAccount user, Tenant tenant) {
    return new UserSummary(
        user.id(),
        user.email(),
        user.displayName(),
        user.isEmailVerified(),
        user.isDisabled(),
        administers(user, tenant),
        user.isServiceAccount());
  }
}
