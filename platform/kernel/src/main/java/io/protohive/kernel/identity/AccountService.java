package io.protohive.kernel.identity;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Accounts: sign-up under the tenant's rules, and look-ups. */
@ApplicationScoped
public class AccountService {

  static final int MAX_DISPLAY_NAME = 100;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject TenantDirectory tenants;
  @Inject AuditLog audit;
  @Inject AccountRecovery recovery;
  @Inject AccountStandings standings;
  @Inject PlatformAdmins platformAdmins;

  private final PasswordHasher hasher = new PasswordHasher();

  /**
   * Signs a person up in a tenant that allows self sign-up, from an allowed email domain.
   *
   * @throws Rejection naming the field at fault (a platform admin's email is taken in every
   *     tenant), or CONFLICT when the email is taken
   */
  @Transactional
  @AsPlatform
  public AccountView register(
      String email, String password, String displayName, String tenantSlug, String address) {
    String normalized = Credentials.normalizeEmail(email);
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
      throw Rejection.invalid(
          "displayName", "Enter a name of 1 to " + MAX_DISPLAY_NAME + " characters.");
    }
    Tenant tenant =
        Optional.ofNullable(tenantSlug)
            .flatMap(slug -> tenants.bySlug(slug.strip()))
            .filter(Tenant::acceptsSignUps)
            .orElseThrow(
                () ->
                    Rejection.invalid(
                        "tenant", "No tenant of this name accepts sign-ups; ask your admin."));
    if (!tenant.allowedEmailDomains().isEmpty()
        && !tenant.allowedEmailDomains().contains(Credentials.domainOf(normalized))) {
      throw Rejection.invalid(
          "email", "Addresses at " + Credentials.domainOf(normalized) + " cannot sign up here.");
    }
    Credentials.requireStrongPassword(password, normalized);
    platformAdmins.requireNotReserved(normalized);
    if (find(tenant.id(), normalized).isPresent()) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT, "An account with this email exists; sign in instead.");
    }
    UserAccount account =
        UserAccount.member(
            tenant.id(),
            normalized,
            name,
            hasher.hash(password.toCharArray()),
            !tenant.emailVerification(),
            Instant.now());
    entityManager.persist(account);
    // rows that refer to the account by id only must not be written before it
    entityManager.flush();
    if (!account.isEmailVerified()) {
      recovery.sendVerification(account);
    }
    audit.record(tenant.id(), account.id(), Action.SIGN_UP, normalized, address);
    return AccountView.of(account);
  }

  /** Changes the caller's password, after proving the current one; ends every session. */
  @Transactional
  @AsPlatform
  public void changePassword(
      Caller caller, String currentPassword, String newPassword, String address) {
    UserAccount account = entityManager.find(UserAccount.class, caller.userId());
    if (account == null
        || currentPassword == null
        || !hasher.verify(currentPassword.toCharArray(), account.passwordHash())) {
      throw Rejection.invalid("currentPassword", "This is not your current password.");
    }
    Credentials.requireStrongPassword(newPassword, account.email());
    account.changePassword(hasher.hash(newPassword.toCharArray()));
    standings.endSessions(account.id());
    audit.record(
        account.tenantId(), account.id(), Action.PASSWORD_CHANGED, account.email(), address);
  }

  /** An account that is not disabled, of any tenant, as the doors see it. */
  @Transactional
  @AsPlatform
  public Optional<AccountView> active(UUID id) {
    return byId(id).filter(a -> !a.isDisabled()).map(AccountView::of);
  }

  /** Any tenant's account: for the platform's own use, such as renewing a session. */
  @Transactional
  @AsPlatform
  public Optional<UserAccount> byId(UUID id) {
    return Optional.ofNullable(entityManager.find(UserAccount.class, id));
  }

  private Optional<UserAccount> find(UUID tenantId, String email) {
    return entityManager
        .createQuery(
            "select u from UserAccount u where u.tenantId = :tenant and lower(u.email) = :email",
            UserAccount.class)
        .setParameter("tenant", tenantId)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }
}
